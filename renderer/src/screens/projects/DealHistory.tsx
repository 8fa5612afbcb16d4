import type { ProjectDetail } from '../../../../shared/domain/project'
import { OutcomeBadge } from '../../components/Badges'
import { STATUS_LABEL } from '../../components/StatusChip'
import { DASH, formatDate, formatTpp } from '../../format'
import { bucketName } from '../../../../shared/rules/buckets'

/** What happened to the deal: status changes with their reasons, determinations stored, capacity entries, audit events. */
export function DealHistory({ detail }: { detail: ProjectDetail }) {
  return (
    <section className="deal-history" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <table className="simple-table" aria-label="Status changes">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Change</th>
            <th scope="col">By</th>
            <th scope="col">Reason</th>
            <th scope="col">Pack</th>
          </tr>
        </thead>
        <tbody>
          {detail.history.map((h) => (
            <tr key={h.id}>
              <td>{formatDate(h.at)}</td>
              <td>
                {STATUS_LABEL[h.from]} → {STATUS_LABEL[h.to]}
              </td>
              <td>{h.actor}</td>
              <td>{h.reason ?? DASH}</td>
              <td className="mono">{h.packId ?? DASH}</td>
            </tr>
          ))}
          {detail.history.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                Created {formatDate(detail.project.createdAt)} by {detail.project.preparer}; no status changes
                yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {detail.importedFrom && (
        <p className="muted small" data-testid="imported-from">
          Imported {formatDate(detail.importedFrom.at)} by {detail.importedFrom.actor}: row{' '}
          {detail.importedFrom.row} of import batch {detail.importedFrom.batch} (
          {detail.importedFrom.format.toUpperCase()}, SHA-256{' '}
          <span className="mono">{detail.importedFrom.sha256.slice(0, 16)}…</span>), kept as given.
        </p>
      )}
      {detail.determinations.length > 0 && (
        <table className="simple-table" aria-label="Stored determinations">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Stage</th>
              <th scope="col">Outcome</th>
              <th scope="col">Pack (hash)</th>
            </tr>
          </thead>
          <tbody>
            {detail.determinations.map((d) => (
              <tr key={d.id}>
                <td>{formatDate(d.at)}</td>
                <td>
                  {d.stage} (v{d.projectVersion}, {d.actor})
                </td>
                <td>
                  <OutcomeBadge outcome={d.determination.outcome} />
                </td>
                <td className="mono" title={d.packHash}>
                  {d.packId} ({d.packHash.slice(0, 10)}…)
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {detail.capacity.length > 0 && (
        <table className="simple-table" aria-label="Capacity entries">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Bucket</th>
              <th scope="col">Action</th>
              <th scope="col">TPP</th>
            </tr>
          </thead>
          <tbody>
            {detail.capacity.map((c) => (
              <tr key={c.id}>
                <td>{formatDate(c.at)}</td>
                <td title={c.bucket}>{bucketName(c.bucket)}</td>
                <td>{c.action}</td>
                <td className="num">{formatTpp(c.tpp)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {detail.audit.length > 0 && (
        <details>
          <summary>Audit events ({detail.audit.length})</summary>
          <ul className="audit-list">
            {detail.audit.map((a) => (
              <li key={a.id}>
                {formatDate(a.at)} · {a.actor} · <span className="mono">{a.operation}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
