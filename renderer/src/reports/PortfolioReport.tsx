import type {
  PaperOrientation,
  PaperSize,
  PortfolioGroup,
  PortfolioReport as PortfolioData,
} from '../../../shared/ipc/ops/reports'
import type { ProjectStatus } from '../../../shared/domain/project'
import { STATUS_LABEL } from '../components/StatusChip'
import { bucketName } from '../../../shared/rules/buckets'
import { DASH, formatH100e, formatInt, formatTpp, formatTppCompact, humanize } from '../format'
import { BucketTable } from './BucketTable'
import { BarsChart } from './charts'
import { ReportFrame } from './ReportFrame'
import { outcomeBasis } from './report-words'

function GroupTable({
  groups,
  first,
  totals,
  labelOf = (g) => g.label,
}: {
  groups: PortfolioGroup[]
  first: string
  totals: PortfolioData['totals']
  labelOf?: (g: PortfolioGroup) => string
}) {
  return (
    <table>
      <thead>
        <tr>
          <th>{first}</th>
          <th className="num">Deals</th>
          <th className="num">Units</th>
          <th className="num">TPP</th>
          <th className="num">H100e</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.key}>
            <td>{labelOf(g)}</td>
            <td className="num">{formatInt(g.deals)}</td>
            <td className="num">{formatInt(g.units)}</td>
            <td className="num">{formatTpp(g.tpp)}</td>
            <td className="num">{formatH100e(g.h100e)}</td>
          </tr>
        ))}
        <tr className="total">
          <td>Total</td>
          <td className="num">{formatInt(totals.deals)}</td>
          <td className="num">{formatInt(totals.units)}</td>
          <td className="num">{formatTpp(totals.tpp)}</td>
          <td className="num">{formatH100e(totals.h100e)}</td>
        </tr>
      </tbody>
    </table>
  )
}

/** Portfolio report: every open deal, totals by status and country, alerts and the largest risks. */
export function PortfolioReport({
  data,
  paper,
  orientation,
}: {
  data: PortfolioData
  paper: PaperSize
  orientation: PaperOrientation
}) {
  const t = data.totals
  const basis = outcomeBasis(data.deals, data.capsPackId, 'Outcome, Auth. and Headroom after')
  // A scenario records nothing: its caps are the buckets of the pack it copies, some against its limits.
  const underScenario = data.capsRecordedUnder !== data.capsPackId
  return (
    <ReportFrame
      header={data.header}
      paper={paper}
      orientation={orientation}
      subtitle={
        <>
          {formatInt(t.deals)} open deals · total TPP{' '}
          <strong data-testid="portfolio-total-tpp">{formatTpp(t.tpp)}</strong> · {formatH100e(t.h100e)} H100e
        </>
      }
    >
      <h2>Summary</h2>
      <p>
        Open deals: <strong>{formatInt(t.deals)}</strong>; units {formatInt(t.units)}; Total TPP:{' '}
        <strong>{formatTpp(t.tpp)}</strong>; H100e {formatH100e(t.h100e)}. Threshold alerts on the caps of{' '}
        {data.capsPackId}: <strong data-testid="portfolio-alert-count">{data.alerts.length}</strong>.
      </p>

      <h3>By status</h3>
      <GroupTable
        groups={data.byStatus}
        first="Status"
        totals={t}
        labelOf={(g) => STATUS_LABEL[g.key as ProjectStatus] ?? g.label}
      />

      <h3>By destination</h3>
      <GroupTable groups={data.byCountry} first="Destination" totals={t} />
      {data.byCountry.length > 0 && (
        <figure>
          <BarsChart
            label="TPP of open deals by destination"
            bars={data.byCountry.slice(0, 15).map((g) => ({ label: g.label, value: g.tpp }))}
            format={formatTppCompact}
          />
          <figcaption>TPP of open deals by destination (largest 15).</figcaption>
        </figure>
      )}

      <h2>Alerts</h2>
      {!underScenario ? (
        <p className="note" data-testid="portfolio-caps-pack">
          Caps checked: those of rule pack <strong>{data.capsPackId}</strong>, the pack this report is printed
          under (the buckets recorded under it). Buckets recorded under other packs are not caps under this
          one and are not listed.
        </p>
      ) : (
        <p className="note" data-testid="portfolio-caps-pack">
          Caps checked: those of rule pack <strong>{data.capsPackId}</strong>, the what-if scenario this
          report is printed under. Nothing is recorded under a scenario, so the buckets recorded under{' '}
          <strong>{data.capsRecordedUnder}</strong>, the pack it copies, are measured against the
          scenario&rsquo;s allocation and LPP limits, as the Headroom board shows them under the same pin.
          Other caps keep the limits recorded: the Limit from column names whose limit each row is.
        </p>
      )}
      {data.alerts.length === 0 ? (
        <p className="note">No cap of this pack has reached an alert threshold.</p>
      ) : (
        <BucketTable rows={data.alerts} limitFrom={underScenario} />
      )}

      <h2>Largest headroom risks</h2>
      {data.risks.length === 0 ? (
        <p className="note">No capped bucket is in use under this pack.</p>
      ) : (
        <BucketTable rows={data.risks} limitFrom={underScenario} />
      )}

      <h2>Open deals</h2>
      <p className="note" data-testid="portfolio-outcome-basis">
        {basis.note}
      </p>
      <table className="dense" data-testid="portfolio-deals">
        <thead>
          <tr>
            <th>Deal</th>
            <th>Name</th>
            <th>Consignee</th>
            <th>Dest.</th>
            <th>Tier</th>
            <th>Status</th>
            <th>Planned</th>
            <th>Chips</th>
            <th className="num">Units</th>
            <th className="num">TPP</th>
            <th className="num">H100e</th>
            <th>ECCN</th>
            <th>{basis.column}</th>
            <th>Auth.</th>
            <th>Headroom after</th>
          </tr>
        </thead>
        <tbody>
          {data.deals.map((r) => (
            <tr key={r.id}>
              <td className="id">{r.id}</td>
              <td>{r.name}</td>
              <td>{r.consignee}</td>
              <td>{r.destination ?? DASH}</td>
              <td>{r.tier ?? DASH}</td>
              <td>{STATUS_LABEL[r.status] ?? r.status}</td>
              <td className="date">{r.plannedDate}</td>
              <td>{r.chips}</td>
              <td className="num">{formatInt(r.units)}</td>
              <td className="num">{formatTpp(r.tpp)}</td>
              <td className="num">{formatH100e(r.h100e)}</td>
              <td>{r.eccn ?? DASH}</td>
              <td>{humanize(r.outcome)}</td>
              <td>{r.recommended ?? DASH}</td>
              <td className={r.headroomImpact && r.headroomImpact.remaining < 0 ? 'bad' : undefined}>
                {r.headroomImpact
                  ? `${formatTppCompact(r.headroomImpact.remaining)} ${bucketName(r.headroomImpact.bucket)}`
                  : DASH}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.truncated && (
        <p className="note" data-testid="portfolio-truncated">
          The first {formatInt(data.deals.length)} of {formatInt(data.totals.deals)} open deals are listed (by
          deal id); the totals, the groups by status and country, the alerts and the risks above cover all of
          them. Print a country headroom statement for the deals behind one country.
        </p>
      )}
    </ReportFrame>
  )
}
