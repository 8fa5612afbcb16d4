import type { PackSummary, PackTimeline as Timeline } from '../../../../shared/ipc/ops/packs'
import { todayIso } from '../../state/workspace'
import { ConfidenceBadge } from './PackContents'
import { earlierUseNote, timelineBadge } from './timelineRows'

const DAY = 86_400_000
const toTime = (d: string) => Date.parse(`${d}T00:00:00Z`)

/**
 * Which pack governs which period, as a band of proportional segments (open-ended periods run a year
 * past the as-of date) and the same periods as a list with their citations.
 */
export function PackTimeline({
  timeline,
  summaries,
  asOf,
  onOpen,
}: {
  timeline: Timeline
  summaries: readonly PackSummary[]
  asOf: string
  onOpen(packId: string): void
}) {
  const entries = timeline.entries
  if (entries.length === 0) return <p className="muted">No timeline.</p>
  const start = toTime(entries[0].from)
  const end = Math.max(
    ...entries.map((e) => (e.to ? toTime(e.to) : toTime(asOf) + 365 * DAY)),
    toTime(asOf) + 30 * DAY,
  )
  const span = end - start
  const title = (id: string) => summaries.find((s) => s.id === id)?.title ?? id
  const asOfPos = ((toTime(asOf) - start) / span) * 100
  const today = todayIso()
  const effective = (id: string) => summaries.find((s) => s.id === id)?.effectiveDate
  return (
    <div className="pack-timeline" data-testid="pack-timeline">
      <div className="timeline-band" aria-hidden="true">
        {entries.map((e, i) => {
          const from = toTime(e.from)
          const to = e.to ? toTime(e.to) + DAY : end
          return (
            <button
              key={`${e.packId}-${e.from}`}
              type="button"
              tabIndex={-1}
              className={`timeline-seg seg-${i % 4}`}
              style={{ left: `${((from - start) / span) * 100}%`, width: `${((to - from) / span) * 100}%` }}
              title={`${title(e.packId)}: ${e.from} to ${e.to ?? 'open-ended'}`}
              onClick={() => onOpen(e.packId)}
            >
              {title(e.packId)}
            </button>
          )
        })}
        {asOfPos >= 0 && asOfPos <= 100 && (
          <span className="timeline-asof" style={{ left: `${asOfPos}%` }}>
            as of {asOf}
          </span>
        )}
      </div>
      <ol className="timeline-list">
        {entries.map((e) => {
          const badge = timelineBadge(e, asOf, today)
          const earlier = earlierUseNote(e, effective(e.packId))
          return (
            <li key={`${e.packId}-${e.from}`} data-testid={`timeline-${e.from}`}>
              <span className="timeline-dates">
                {e.from} – {e.to ?? 'open-ended'}
              </span>{' '}
              <button type="button" className="link" onClick={() => onOpen(e.packId)}>
                {title(e.packId)}
              </button>
              {badge && <span className={badge.today ? 'badge ok' : 'badge'}>{badge.text}</span>}
              {earlier && <p className="timeline-earlier muted">{earlier}</p>}
              <div className="citation">
                <ConfidenceBadge confidence={e.confidence} /> <cite>{e.citation}</cite>
                {e.note && <p className="citation-note muted">{e.note}</p>}
                {e.caution && (
                  <p className="citation-note" role="note">
                    {e.caution}
                  </p>
                )}
              </div>
            </li>
          )
        })}
      </ol>
    </div>
  )
}
