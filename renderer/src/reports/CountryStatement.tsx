import type { CountryReport, PaperOrientation, PaperSize } from '../../../shared/ipc/ops/reports'
import { STATUS_LABEL } from '../components/StatusChip'
import { DASH, formatPct, formatTpp, humanize } from '../format'
import { bucketIds, bucketName } from '../../../shared/rules/buckets'
import { BucketTable } from './BucketTable'
import { UseOverTimeChart } from './charts'
import { ReportFrame } from './ReportFrame'
import { outcomeBasis } from './report-words'

const ALERT: Record<string, string> = {
  none: 'below 80%',
  '80': '80% reached',
  '90': '90% reached',
  '95': '95% reached',
  '100': 'exhausted',
}

/** Country headroom statement: one country's allocation and its use under one pack and date. */
export function CountryStatement({
  data,
  paper,
  orientation,
}: {
  data: CountryReport
  paper: PaperSize
  orientation: PaperOrientation
}) {
  const c = data.country
  const committedDeals = data.deals.filter((d) => d.committed !== 0)
  const reservedDeals = data.deals.filter((d) => d.reserved !== 0)
  const basis = data.header.pack ? outcomeBasis(data.book, data.header.pack.id, 'Outcome and Auth.') : null
  return (
    <ReportFrame
      header={data.header}
      paper={paper}
      orientation={orientation}
      subtitle={
        <>
          {c.name} ({c.iso2}) — {c.tier != null ? `tier ${c.tier}` : 'no tier under this pack'}
          {c.groups.length > 0 ? ` · groups ${c.groups.join(', ')}` : ''}
        </>
      }
    >
      <h2>Headroom</h2>
      {data.allocation == null && (
        <p className="note">
          The pack sets no country allocation for {c.name}: the figures below are the TPP of deals to the
          country by status, not use of a cap.
        </p>
      )}
      <table className="keep">
        <thead>
          <tr>
            <th>Figure</th>
            <th className="num">TPP</th>
            <th>Meaning</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>Allocation</td>
            <td className="num">{data.allocation == null ? 'none' : formatTpp(data.allocation)}</td>
            <td>
              {data.bucket
                ? `${bucketName(data.bucket.bucket)}${data.bucket.period ? `, period ${data.bucket.period}` : ''}`
                : data.allocation == null
                  ? 'no cap under this pack'
                  : `${bucketName(bucketIds.country(c.iso2))}, not drawn on yet`}
            </td>
          </tr>
          <tr>
            {/* Committed, not "licensed": without a cap the figure counts every shipped or closed deal,
                whatever its authorization (an exception or no licence required). */}
            <td>Committed</td>
            <td className="num">{formatTpp(data.licensed)}</td>
            <td>
              {data.allocation == null
                ? `TPP of deals licensed, shipped or closed, under any authorization (${committedDeals.length})`
                : `committed against the allocation by licensed, shipped or closed deals (${committedDeals.length})`}
            </td>
          </tr>
          <tr>
            <td>Reserved</td>
            <td className="num">{formatTpp(data.reserved)}</td>
            <td>held by deals in review or approved ({reservedDeals.length})</td>
          </tr>
          <tr className="total">
            <td>Remaining</td>
            <td className={`num${data.remaining != null && data.remaining < 0 ? ' bad' : ''}`}>
              {data.remaining == null ? DASH : formatTpp(data.remaining)}
            </td>
            <td data-testid="country-alert">
              {data.alertLevel == null
                ? 'no cap under this pack'
                : `${data.pctUsed == null ? DASH : `${formatPct(data.pctUsed)} used`} · ${ALERT[data.alertLevel] ?? data.alertLevel}`}
            </td>
          </tr>
        </tbody>
      </table>

      <figure>
        <UseOverTimeChart
          label={
            data.allocation == null
              ? `TPP of deals to ${c.name} over time`
              : `Use of the ${c.name} allocation over time`
          }
          points={data.points.map((p) => ({ at: p.at, values: [p.committed, p.reserved] }))}
          series={[
            { name: 'Committed', color: '#2f4f77' },
            { name: 'Reserved', color: '#9fb6d1' },
          ]}
          limit={data.allocation}
        />
        <figcaption>
          Use over time: cumulative committed and reserved TPP of the deals above by planned ship date
          {data.allocation != null ? '; dashed line: the allocation' : ''}.
        </figcaption>
      </figure>

      <h2>Deals behind the figures</h2>
      {data.deals.length === 0 ? (
        <p className="note">
          {data.allocation == null
            ? `No deal to ${c.name} is in review, approved, licensed, shipped or closed.`
            : 'No deal holds capacity in this bucket.'}
        </p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Deal</th>
              <th>Name</th>
              <th>Consignee</th>
              <th>Status</th>
              <th>Planned</th>
              <th className="num">Committed TPP</th>
              <th className="num">Reserved TPP</th>
            </tr>
          </thead>
          <tbody>
            {data.deals.map((d) => (
              <tr key={d.projectId}>
                <td className="id">{d.projectId}</td>
                <td>{d.name}</td>
                <td>{d.consignee}</td>
                <td>{d.status ? (STATUS_LABEL[d.status] ?? d.status) : DASH}</td>
                <td className="date">{d.plannedDate ?? DASH}</td>
                <td className="num">{formatTpp(d.committed)}</td>
                <td className="num">{formatTpp(d.reserved)}</td>
              </tr>
            ))}
            <tr className="total">
              <td colSpan={5}>Total</td>
              <td className="num">{formatTpp(data.licensed)}</td>
              <td className="num">{formatTpp(data.reserved)}</td>
            </tr>
          </tbody>
        </table>
      )}

      {data.otherBuckets.length > 0 && (
        <>
          <h2>Other caps in {c.name}</h2>
          {data.header.pack?.status === 'scenario' && (
            <p className="note" data-testid="country-scenario-caps">
              Nothing is recorded under a what-if scenario: these are the buckets recorded under the pack it
              copies. The scenario&rsquo;s limits replace only the country allocation and the LPP limit; the
              Limit from column names whose limit each row is measured against.
            </p>
          )}
          <BucketTable rows={data.otherBuckets} limitFrom={data.header.pack?.status === 'scenario'} />
        </>
      )}

      <h2>Every deal to {c.name}</h2>
      {basis && (
        <p className="note" data-testid="country-outcome-basis">
          {basis.note}
        </p>
      )}
      <table className="dense">
        <thead>
          <tr>
            <th>Deal</th>
            <th>Name</th>
            <th>Consignee</th>
            <th>Status</th>
            <th>Planned</th>
            <th className="num">TPP</th>
            <th>{basis?.column ?? 'Outcome'}</th>
            <th>Auth.</th>
          </tr>
        </thead>
        <tbody>
          {data.book.map((r) => (
            <tr key={r.id}>
              <td className="id">{r.id}</td>
              <td>{r.name}</td>
              <td>{r.consignee}</td>
              <td>{STATUS_LABEL[r.status] ?? r.status}</td>
              <td className="date">{r.plannedDate}</td>
              <td className="num">{formatTpp(r.tpp)}</td>
              <td>{humanize(r.outcome)}</td>
              <td>{r.recommended ?? DASH}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ReportFrame>
  )
}
