import { useMemo } from 'react'
import type { ProjectStatus } from '../../../../shared/domain/project'
import type { Determination } from '../../../../shared/rules/types'
import { ConfidenceBadge, OutcomeBadge } from '../../components/Badges'
import { CapBar } from '../../components/CapBar'
import { capStanding } from '../../../../shared/rules/cap-standing'
import { DASH, formatH100e, formatTpp, humanize } from '../../format'
import { determinationInWords, missingInWords } from './missingWords'

const REASON_KIND: Record<string, string> = {
  destination: 'Destination',
  headquarters: 'Headquarters',
  end_use: 'End use',
}

export interface EvaluationState {
  determination: Determination | null
  /** What the form lacks before the engine can even be asked (no consignee, no lines). */
  formMissing: string[]
  /** What the form holds but is not valid (a negative quantity): the engine is not asked either. */
  formInvalid: string[]
  loading: boolean
  error: string | null
  /** Why this pack: pinned in the header, or the timeline for the deal's date. */
  packNote: string
  /** The licence granted for a saved deal, if any: the outcome "licence required" is then already met. */
  licenceNumber?: string | null
  /** The saved deal's status (what it holds in the ledger); null for a deal not saved yet. */
  status?: ProjectStatus | null
}

/**
 * The live determination for the deal as typed: outcome first, then why (reasons and steps, each
 * with its citation and confidence) and what it does to every cap it touches. "Not determinable"
 * is never shown as clear: it leads with what is missing.
 */
