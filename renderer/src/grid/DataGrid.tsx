import { AgGridReact, type AgGridReactProps } from 'ag-grid-react'
import type { ColDef, GetRowIdParams, GridReadyEvent } from 'ag-grid-community'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { restoreLayout, saveLayout as storeLayout } from './layout'
import { gridTheme } from './theme'
import './setup'

export interface DataGridProps<T extends object> extends Omit<AgGridReactProps<T>, 'getRowId' | 'theme'> {
  /** Names the grid for tests (`data-testid="grid-<gridId>"`) and saved layouts. */
  gridId: string
  /** Domain id of a row; used for `getRowId`, test ids and row-level updates. */
  rowId: (row: T) => string
  columnDefs: ColDef<T>[]
  /** Keep the user's column order, widths, pinning and sort for this grid id (default true). */
  saveLayout?: boolean
  /**
   * Why there are no rows to load (e.g. no rule pack governs the as-of date): shown in the grid instead
   * of its loading spinner, which would otherwise turn for ever on rows that will never come.
   */
  unavailable?: string | null
}

/**
 * DOM event (detail `{ rowId?, rowIndex?, colId? }`) that scrolls a grid's cell into view. `rowIndex`
 * reaches rows the infinite row model has not loaded yet (e.g. the last of 100,000 deals).
 */
export const ENSURE_VISIBLE_EVENT = 'headroom:ensure-visible'

const houseDefaults = {
  sortable: true,
  resizable: true,
  filter: true,
  minWidth: 80,
} as const

/**
 * The house AG Grid: typed columns, stable row ids, the app theme and a `data-grid-ready`
 * marker that tests wait for instead of sleeping.
 */
export function DataGrid<T extends object>({
  gridId,
  rowId,
  onGridReady,
  saveLayout = true,
  unavailable,
  ...props
}: DataGridProps<T>) {
  const [ready, setReady] = useState(false)
  const frame = useRef<HTMLDivElement>(null)
  const apiRef = useRef<GridReadyEvent<T>['api'] | null>(null)
  // Rows and columns off screen are not in the DOM (virtualisation). Tests and keyboard helpers ask the
  // grid to scroll a cell into view with a DOM event on the frame, so no grid API leaks onto `window`.
  useEffect(() => {
    const el = frame.current
    if (!el) return
    const onEnsure = (e: Event) => {
      const api = apiRef.current
      const detail = (e as CustomEvent<{ rowId?: string; rowIndex?: number; colId?: string }>).detail
      const { rowId: id, rowIndex, colId } = detail ?? {}
      if (!api) return
      if (colId) api.ensureColumnVisible(colId)
      if (typeof rowIndex === 'number') api.ensureIndexVisible(rowIndex)
      const node = id ? api.getRowNode(id) : undefined
      if (node) api.ensureNodeVisible(node)
    }
    el.addEventListener(ENSURE_VISIBLE_EVENT, onEnsure)
    return () => el.removeEventListener(ENSURE_VISIBLE_EVENT, onEnsure)
  }, [])
  const getRowId = useCallback((p: GetRowIdParams<T>) => rowId(p.data), [rowId])
  const handleReady = useCallback(
    (event: GridReadyEvent<T>) => {
      apiRef.current = event.api
      if (saveLayout) {
        restoreLayout(gridId, event.api)
        // Only the user's own finished gestures: a drag or resize fires many intermediate events,
        // and restoring or resetting a layout must not save over it.
        const save = (e: { source: string; finished?: boolean }) => {
          if (e.finished !== false && e.source.startsWith('ui')) storeLayout(gridId, event.api)
        }
        event.api.addEventListener('columnMoved', save)
        event.api.addEventListener('columnResized', save)
        event.api.addEventListener('columnPinned', save)
        event.api.addEventListener('sortChanged', save)
      }
      setReady(true)
      onGridReady?.(event)
    },
    [onGridReady, gridId, saveLayout],
  )
  const mergedDefault = useMemo<ColDef<T>>(
    () => ({ ...houseDefaults, ...props.defaultColDef }),
    [props.defaultColDef],
  )
  return (
    <div
      ref={frame}
      className="grid-frame"
      data-testid={`grid-${gridId}`}
      data-grid-ready={ready ? 'true' : 'false'}
    >
      <AgGridReact<T>
        {...props}
        {...(unavailable
          ? { rowData: [], loading: false, overlayComponentParams: { noRows: { overlayText: unavailable } } }
          : {})}
        theme={gridTheme}
        getRowId={getRowId}
        defaultColDef={mergedDefault}
        onGridReady={handleReady}
      />
    </div>
  )
}
