import type { HeadroomRow } from '../../../shared/domain/headroom'
import { bucketName } from '../../../shared/rules/buckets'
import { DASH, formatPct, formatTpp } from '../format'

/** Capacity buckets with their running totals, as the portfolio and country reports print them. */
export function BucketTable({ rows }: { rows: HeadroomRow[] }) {
  return (
    <table>
      <thead>
        <tr>
          <th>Bucket</th>
          <th>Period</th>
          <th className="num">Limit</th>
          <th className="num">Committed</th>
          <th className="num">Reserved</th>
          <th className="num">Remaining</th>
          <th className="num">Used</th>
          <th>Alert</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((b) => (
          <tr key={b.bucket}>
            <td>{bucketName(b.bucket)}</td>
            <td>{b.period ?? DASH}</td>
            <td className="num">{formatTpp(b.limit)}</td>
            <td className="num">{formatTpp(b.committed)}</td>
            <td className="num">{formatTpp(b.reserved)}</td>
            <td className={`num${b.remaining != null && b.remaining < 0 ? ' bad' : ''}`}>
              {formatTpp(b.remaining)}
            </td>
            <td className="num">{formatPct(b.pctUsed)}</td>
            <td>{b.alertLevel === 'none' ? DASH : `${b.alertLevel}%`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