export function DeterminationPanel({ state }: { state: EvaluationState }) {
  const d = state.determination
  const blocked = state.formMissing.length + state.formInvalid.length > 0
  // The engine's texts name fields and buckets by their ids (kept in the determination); shown in words.
  // Put in words once per determination, not on every keystroke that re-renders the panel: each text
  // builds its own pattern of the determination's bucket ids.
  const words = useMemo(() => (d ? determinationInWords(d) : null), [d])
  // Caps the deal's route does not draw on; the allocation a licence will count against is not one.
  const uncounted = useMemo(
    () => new Set(d?.caps.filter((c) => capStanding(c, d.authorization) === 'contrast').map((c) => c.bucket)),
    [d],
  )
  return (
    <section className="determination" aria-labelledby="det-title" aria-busy={state.loading}>
      <h2 id="det-title">
        Determination {state.loading && <span className="muted small">(updating…)</span>}
      </h2>
      <p className="muted small" data-testid="det-pack">
        {state.packNote}
      </p>
      {state.error && (
        <p role="alert" className="error">
          {state.error}
        </p>
      )}
      {blocked && (
        <div className="not-determinable" role="status">
          <OutcomeBadge outcome="not_determinable" large />
          {state.formMissing.length > 0 && (
            <p>
              <strong>Missing:</strong> {state.formMissing.join(', ')}
            </p>
          )}
          {state.formInvalid.length > 0 && (
            <p>
              <strong>To correct:</strong> {state.formInvalid.join('; ')}
            </p>
          )}
        </div>
      )}
      {d && !blocked && (
        <div data-testid="determination">
          <div className="det-outcome" role="status" aria-live="polite">
            <OutcomeBadge outcome={d.outcome} large />
            {d.authorization === 'LICENSE' && state.licenceNumber && (
              <span className="licence-granted" data-testid="licence-granted">
                Licence {state.licenceNumber} granted
              </span>
            )}
            <span>
              Confidence: <ConfidenceBadge confidence={d.confidence} />
            </span>
          </div>
          {d.outcome === 'not_determinable' && (
            <div className="not-determinable">
              <strong>Not determinable — missing:</strong>{' '}
              {d.missing.length ? d.missing.map(missingInWords).join(', ') : 'data (see the steps)'}
            </div>
          )}
          <dl className="det-facts">
            <div>
              <dt>Pack</dt>
              <dd className="mono">{d.packId}</dd>
            </div>
            <div>
              <dt>Date</dt>
              <dd>{d.date}</dd>
            </div>
            <div>
              <dt>Destination</dt>
              <dd>
                {d.destination ?? DASH}
                {d.tier != null ? ` · Tier ${d.tier}` : ''}
                {d.groups.length ? ` · ${d.groups.join(', ')}` : ''}
              </dd>
            </div>
            <div>
              <dt>ECCN</dt>
              <dd>{d.eccn === 'none' ? 'Not 3A090' : (d.eccn ?? DASH)}</dd>
            </div>
            <div>
              <dt>TPP</dt>
              <dd>
                {formatTpp(d.tpp)} ({formatH100e(d.h100e)} H100e)
              </dd>
            </div>
            <div>
              <dt>Licence required</dt>
              <dd data-testid="det-licence">
                {d.licenseRequired == null ? 'Not determinable' : d.licenseRequired ? 'Yes' : 'No'}
              </dd>
            </div>
            <div>
              <dt>Authorization</dt>
              <dd data-testid="det-authorization">
                <strong>{d.authorization ?? DASH}</strong>
                {d.available.length > 1 && (
                  <span className="muted">
                    {' '}
                    (also: {d.available.filter((a) => a !== d.authorization).join(', ')})
                  </span>
                )}
              </dd>
            </div>
            <div>
              <dt>Review policy</dt>
              <dd>{humanize(d.reviewPolicy)}</dd>
            </div>
          </dl>

          {d.reasons.length > 0 && (
            <>
              <h3>
                {d.licenseRequired
                  ? 'Why a licence is required'
                  : 'Licence requirements and how this deal meets them'}
              </h3>
              <ul className="reasons" data-testid="det-reasons">
                {d.reasons.map((r, i) => (
                  <li key={i}>
                    <strong>{REASON_KIND[r.kind] ?? r.kind}:</strong> {r.text}
                    <p className="cite">
                      {r.citation} <ConfidenceBadge confidence={r.confidence} />
                    </p>
                  </li>
                ))}
              </ul>
            </>
          )}

          {d.warnings.length > 0 && (
            <>
              <h3>Warnings</h3>
              <ul className="warnings">
                {d.warnings.map((w, i) =>
                  w.bucket && uncounted.has(w.bucket) ? (
                    // About a cap the deal's route does not draw on: said, but not as this deal's breach.
                    <li key={i} className="warning warning-contrast">
                      {words?.warnings[i]} Not counted on this deal&apos;s route: shown for contrast.
                    </li>
                  ) : (
                    <li key={i} className={`warning warning-${w.code}`}>
                      {words?.warnings[i]}
                    </li>
                  ),
                )}
              </ul>
            </>
          )}

          <h3>Caps this deal touches</h3>
          {d.caps.length === 0 ? (
            <p className="muted">None under this pack.</p>
          ) : (
            d.caps.map((c) => (
              <CapBar key={c.bucket} cap={c} authorization={d.authorization} status={state.status ?? null} />
            ))
          )}

          <h3>Lines</h3>
          <table className="simple-table">
            <thead>
              <tr>
                <th scope="col">Chip</th>
                <th scope="col">Units</th>
                <th scope="col">ECCN</th>
                <th scope="col">TPP</th>
              </tr>
            </thead>
            <tbody>
              {d.lines.map((l, i) => (
                <tr key={i}>
                  <td>{l.classification.name}</td>
                  <td className="num">{l.quantity.toLocaleString('en-US')}</td>
                  <td>{l.classification.eccn === 'none' ? 'Not 3A090' : (l.classification.eccn ?? DASH)}</td>
                  <td className="num">{formatTpp(l.tpp)}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h3>Steps</h3>
          <ol className="steps" data-testid="det-steps">
            {d.steps.map((s, i) => (
              <li key={i}>
                {words?.steps[i]}
                <p className="cite">
                  {s.citation} <ConfidenceBadge confidence={s.confidence} />
                </p>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  )
}
