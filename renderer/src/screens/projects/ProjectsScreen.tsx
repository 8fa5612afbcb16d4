import type {
  GridApi,
  GridReadyEvent,
  IDatasource,
  IGetRowsParams,
  RowClickedEvent,
  CellKeyDownEvent,
} from 'ag-grid-community'
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { PROJECT_STATUSES, type ProjectRow, type ProjectStatus } from '../../../../shared/domain/project'
import type { OpInput } from '../../../../shared/ipc/contract'
import { call } from '../../api/client'
import { STATUS_LABEL } from '../../components/StatusChip'
import { DataGrid } from '../../grid/DataGrid'
import { downloadCsv, downloadExcel, exportColumns } from '../../grid/exporters'
import { resetLayout } from '../../grid/layout'
import { formatInt } from '../../format'
import { useRoute } from '../../shell/routes'
import { useSession } from '../../shell/session'
import { useWorkspace } from '../../state/workspace'
import { DealEditor } from './DealEditor'
import { ImportBook } from './ImportBook'
import { SampleBanner } from '../ledger/SampleBanner'
import { ReevaluateBook } from './ReevaluateBook'
import { ProgressDialog, type Progress } from '../../components/ProgressDialog'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { projectColumns, SORT_KEYS } from './projectColumns'
import { useDealPanel, type Panel } from './useDealPanel'

type ListQuery = Omit<OpInput<'projects.list'>, 'offset' | 'limit'>

const rowId = (row: ProjectRow) => row.id
const EXPORT_PAGE = 1000

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value)
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms)
    return () => clearTimeout(t)
  }, [value, ms])
  return v
}

/**
 * Every deal in the ledger. The grid uses the infinite row model: pages are sorted and filtered in
 * the ledger (`projects.list`), so a 100,000-deal book is never loaded into the window.
 */
