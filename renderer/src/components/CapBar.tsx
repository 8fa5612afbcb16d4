import type { ProjectStatus } from '../../../shared/domain/project'
import type { CapEffect, Determination } from '../../../shared/rules/types'
import { alertLevel, capitalised, formatShare, formatTpp } from '../format'
import { bucketName } from '../../../shared/rules/buckets'
import { ConfidenceBadge } from './Badges'
import { capStanding } from '../../../shared/rules/cap-standing'
import { projectedNote } from './projectedNote'

const fmt = (cap: CapEffect, n: number) => (cap.unit === 'share' ? formatShare(n) : `${formatTpp(n)} TPP`)

/** A difference of two shares, in percentage points (a share bucket's figures are already percentages). */
const points = (fraction: number) => `${(Math.abs(fraction) * 100).toFixed(1)} points`

/**
 * How far the deal leaves the cap from its bound: for a TPP cap what remains; for a share, the distance
 * in points, said the way the bound reads.
 */
function margin(cap: CapEffect, contrast: boolean): { label: string; value: string } {
  if (cap.unit !== 'share')
    return { label: contrast ? 'Would remain' : 'Remaining', value: fmt(cap, cap.remaining) }
  const breached = cap.remaining < 0
  const label =
    cap.bound === 'max'
      ? breached
        ? 'over the maximum by'
        : 'room to the maximum'
      : breached
        ? 'below the minimum by'
        : 'above the minimum by'
  const said = contrast
    ? breached || cap.bound === 'min'
      ? `Would be ${label}`
      : 'Room to the maximum, if counted'
    : capitalised(label)
  return { label: said, value: points(cap.remaining) }
}

/**
 * One cap a deal touches, as a before/after bar against its limit. Colours follow the desk's
 * 80/90/95/100 ladder; for minimum-share caps (UVEU tier 1, US) the bar shows the share held and the
 * limit is a floor. A share bucket counts fractions of the UVEU's installed TPP, so it reads as a share
 * with its distance to the bound in points, never as a percentage of a percentage. A cap the deal's
 * route does not draw on is shown for contrast (what it would be), without a verdict or alert colour;
 * the country allocation on the licence route is the deal's own cap, with its verdict, said as
 * projected, reserved or committed by the deal's status (`projectedNote`): see `capStanding`.
 */
export function CapBar({
  cap,
  authorization,
  status,
}: {
  cap: CapEffect
  authorization: Determination['authorization']
  /** The deal's status in the ledger; null for a deal not saved yet. */
  status: ProjectStatus | null
}) {
  const share = cap.unit === 'share'
  const standing = capStanding(cap, authorization)
  const contrast = standing === 'contrast'
  const name = bucketName(cap.bucket)
  const scale = Math.max(cap.limit, cap.after, cap.before, cap.bound === 'max' ? 1e-9 : 1)
  const pctBefore = (cap.before / scale) * 100
  const pctAfter = (cap.after / scale) * 100
  const usedPct = !share && cap.bound === 'max' && cap.limit > 0 ? (cap.after / cap.limit) * 100 : null
  // The desk's ladder is for TPP limits; a share is either within its bound or not.
  const level = contrast ? 'none' : cap.exceeded ? 'over' : usedPct != null ? alertLevel(usedPct) : 'none'
  const bound = cap.bound === 'max' ? (share ? 'Maximum' : 'Limit') : 'Minimum'
  const after = contrast ? 'If counted' : share ? 'Share after this deal' : 'After'
  const left = margin(cap, contrast)
  return (
    <div className={`cap alert-${level}${contrast ? ' cap-contrast' : ''}`} data-testid={`cap-${cap.bucket}`}>
      <div className="cap-title">
        {/* The name says the kind ("Country allocation, India"): it is not said twice. */}
        <strong data-testid="cap-name">{name}</strong>
        {contrast && (
          <span className="pill" data-testid="cap-contrast">
            not counted on this deal&apos;s route: shown for contrast
          </span>
        )}
        {standing === 'projected' && (
          <span className="pill" data-testid="cap-projected">
            {projectedNote(status)}
          </span>
        )}
        {cap.exceeded && !contrast && <span className="pill outcome outcome-danger">Exceeded</span>}
      </div>
      <div
        className="cap-bar"
        role="meter"
        aria-label={`${name} ${contrast ? 'if this deal were counted' : 'after this deal'}`}
        aria-valuemin={0}
        aria-valuemax={scale}
        aria-valuenow={cap.after}
        aria-valuetext={`${fmt(cap, cap.after)}, ${bound.toLowerCase()} ${fmt(cap, cap.limit)}`}
      >
        <div className="cap-before" style={{ width: `${Math.min(pctBefore, 100)}%` }} />
        <div
          className="cap-delta"
          style={{
            left: `${Math.min(pctBefore, 100)}%`,
            width: `${Math.max(Math.min(pctAfter, 100) - Math.min(pctBefore, 100), 0)}%`,
          }}
        />
        <div className="cap-limit" style={{ left: `${Math.min((cap.limit / scale) * 100, 100)}%` }} />
      </div>
      <dl className="cap-figures">
        <div>
          <dt>{share ? 'Share before' : 'Before'}</dt>
          <dd>{fmt(cap, cap.before)}</dd>
        </div>
        <div>
          <dt>{after}</dt>
          <dd data-testid="cap-after">{fmt(cap, cap.after)}</dd>
        </div>
        <div>
          <dt>{bound}</dt>
          <dd>{fmt(cap, cap.limit)}</dd>
        </div>
        <div>
          <dt>{left.label}</dt>
          <dd data-testid="cap-remaining" className={cap.remaining < 0 && !contrast ? 'error' : undefined}>
            {left.value}
          </dd>
        </div>
        {usedPct != null && (
          <div>
            <dt>{contrast ? 'Would use' : 'Used'}</dt>
            <dd>{formatShare(usedPct / 100)}</dd>
          </div>
        )}
      </dl>
      <p className="cite">
        {cap.citation} <ConfidenceBadge confidence={cap.confidence} />
      </p>
    </div>
  )
}
