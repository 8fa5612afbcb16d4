import type { GridApi, GridReadyEvent, IDatasource, RowClickedEvent } from 'ag-grid-community'
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import type { AuditEventRow } from '../../../../shared/domain/audit'
import { call } from '../../api/client'
import { DASH, formatDate, formatInt } from '../../format'
import { gridCell, plainFormat, type ColDefT } from '../../grid/columns'
import { DataGrid } from '../../grid/DataGrid'
import { useSession } from '../../shell/session'
import { useOp } from '../packs/frame'
import { auditChanges, type AuditChange } from './auditChanges'

const shortHash = (h: string | null | undefined) => (h ? `${h.slice(0, 12)}…` : DASH)

// Ordering and filtering happen in the ledger (the log can hold millions of events), so the
// columns do not offer client-side sort or filter.
const fixed = { sortable: false, filter: false } as const
/**
 * Widths that show a whole timestamp, and, with the event panel closed, every column up to the rule
 * pack at 1440 px. A cut cell shows its full text on hover.
 */
const columns: ColDefT<AuditEventRow>[] = [
  gridCell<AuditEventRow, number>({
    ...fixed,
    colId: 'id',
    field: 'id',
    headerName: '#',
    format: (v) => formatInt(v),
    width: 90,
    type: 'rightAligned',
  }),
  gridCell<AuditEventRow, string>({
    ...fixed,
    colId: 'at',
    field: 'at',
    headerName: 'When',
    format: (v) => formatDate(v),
    width: 190,
  }),
  gridCell<AuditEventRow, string>({
    ...fixed,
    colId: 'actor',
    field: 'actor',
    headerName: 'Who',
    format: plainFormat,
    width: 120,
    tooltip: true,
  }),
  gridCell<AuditEventRow, string>({
    ...fixed,
    colId: 'operation',
    field: 'operation',
    headerName: 'What',
    format: plainFormat,
    width: 170,
    tooltip: true,
  }),
  gridCell<AuditEventRow, string>({
    ...fixed,
    colId: 'entity',
    field: 'entity',
    headerName: 'Entity',
    format: plainFormat,
    width: 130,
    tooltip: true,
  }),
  gridCell<AuditEventRow, string | null>({
    ...fixed,
    colId: 'entityId',
    field: 'entityId',
    headerName: 'Id',
    format: plainFormat,
    width: 170,
    tooltip: true,
  }),
  gridCell<AuditEventRow, string | null>({
    ...fixed,
    colId: 'packId',
    field: 'packId',
    headerName: 'Rule pack',
    format: plainFormat,
    width: 220,
    tooltip: true,
  }),
  gridCell<AuditEventRow, string>({
    ...fixed,
    colId: 'hash',
    field: 'hash',
    headerName: 'Hash',
    format: shortHash,
    flex: 1,
    minWidth: 140,
    tooltip: (p) => p.data?.hash,
  }),
]
const rowId = (r: AuditEventRow) => String(r.id)

interface Filter {
  entity: string
  projectId: string
  from: string
  to: string
}
const NO_FILTER: Filter = { entity: '', projectId: '', from: '', to: '' }
const BLOCK = 200

