import type {
  MemoPlace,
  MemoReport as MemoData,
  MemoSetAside,
  PaperOrientation,
  PaperSize,
} from '../../../shared/ipc/ops/reports'
import { bucketName } from '../../../shared/rules/buckets'
import { unitsOf } from '../../../shared/domain/project'
import { STATUS_LABEL } from '../components/StatusChip'
import { DASH, formatDate, formatH100e, formatInt, formatTpp, humanize } from '../format'
import { ReportFrame } from './ReportFrame'
import { shortHash } from './page-setup'
import { determinationInWords, missingInWords } from '../screens/projects/missingWords'
import { requestedAuthorizationLabel, transactionLabel } from './report-words'

const yesNo = (v: boolean | null) => (v == null ? 'not determinable' : v ? 'yes' : 'no')
const TIER = (t: number | null) => (t == null ? DASH : `tier ${t}`)
const place = (hq: MemoPlace) =>
  hq.code
    ? `${hq.name ?? hq.code} (${hq.code})${hq.source === 'party' ? ', from the party record' : ''}`
    : 'not given'
const CAP_VALUE = (unit: 'tpp' | 'share', v: number) =>
  unit === 'share' ? `${(v * 100).toFixed(1)}%` : formatTpp(v)

const SET_ASIDE_WHY: Record<MemoSetAside['why'], (s: MemoSetAside, version: number, date: string) => string> =
  {
    earlier_version: (s, version) =>
      `of version ${s.projectVersion} of the deal, edited since (now version ${version})`,
    scenario: () => 'a what-if re-evaluation under a scenario, not the rules in force',
    not_in_force: (_s, _v, date) =>
      `under a pinned pack that is not the one in force on the deal date ${date}`,
  }

/** Why the memo's determination was evaluated for the print, in the memo's words. */
function evaluatedWhy(data: MemoData): string {
  const edited = data.setAside.findLast((s) => s.why === 'earlier_version')
  if (edited)
    return `Evaluated for this print: the deal has been edited since its last recorded determination (of version ${edited.projectVersion}, listed below), so none is recorded for it as it now stands.`
  if (data.setAside.length > 0)
    return 'Evaluated for this print: no determination has been recorded for this deal under the rules in force on its date (those recorded are listed below).'
  return 'Evaluated for this print: no determination has been recorded for this deal yet (it has not been submitted).'
}

