import type { RowClickedEvent } from 'ag-grid-community'
import { useCallback, useEffect, useState } from 'react'
import type { PackSummary } from '../../../../shared/ipc/ops/packs'
import type { RulePack } from '../../../../shared/rules/types'
import { DASH, formatDate } from '../../format'
import { gridCell, plainFormat, type ColDefT } from '../../grid/columns'
import { DataGrid } from '../../grid/DataGrid'
import { navigate, useRoute } from '../../shell/routes'
import { useWorkspace } from '../../state/workspace'
import { getPack, useOp } from './frame'
import { humanizeStatus, labelOf, PackContents } from './PackContents'
import { PackTimeline } from './PackTimeline'

const columns: ColDefT<PackSummary>[] = [
  gridCell<PackSummary, string>({
    colId: 'title',
    field: 'title',
    headerName: 'Pack',
    format: plainFormat,
    flex: 2,
    minWidth: 260,
    tooltip: true,
  }),
  gridCell<PackSummary, string>({
    colId: 'id',
    field: 'id',
    headerName: 'Id',
    format: plainFormat,
    flex: 1,
    minWidth: 220,
    tooltip: true,
  }),
  gridCell<PackSummary, string>({
    colId: 'status',
    field: 'status',
    headerName: 'Status',
    format: (v) => humanizeStatus(v ?? ''),
    width: 120,
  }),
  gridCell<PackSummary, string>({
    colId: 'regime',
    field: 'regime',
    headerName: 'Regime',
    format: (v) => (v ? labelOf(v) : DASH),
    width: 170,
  }),
  gridCell<PackSummary, string>({
    colId: 'effectiveDate',
    field: 'effectiveDate',
    headerName: 'Effective',
    format: (v) => formatDate(v),
    width: 120,
  }),
  gridCell<PackSummary, boolean>({
    colId: 'tiered',
    field: 'tiered',
    headerName: 'Tiers',
    format: (v) => (v ? 'Yes' : 'No'),
    width: 90,
  }),
  gridCell<PackSummary, string | undefined>({
    colId: 'basedOn',
    field: 'basedOn',
    headerName: 'Based on',
    format: plainFormat,
    width: 200,
  }),
]
const rowId = (p: PackSummary) => p.id

/** Rule packs and scenarios: the list, the timeline of which governs when, and one pack's contents. */
export function PacksScreen() {
  const ws = useWorkspace()
  const { params } = useRoute('packs')
  const openId = params.get('id')
  const list = useOp('packs.list', {})
  const timeline = useOp('packs.timeline', {})
  const [pack, setPack] = useState<RulePack | null>(null)
  const [packError, setPackError] = useState<string | null>(null)
  useEffect(() => {
    if (!openId) return
    let live = true
    getPack(openId).then(
      (p) => live && (setPack(p), setPackError(null)),
      (e: Error) => live && setPackError(e.message),
    )
    return () => {
      live = false
    }
  }, [openId])
  const open = useCallback((id: string) => navigate('packs', { id }), [])
  const onRowClicked = useCallback((e: RowClickedEvent<PackSummary>) => e.data && open(e.data.id), [open])
  const shown = openId && pack?.id === openId ? pack : null

  return (
    <section className="screen packs-screen" aria-labelledby="packs-title">
      <header className="screen-header">
        <h1 id="packs-title">Rule packs</h1>
        {list.data && <span className="muted">{list.data.length} packs and scenarios</span>}
      </header>
      {(list.error ?? timeline.error) && (
        <p role="alert" className="error">
          {list.error ?? timeline.error}
        </p>
      )}
      <div className="packs-top">
        <div className="packs-list">
          <DataGrid<PackSummary>
            gridId="packs"
            rowId={rowId}
            rowData={list.data}
            columnDefs={columns}
            onRowClicked={onRowClicked}
            rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
            domLayout="autoHeight"
          />
          <label className="field-inline">
            Open pack
            <select
              aria-label="Open a pack"
              value={openId ?? ''}
              onChange={(e) => e.target.value && open(e.target.value)}
            >
              <option value="">Choose…</option>
              {list.data?.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </label>
        </div>
        <section className="panel" aria-labelledby="timeline-title">
          <h2 id="timeline-title">Timeline</h2>
          <p className="muted">Which pack governs a deal on a date when the header says “auto”.</p>
          {timeline.data && list.data && (
            <PackTimeline timeline={timeline.data} summaries={list.data} asOf={ws.asOf} onOpen={open} />
          )}
        </section>
      </div>
      {packError && (
        <p role="alert" className="error">
          {packError}
        </p>
      )}
      {shown ? (
        <PackContents pack={shown} />
      ) : (
        !openId && (
          <p className="muted">Choose a pack to read its contents, every number with its citation.</p>
        )
      )}
    </section>
  )
}
