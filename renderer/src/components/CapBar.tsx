import type { CapEffect } from '../../../shared/rules/types'
import { alertLevel, formatShare, formatTpp } from '../format'
import { ConfidenceBadge } from './Badges'

const fmt = (cap: CapEffect, n: number) => (cap.unit === 'share' ? formatShare(n) : `${formatTpp(n)} TPP`)

const KIND_LABEL: Record<CapEffect['kind'], string> = {
  country: 'Country allocation',
  lpp: 'LPP annual allowance (consignee)',
  nveu: 'NVEU country-quarter cap',
  uveu_country: 'UVEU share in one tier-2 country',
  uveu_tier1: 'UVEU tier-1 share (minimum)',
  uveu_us: 'UVEU US share (minimum)',
}

/**
 * One cap a deal touches, as a before/after bar against its limit. Colours follow the desk's
 * 80/90/95/100 ladder; for minimum-share caps (UVEU tier 1, US) the bar shows the share held and the
 * limit is a floor.
 */
export function CapBar({ cap }: { cap: CapEffect }) {
  const scale =
    cap.bound === 'max'
      ? Math.max(cap.limit, cap.after, cap.before, 1e-9)
      : Math.max(cap.limit, cap.after, cap.before, 1)
  const pctBefore = (cap.before / scale) * 100
  const pctAfter = (cap.after / scale) * 100
  const usedPct = cap.bound === 'max' && cap.limit > 0 ? (cap.after / cap.limit) * 100 : null
  const level = cap.exceeded ? 'over' : cap.bound === 'max' ? alertLevel(usedPct) : 'none'
  return (
    <div className={`cap alert-${level}`} data-testid={`cap-${cap.bucket}`}>
      <div className="cap-title">
        <strong>{KIND_LABEL[cap.kind]}</strong> <span className="mono muted">{cap.bucket}</span>
        {!cap.counted && <span className="pill">not counted on this route</span>}
        {cap.exceeded && <span className="pill outcome outcome-danger">Exceeded</span>}
      </div>
      <div
        className="cap-bar"
        role="meter"
        aria-label={`${KIND_LABEL[cap.kind]} after this deal`}
        aria-valuemin={0}
        aria-valuemax={scale}
        aria-valuenow={cap.after}
        aria-valuetext={`${fmt(cap, cap.after)} of ${fmt(cap, cap.limit)}`}
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
          <dt>Before</dt>
          <dd>{fmt(cap, cap.before)}</dd>
        </div>
        <div>
          <dt>After</dt>
          <dd>{fmt(cap, cap.after)}</dd>
        </div>
        <div>
          <dt>{cap.bound === 'max' ? 'Limit' : 'Minimum'}</dt>
          <dd>{fmt(cap, cap.limit)}</dd>
        </div>
        <div>
          <dt>Remaining</dt>
          <dd data-testid="cap-remaining" className={cap.remaining < 0 ? 'error' : undefined}>
            {fmt(cap, cap.remaining)}
          </dd>
        </div>
        {usedPct != null && (
          <div>
            <dt>Used</dt>
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