/** The audit log, newest first and paged from the ledger, with the hash chain's verification. */
export function AuditScreen() {
  const [filter, setFilter] = useState<Filter>(NO_FILTER)
  const [total, setTotal] = useState<number | null>(null)
  const [chosen, setChosen] = useState<AuditEventRow | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const apiRef = useRef<GridApi<AuditEventRow> | null>(null)
  const verify = useOp('audit.verify', {})
  const { dataVersion } = useSession()
  const ids = useId()
  // The filter on screen, for answers that arrive after it changed: their count is another filter's.
  const filterShown = useRef(filter)
  useEffect(() => {
    filterShown.current = filter
  }, [filter])

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (p) => {
        const input = {
          offset: p.startRow,
          limit: Math.min(p.endRow - p.startRow, 1000),
          ...(filter.entity ? { entity: filter.entity } : {}),
          ...(filter.projectId.trim() ? { projectId: filter.projectId.trim() } : {}),
          ...(filter.from ? { from: filter.from } : {}),
          // `to` is an inclusive date: the whole day counts.
          ...(filter.to ? { to: `${filter.to}T23:59:59.999Z` } : {}),
        }
        call('audit.list', input).then(
          (page) => {
            if (filterShown.current === filter) {
              setTotal(page.total)
              setLoadError(null)
            }
            p.successCallback(page.rows, page.total)
          },
          (e: Error) => {
            if (filterShown.current === filter) setLoadError(e.message)
            p.failCallback()
          },
        )
      },
    }),
    [filter],
  )
  const onGridReady = useCallback((e: GridReadyEvent<AuditEventRow>) => {
    apiRef.current = e.api
  }, [])
  // Every change the session learns of (an action on another part of the app, a finished job, an
  // import, a user switch) writes audit events: read the pages again so they appear without reopening
  // the screen. A refresh, not a purge: the rows in view stay until their page is read again, under the
  // same filter and scroll, and the chosen event (immutable, by its id) stays selected and open.
  useEffect(() => {
    apiRef.current?.refreshInfiniteCache()
  }, [dataVersion])
  useEffect(() => {
    setChosen(null)
    // The count of the earlier filter is not this one's: none is said until this filter's first page.
    setTotal(null)
  }, [filter])
  const onRowClicked = useCallback((e: RowClickedEvent<AuditEventRow>) => setChosen(e.data ?? null), [])
  const set = (k: keyof Filter) => (e: { target: { value: string } }) =>
    setFilter((f) => ({ ...f, [k]: e.target.value }))
  const filtered = filter !== NO_FILTER && Object.values(filter).some((v) => v !== '')

  return (
    <section className="screen audit-screen" aria-labelledby="audit-title">
      <header className="screen-header">
        <h1 id="audit-title">Audit log</h1>
        {total != null && (
          <span className="muted" data-testid="audit-total">
            {formatInt(total)} {filtered ? 'matching events' : 'events'}
          </span>
        )}
      </header>
      <ChainStatus verify={verify} />
      <div className="toolbar" role="toolbar" aria-label="Filter events">
        <label className="field-inline" htmlFor={`${ids}-entity`}>
          Entity
          <select id={`${ids}-entity`} value={filter.entity} onChange={set('entity')}>
            <option value="">All</option>
            {[
              'project',
              'party',
              'chip',
              'licence',
              'installed_base',
              'scenario',
              'user',
              'setting',
              'ledger',
              'import_batch',
            ].map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline" htmlFor={`${ids}-project`}>
          Deal
          <input
            id={`${ids}-project`}
            value={filter.projectId}
            onChange={set('projectId')}
            placeholder="deal id"
            size={14}
          />
        </label>
        <label className="field-inline" htmlFor={`${ids}-from`}>
          From
          <input id={`${ids}-from`} type="date" value={filter.from} onChange={set('from')} />
        </label>
        <label className="field-inline" htmlFor={`${ids}-to`}>
          To
          <input id={`${ids}-to`} type="date" value={filter.to} onChange={set('to')} />
        </label>
        {filtered && (
          <button type="button" onClick={() => setFilter(NO_FILTER)}>
            Clear filters
          </button>
        )}
        {!chosen && <span className="muted small">Click an event to see what it changed.</span>}
      </div>
      {loadError && (
        <p role="alert" className="error">
          {loadError}
        </p>
      )}
      {/* The event panel opens only for a chosen event, so the grid has the width for its columns. */}
      <div className={chosen ? 'audit-layout with-detail' : 'audit-layout'}>
        <DataGrid<AuditEventRow>
          gridId="audit"
          rowId={rowId}
          columnDefs={columns}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={BLOCK}
          onGridReady={onGridReady}
          onRowClicked={onRowClicked}
          rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        />
        {chosen && <EventDetail event={chosen} onClose={() => setChosen(null)} />}
      </div>
    </section>
  )
}