/** The determination memo: the record a preparer signs and a reviewer approves for one deal. */
export function MemoReport({
  data,
  paper,
  orientation,
}: {
  data: MemoData
  paper: PaperSize
  orientation: PaperOrientation
}) {
  const { project: p, determination: d, imported } = data
  // Bucket and field ids in the engine's texts in words, as the deal panel shows them.
  const words = determinationInWords(d)
  const totalUnits = unitsOf(data.lines)
  return (
    <ReportFrame
      header={data.header}
      paper={paper}
      orientation={orientation}
      version={`v${p.version}`}
      subtitle={
        <>
          Deal <strong>{p.id}</strong> — {p.name}
        </>
      }
    >
      <section className="keep" aria-label="Outcome">
        <h2>Determination</h2>
        <p>
          Outcome:{' '}
          <span className="outcome" data-outcome={d.outcome}>
            {humanize(d.outcome)}
          </span>{' '}
          · Authorization: <strong>{d.authorization ?? DASH}</strong> · Licence required:{' '}
          <strong>{yesNo(d.licenseRequired)}</strong> · Review policy:{' '}
          <strong>{humanize(d.reviewPolicy)}</strong> · Confidence: <strong>{d.confidence}</strong>
        </p>
        <p className="note">
          Under rule pack <strong>{d.packId}</strong>
          {data.header.pack && (
            <>
              {' '}
              — {data.header.pack.title}; version {data.header.pack.version}; effective{' '}
              {data.header.pack.effectiveDate}; status {data.header.pack.status.replace('_', ' ')}
            </>
          )}
          . Deal date {d.date}.{' '}
          {data.determinationSource === 'stored' && data.stored
            ? `Recorded at ${data.stored.stage} on ${formatDate(data.stored.at)} by ${data.stored.actor} for deal version ${data.stored.projectVersion}.`
            : evaluatedWhy(data)}
        </p>
        {data.packChanged && (
          <p className="bad" data-testid="memo-pack-changed">
            The rule pack {d.packId} has changed since this determination was recorded (recorded version{' '}
            {shortHash(data.packChanged.recorded)}, this build&rsquo;s {shortHash(data.packChanged.current)}
            ). The determination is printed as recorded; the pack&rsquo;s title and effective date above and
            the requirements below are read from the pack as it is now. Re-evaluate the deal before relying on
            them.
          </p>
        )}
        {d.outcome === 'not_determinable' && d.missing.length > 0 && (
          <p className="bad">Not determinable: missing {d.missing.map(missingInWords).join(', ')}.</p>
        )}
      </section>

      {data.setAside.length > 0 && (
        <section className="keep" data-testid="memo-set-aside">
          <h3>Recorded determinations this memo does not record</h3>
          <p className="note">
            {`Stored for this deal${data.determinationSource === 'stored' ? ' after the one above' : ''}, but not its record: an outcome here is not the deal's determination.`}
          </p>
          <table className="dense">
            <thead>
              <tr>
                <th>When</th>
                <th>Stage</th>
                <th>By</th>
                <th>Pack</th>
                <th>Outcome</th>
                <th>Why not recorded here</th>
              </tr>
            </thead>
            <tbody>
              {data.setAside.map((s) => (
                <tr key={s.id}>
                  <td className="date">{formatDate(s.at)}</td>
                  <td>{s.stage}</td>
                  <td>{s.actor}</td>
                  <td>{s.packId}</td>
                  <td>{humanize(s.outcome)}</td>
                  <td>{SET_ASIDE_WHY[s.why](s, p.version, d.date)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <h2>Facts</h2>
      <dl className="facts">
        <dt>Deal</dt>
        <dd>
          {p.id} (version {p.version})
        </dd>
        <dt>Status</dt>
        <dd>{STATUS_LABEL[p.status] ?? p.status}</dd>
        <dt>Consignee</dt>
        <dd>{p.consignee}</dd>
        <dt>Headquarters</dt>
        <dd>{place(data.consigneeHq)}</dd>
        <dt>Ultimate parent HQ</dt>
        <dd>
          {data.parentHq.code === null && data.parentHq.source !== 'missing'
            ? 'no parent'
            : place(data.parentHq)}
        </dd>
        <dt>End user</dt>
        <dd>{p.endUser ?? DASH}</dd>
        <dt>Destination</dt>
        <dd>{p.destination ? `${data.destinationName ?? p.destination} (${p.destination})` : 'not given'}</dd>
        <dt>Site</dt>
        <dd>{p.site || DASH}</dd>
        <dt>Tier / groups</dt>
        <dd>
          {TIER(d.tier)}
          {d.groups.length > 0 ? ` · ${d.groups.join(', ')}` : ''}
        </dd>
        <dt>Planned date</dt>
        <dd>{p.plannedDate}</dd>
        <dt>Requested authorization</dt>
        <dd>{requestedAuthorizationLabel(p.authorization)}</dd>
        <dt>Transaction</dt>
        <dd>{transactionLabel(p.transaction)}</dd>
        {p.veu && (
          <>
            <dt>Validated end user</dt>
            <dd>
              {p.veu.kind} {p.veu.id} (HQ {p.veu.hq})
            </dd>
          </>
        )}
        {p.licenceNumber && (
          <>
            <dt>Licence</dt>
            <dd>
              {p.licenceNumber}
              {p.authorizedTpp != null ? ` · ${formatTpp(p.authorizedTpp)} TPP` : ''}
            </dd>
          </>
        )}
      </dl>

      <h3>Lines</h3>
      <table>
        <thead>
          <tr>
            <th>Chip</th>
            <th className="num">Quantity</th>
            <th className="num">TPP / unit</th>
            <th className="num">TPP</th>
            <th className="num">H100e</th>
            <th>Classification</th>
            <th>Source</th>
          </tr>
        </thead>
        <tbody>
          {data.lines.map((l, i) => (
            <tr key={i}>
              <td>{l.chip}</td>
              <td className="num">{formatInt(l.quantity)}</td>
              <td className="num">{formatTpp(l.tppPerUnit)}</td>
              <td className="num">{formatTpp(l.tpp)}</td>
              <td className="num">{formatH100e(l.h100e)}</td>
              <td>
                {l.eccn === 'none' ? 'not 3A090' : (l.eccn ?? 'not determinable')}
                {l.paragraph ? ` (${l.paragraph})` : ''}
              </td>
              <td className="note">
                {l.citation} [{l.confidence}]
              </td>
            </tr>
          ))}
          <tr className="total">
            <td>Total</td>
            <td className="num">{formatInt(totalUnits)}</td>
            <td />
            <td className="num">{formatTpp(d.tpp)}</td>
            <td className="num">{formatH100e(d.h100e)}</td>
            <td>{d.eccn ?? 'not determinable'}</td>
            <td className="note">TPP counted against caps: {formatTpp(d.cappedTpp)}</td>
          </tr>
        </tbody>
      </table>

      {d.reasons.length > 0 && (
        <>
          <h3>Why a licence is required</h3>
          <table>
            <thead>
              <tr>
                <th>Ground</th>
                <th>Reason</th>
                <th>Citation</th>
                <th>Confidence</th>
              </tr>
            </thead>
            <tbody>
              {d.reasons.map((r, i) => (
                <tr key={i}>
                  <td>{r.kind.replace('_', ' ')}</td>
                  <td>{r.text}</td>
                  <td>{r.citation}</td>
                  <td>{r.confidence}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <h3>Steps of the determination</h3>
      <table>
        <thead>
          <tr>
            <th className="num">#</th>
            <th>Step</th>
            <th>Citation</th>
            <th>Confidence</th>
          </tr>
        </thead>
        <tbody>
          {d.steps.map((s, i) => (
            <tr key={i}>
              <td className="num">{i + 1}</td>
              <td>{words.steps[i]}</td>
              <td>{s.citation}</td>
              <td>{s.confidence}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>Caps before and after</h3>
      {d.caps.length === 0 ? (
        <p className="note">The deal touches no cap under this pack.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Bucket</th>
              <th className="num">Limit</th>
              <th className="num">Before</th>
              <th className="num">After</th>
              <th className="num">Remaining</th>
              <th>Counted</th>
              <th>Citation</th>
            </tr>
          </thead>
          <tbody>
            {d.caps.map((c) => (
              <tr key={c.bucket}>
                {/* In words, with the ledger's id under it for tracing the entries. */}
                <td>
                  {bucketName(c.bucket)}
                  {c.bound === 'min' ? ' (minimum)' : ''}
                  <br />
                  <span className="note mono">{c.bucket}</span>
                </td>
                <td className="num">{CAP_VALUE(c.unit, c.limit)}</td>
                <td className="num">{CAP_VALUE(c.unit, c.before)}</td>
                <td className="num">{CAP_VALUE(c.unit, c.after)}</td>
                <td className={`num${c.exceeded ? ' bad' : ''}`}>{CAP_VALUE(c.unit, c.remaining)}</td>
                <td>{c.counted ? 'yes' : 'no'}</td>
                <td className="note">
                  {c.citation} [{c.confidence}]
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {d.warnings.length > 0 && (
        <>
          <h3>Warnings</h3>
          <ul>
            {d.warnings.map((w, i) => (
              <li key={i}>
                <strong>{w.code.replace(/_/g, ' ')}</strong>: {words.warnings[i]}
              </li>
            ))}
          </ul>
        </>
      )}

      <section className="keep">
        <h2>Authorization and what it requires</h2>
        <p>
          Chosen: <strong>{data.authorization ?? 'none (not determinable)'}</strong>
          {d.available.length > 0 && <> · available, best first: {d.available.join(', ')}</>}
        </p>
        <ul>
          {data.requirements.map((r, i) => (
            <li key={i}>
              {r.text} <span className="note">({r.citation})</span>
            </li>
          ))}
        </ul>
      </section>

      <h2>Preparation and review</h2>
      <div className="signoff">
        <div>
          <strong>Prepared by</strong>
          <p>{data.preparer.name}</p>
          <p className="note">
            Submitted:{' '}
            {data.preparer.at
              ? formatDate(data.preparer.at)
              : p.status === 'draft'
                ? 'not yet submitted'
                : 'not recorded in this ledger (imported)'}
          </p>
          {imported && (
            <p className="note" data-testid="memo-imported">
              Imported by {imported.actor} on {formatDate(imported.at)} from import batch {imported.batch},
              row {imported.row}, with status {STATUS_LABEL[imported.status] ?? imported.status}. The import
              records the book as given; it is not a submission or a review.
            </p>
          )}
          <div className="line" />
          <span className="note">Signature and date</span>
        </div>
        <div>
          <strong>Reviewed by</strong>
          {data.reviewer?.decision ? (
            <>
              <p data-testid="memo-reviewer">
                {data.reviewer.name} — {STATUS_LABEL[data.reviewer.decision] ?? data.reviewer.decision}
              </p>
              <p className="note">On: {data.reviewer.at ? formatDate(data.reviewer.at) : DASH}</p>
              <p className="note">Reason: {data.reviewer.reason ?? DASH}</p>
            </>
          ) : data.reviewer ? (
            <>
              <p data-testid="memo-reviewer">{data.reviewer.name}</p>
              <p className="note">
                {imported
                  ? 'Named as reviewer in the imported book; no review decision by a reviewer is recorded in this ledger.'
                  : 'No review decision by a reviewer is recorded in this ledger.'}
              </p>
            </>
          ) : (
            <p className="note" data-testid="memo-reviewer">
              No reviewer has acted on this deal.
            </p>
          )}
          <div className="line" />
          <span className="note">Signature and date</span>
        </div>
      </div>

      <h2>History</h2>
      {data.history.length === 0 ? (
        <p className="note">No status changes: the deal is a draft.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>From</th>
              <th>To</th>
              <th>By</th>
              <th>Reason</th>
              <th>Pack</th>
            </tr>
          </thead>
          <tbody>
            {data.history.map((h) => (
              <tr key={h.id}>
                <td className="date">{formatDate(h.at)}</td>
                <td>{STATUS_LABEL[h.from] ?? h.from}</td>
                <td>{STATUS_LABEL[h.to] ?? h.to}</td>
                <td>{h.id === imported?.changeId ? `${h.actor} (import)` : h.actor}</td>
                <td>
                  {h.id === imported?.changeId
                    ? `imported from batch ${imported.batch}, row ${imported.row}`
                    : (h.reason ?? DASH)}
                </td>
                <td>{h.packId ?? DASH}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {data.capacity.length > 0 && (
        <>
          <h3>Capacity entries</h3>
          <table className="dense">
            <thead>
              <tr>
                <th>When</th>
                <th>Bucket</th>
                <th>Action</th>
                <th className="num">TPP</th>
                <th className="num">Units</th>
                <th>By</th>
              </tr>
            </thead>
            <tbody>
              {data.capacity.map((c) => (
                <tr key={c.id}>
                  <td className="date">{formatDate(c.at)}</td>
                  <td>
                    {bucketName(c.bucket)}
                    <br />
                    <span className="note mono">{c.bucket}</span>
                  </td>
                  <td>{c.action}</td>
                  <td className="num">{formatTpp(c.tpp)}</td>
                  <td className="num">{formatInt(c.units)}</td>
                  <td>{c.actor}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <h3>Audit events of this deal</h3>
      <table className="dense">
        <thead>
          <tr>
            <th className="num">Event</th>
            <th>When</th>
            <th>By</th>
            <th>Operation</th>
            <th>Hash</th>
          </tr>
        </thead>
        <tbody>
          {data.audit.map((e) => (
            <tr key={e.id}>
              <td className="num">{e.id}</td>
              <td className="date">{formatDate(e.at)}</td>
              <td>{e.actor}</td>
              <td>{e.operation}</td>
              <td className="mono">{shortHash(e.hash)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ReportFrame>
  )
}
