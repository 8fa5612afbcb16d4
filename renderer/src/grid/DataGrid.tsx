import { AgGridReact, type AgGridReactProps } from 'ag-grid-react'
import type { ColDef, GetRowIdParams, GridReadyEvent } from 'ag-grid-community'
import { useCallback, useMemo, useState } from 'react'
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
}

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
export function DataGrid<T extends object>({ gridId, rowId, onGridReady, saveLayout = true, ...props }: DataGridProps<T>) {
  const [ready, setReady] = useState(false)
  const getRowId = useCallback((p: GetRowIdParams<T>) => rowId(p.data), [rowId])
  const handleReady = useCallback(
    (event: GridReadyEvent<T>) => {
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
  const mergedDefault = useMemo<ColDef<T>>(() => ({ ...houseDefaults, ...props.defaultColDef }), [props.defaultColDef])
  return (
    <div className="grid-frame" data-testid={`grid-${gridId}`} data-grid-ready={ready ? 'true' : 'false'}>
      <AgGridReact<T> {...props} theme={gridTheme} getRowId={getRowId} defaultColDef={mergedDefault} onGridReady={handleReady} />
    </div>
  )
}