function ChainStatus({ verify }: { verify: ReturnType<typeof useOp<'audit.verify'>> }) {
  const v = verify.data
  return (
    <div
      className={`chain-status ${v ? (v.ok ? 'chain-ok' : 'chain-bad') : ''}`}
      role="status"
      data-testid="audit-chain-status"
    >
      {verify.error ? (
        <span className="error">The chain could not be verified: {verify.error}</span>
      ) : !v || verify.loading ? (
        <span>Verifying the audit chain…</span>
      ) : v.ok ? (
        <span>
          <strong>Chain verified</strong>: {formatInt(v.checked)} events, none edited, deleted or reordered.
          Head hash <code title={v.headHash}>{shortHash(v.headHash)}</code>
        </span>
      ) : (
        <span>
          <strong>Chain broken</strong>
          {v.firstBadEventId != null ? ` at event #${v.firstBadEventId}` : ''}:{' '}
          {v.reason ?? 'the hashes do not match'} ({formatInt(v.checked)} events checked)
        </span>
      )}
      <button type="button" onClick={verify.reload} disabled={verify.loading}>
        Verify again
      </button>
    </div>
  )
}

function EventDetail({ event, onClose }: { event: AuditEventRow; onClose(): void }) {
  return (
    <aside className="panel event-detail" aria-label={`Event ${event.id}`} data-testid="audit-event-detail">
      <header className="event-detail-head">
        <h2>
          #{event.id} {event.operation}
        </h2>
        <span className="spacer" />
        <button type="button" className="icon-button" aria-label="Close event" onClick={onClose}>
          ✕
        </button>
      </header>
      <dl className="facts">
        <dt>When</dt>
        <dd>{formatDate(event.at)}</dd>
        <dt>Who</dt>
        <dd>{event.actor}</dd>
        <dt>Entity</dt>
        <dd>
          {event.entity} {event.entityId ?? ''}
        </dd>
        <dt>Rule pack</dt>
        <dd>{event.packId ?? DASH}</dd>
        <dt>Hash</dt>
        <dd>
          <code className="hash">{event.hash}</code>
        </dd>
        <dt>Previous</dt>
        <dd>
          <code className="hash">{event.prevHash}</code>
        </dd>
      </dl>
      <ChangedFields changes={auditChanges(event.operation, event.before, event.after)} />
      <div className="before-after">
        <div>
          <h3>Before</h3>
          <pre>{event.before == null ? DASH : JSON.stringify(event.before, null, 2)}</pre>
        </div>
        <div>
          <h3>After</h3>
          <pre>{event.after == null ? DASH : JSON.stringify(event.after, null, 2)}</pre>
        </div>
      </div>
    </aside>
  )
}

/**
 * The fields the event's change altered, each with its value before and after: a reviewer reads what
 * changed here, then the whole record below. Nothing for an event without both (a creation).
 */
function ChangedFields({ changes }: { changes: AuditChange[] | null }) {
  if (changes === null) return null
  return (
    <section className="changed-fields" data-testid="audit-changes">
      <h3>What changed</h3>
      {changes.length === 0 ? (
        <p className="muted">No field differs between before and after.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.path} data-kind={c.kind}>
                <th scope="row">
                  <code>{c.path}</code>
                </th>
                <td>{c.before === null ? <em>absent</em> : <code>{c.before}</code>}</td>
                <td>{c.after === null ? <em>absent</em> : <code>{c.after}</code>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {changes.some((c) => /\.\d+(\.|$)/.test(c.path)) && (
        <p className="muted small">
          Lists are compared position by position: <code>lines.0</code> is the first line, so a line taken out
          shows as the lines after it changed and the last one removed.
        </p>
      )}
    </section>
  )
}
