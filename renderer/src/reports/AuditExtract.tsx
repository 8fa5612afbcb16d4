import type { AuditReport, PaperOrientation, PaperSize } from '../../../shared/ipc/ops/reports'
import { formatDate } from '../format'
import { ReportFrame } from './ReportFrame'
import { changeSummary } from './audit-summary'

/** Audit extract: a deal's or a period's events, oldest first, with the chain verification. */
export function AuditExtract({
  data,
  paper,
  orientation,
}: {
  data: AuditReport
  paper: PaperSize
  orientation: PaperOrientation
}) {
  const f = data.filter
  const v = data.verification
  const scope = [
    f.projectId ? `deal ${f.projectId}` : 'all entities',
    f.from ? `from ${f.from}` : null,
    f.to ? `to ${f.to}` : null,
  ]
    .filter(Boolean)
    .join(', ')
  return (
    <ReportFrame
      header={data.header}
      paper={paper}
      orientation={orientation}
      subtitle={<>Events for {scope}</>}
    >
      <section className="keep">
        <h2>Chain verification</h2>
        <p data-testid="audit-verification">
          {v.ok ? (
            <>
              <strong>Verified:</strong> the hash chain of all {v.checked} events is intact; head hash{' '}
              <span className="mono">{v.headHash}</span>.
            </>
          ) : (
            <span className="bad">
              BROKEN: {v.reason ?? 'the chain does not verify'}
              {v.firstBadEventId != null ? ` (first bad event ${v.firstBadEventId})` : ''}. Checked{' '}
              {v.checked} events.
            </span>
          )}
        </p>
        <p className="note">
          {data.total} {data.total === 1 ? 'event matches' : 'events match'}; {data.events.length} printed
          {data.truncated
            ? ' (the extract is cut at the limit: narrow the date range to print the rest)'
            : ''}
          .
        </p>
      </section>

      <h2>Events</h2>
      <table className="dense">
        <thead>
          <tr>
            <th className="num">Event</th>
            <th>When</th>
            <th>By</th>
            <th>Operation</th>
            <th>Entity</th>
            <th>Pack</th>
            <th>Change</th>
            <th>Hash</th>
          </tr>
        </thead>
        <tbody>
          {data.events.map((e) => (
            <tr key={e.id}>
              <td className="num">{e.id}</td>
              <td className="date">{formatDate(e.at)}</td>
              <td>{e.actor}</td>
              <td>{e.operation}</td>
              <td>
                {e.entity}
                {e.entityId ? ` ${e.entityId}` : ''}
              </td>
              <td>{e.packId ?? ''}</td>
              <td>{changeSummary(e.before, e.after)}</td>
              <td className="mono">{e.hash.slice(0, 16)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ReportFrame>
  )
}