export function ProjectsScreen() {
  const ws = useWorkspace()
  const session = useSession()
  const { params } = useRoute('projects')
  const selectedId = params.get('id')
  const creating = params.get('new') === '1'
  const quickId = useId()
  const apiRef = useRef<GridApi<ProjectRow> | null>(null)
  const [quick, setQuick] = useState('')
  const debouncedQuick = useDebounced(quick.trim(), 250)
  const [statuses, setStatuses] = useState<ProjectStatus[]>([])
  const [total, setTotal] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [progress, setProgress] = useState<Progress | null>(null)
  const cancelExport = useRef(false)

  const tiered = session.resolved?.summary?.tiered ?? false
  const columns = useMemo(() => projectColumns(tiered), [tiered])

  // Pinned pack: the ledger re-evaluates the page's summary columns under it. Auto: each deal as
  // stored, i.e. under the pack governing its own date.
  const pinned = ws.packId !== 'auto'
  const baseQuery = useMemo<ListQuery>(
    () => ({
      ...(debouncedQuick ? { quick: debouncedQuick } : {}),
      ...(statuses.length ? { status: statuses } : {}),
      ...(pinned ? { packId: ws.packId, asOf: ws.asOf } : {}),
    }),
    [debouncedQuick, statuses, pinned, ws.packId, ws.asOf],
  )
  const queryRef = useRef<ListQuery>(baseQuery)

  /** The grid's current sort and column filters, as ledger query fields. */
  const gridQuery = useCallback(
    (
      sortModel: { colId: string; sort: 'asc' | 'desc' }[],
      filterModel: Record<string, { filter?: string }>,
    ) => {
      const sort = sortModel.find((s) => SORT_KEYS[s.colId])
      const destination = filterModel.destination?.filter?.trim().toUpperCase()
      return {
        ...(sort ? { sortBy: SORT_KEYS[sort.colId], sortDir: sort.sort } : {}),
        ...(destination ? { destination } : {}),
      }
    },
    [],
  )

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (p: IGetRowsParams) => {
        const input = {
          ...queryRef.current,
          ...gridQuery(p.sortModel, p.filterModel),
          offset: p.startRow,
          limit: p.endRow - p.startRow,
        }
        call('projects.list', input).then(
          (page) => {
            setTotal(page.total)
            setError(null)
            p.successCallback(page.rows, page.total)
          },
          (e: Error) => {
            setError(e.message)
            p.failCallback()
          },
        )
      },
    }),
    [gridQuery],
  )

  useEffect(() => {
    queryRef.current = baseQuery
    apiRef.current?.purgeInfiniteCache()
  }, [baseQuery, session.dataVersion])

  const onGridReady = useCallback((e: GridReadyEvent<ProjectRow>) => {
    apiRef.current = e.api
  }, [])
  const panel = useDealPanel(selectedId != null ? { deal: selectedId } : creating ? 'new' : null, apiRef)
  const { request } = panel
  const open = (row: ProjectRow | undefined) => row && request({ deal: row.id })
  const onRowClicked = (e: RowClickedEvent<ProjectRow>) => open(e.data)
  const onCellKeyDown = (e: CellKeyDownEvent<ProjectRow>) => {
    if ((e.event as KeyboardEvent | null)?.key === 'Enter') open(e.data)
  }

  /** Exports every deal matching the filters (not only the loaded pages), with progress and cancel. */
  const exportAll = async (kind: 'csv' | 'xlsx') => {
    const api = apiRef.current
    if (!api) return
    cancelExport.current = false
    const cols = exportColumns(api)
    const query = {
      ...queryRef.current,
      ...gridQuery(
        api
          .getColumnState()
          .filter((c) => c.sort)
          .map((c) => ({ colId: c.colId, sort: c.sort! })),
        api.getFilterModel(),
      ),
    }
    const rows: ProjectRow[] = []
    setProgress({
      title: `Exporting projects to ${kind === 'csv' ? 'CSV' : 'Excel'}`,
      done: 0,
      total: total ?? 0,
    })
    try {
      for (let offset = 0; ; offset += EXPORT_PAGE) {
        if (cancelExport.current) return
        const page = await call('projects.list', { ...query, offset, limit: EXPORT_PAGE })
        rows.push(...page.rows)
        setProgress((p) => p && { ...p, done: rows.length, total: page.total })
        if (page.rows.length < EXPORT_PAGE || rows.length >= page.total) break
      }
      // A cancelled export writes no file at all, never a partial one.
      if (cancelExport.current) return
      const name = `projects ${ws.asOf}`
      if (kind === 'csv') downloadCsv(cols, rows, name)
      else await downloadExcel(cols, rows, name)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setProgress(null)
    }
  }

  const toggleStatus = (s: ProjectStatus) =>
    setStatuses((cur) => (cur.includes(s) ? cur.filter((x) => x !== s) : [...cur, s]))
  const shown = panel.shown
  const shownId = shown !== null && shown !== 'new' ? shown.deal : null
  const editorOpen = shown !== null

  return (
    <section
      className={`screen projects-screen${editorOpen ? ' with-editor' : ''}`}
      aria-labelledby="projects-title"
    >
      <div className="projects-main">
        <header className="screen-header">
          <h1 id="projects-title">Projects</h1>
          <span className="muted" data-testid="projects-total">
            {total == null ? '' : `${formatInt(total)} ${total === 1 ? 'project' : 'projects'}`}
          </span>
          <span className="spacer" />
          <button type="button" className="primary" onClick={() => request('new')}>
            New deal
          </button>
        </header>
        <SampleBanner />
        <div className="toolbar" role="toolbar" aria-label="Projects grid">
          <label htmlFor={quickId}>Quick filter</label>
          <input
            id={quickId}
            type="search"
            // What the ledger's quick filter matches (listProjects); the destination is not among them.
            placeholder="Id, name, consignee, end user, destination, site, chip"
            title="Matches the deal id, name, consignee, end user, site and chips, and the destination by its name or its code (Japan, JP)."
            value={quick}
            onChange={(e) => setQuick(e.target.value)}
          />
          <div role="group" aria-label="Filter by status" className="status-filter">
            {PROJECT_STATUSES.map((s) => (
              <button
                key={s}
                type="button"
                className={`chip status-${s}`}
                aria-pressed={statuses.includes(s)}
                onClick={() => toggleStatus(s)}
              >
                {STATUS_LABEL[s]}
              </button>
            ))}
          </div>
          <span className="spacer" />
          <button type="button" onClick={() => void exportAll('csv')}>
            Export CSV
          </button>
          <button type="button" onClick={() => void exportAll('xlsx')}>
            Export Excel
          </button>
          <ImportBook onImported={session.bumpData} />
          <ReevaluateBook onDone={session.bumpData} />
          <button type="button" onClick={() => apiRef.current && resetLayout('projects', apiRef.current)}>
            Reset layout
          </button>
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <DataGrid<ProjectRow>
          gridId="projects"
          rowId={rowId}
          columnDefs={columns}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={100}
          maxBlocksInCache={50}
          onGridReady={onGridReady}
          onRowClicked={onRowClicked}
          onCellKeyDown={onCellKeyDown}
          rowClass="clickable-row"
        />
      </div>
      {editorOpen && (
        <DealEditor
          key={shownId ?? 'new'}
          projectId={shownId}
          onClose={() => request(null)}
          onDirtyChange={panel.setDirty}
          onSaved={(id) => {
            session.bumpData()
            panel.go({ deal: id })
          }}
          onDeleted={() => {
            session.bumpData()
            panel.go(null)
          }}
        />
      )}
      <ConfirmDialog
        open={panel.asking !== null}
        title="Discard unsaved changes?"
        action="Discard changes"
        cancelLabel="Keep editing"
        onConfirm={panel.discard}
        onCancel={panel.keepEditing}
      >
        <p>
          {shownId ? `Deal ${shownId} has changes that are not saved.` : 'The new deal has not been saved.'}{' '}
          Keep editing to save them, or discard them and {leaving(panel.asking?.to ?? null)}.
        </p>
      </ConfirmDialog>
      <ProgressDialog progress={progress} onCancel={() => (cancelExport.current = true)} />
    </section>
  )
}

/** Where the officer asked to go, as the discard dialog says it. */
function leaving(to: Panel): string {
  if (to === null) return 'close the deal editor'
  return to === 'new' ? 'start a new deal' : `open deal ${to.deal}`
}
