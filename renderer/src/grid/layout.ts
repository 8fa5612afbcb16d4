import type { ColumnState, GridApi } from 'ag-grid-community'

/**
 * Saved column layout per grid: order, widths, pinning and sort, in localStorage so it survives
 * restarts on this desk. Visibility is not saved: columns shown or hidden by the rule pack (tier)
 * must follow the pack, and community AG Grid has no column chooser for users to hide columns.
 */
const key = (gridId: string) => `headroom.layout.${gridId}`

type SavedColumn = Pick<ColumnState, 'colId' | 'width' | 'flex' | 'pinned' | 'sort' | 'sortIndex'>

export function saveLayout(gridId: string, api: GridApi): void {
  const state: SavedColumn[] = api
    .getColumnState()
    .map(({ colId, width, flex, pinned, sort, sortIndex }) => ({
      colId,
      width,
      flex,
      pinned,
      sort,
      sortIndex,
    }))
  try {
    localStorage.setItem(key(gridId), JSON.stringify(state))
  } catch {
    // Storage full or disabled: the layout simply is not kept.
  }
}

export function restoreLayout(gridId: string, api: GridApi): boolean {
  try {
    const saved = JSON.parse(localStorage.getItem(key(gridId)) ?? 'null') as SavedColumn[] | null
    if (!Array.isArray(saved) || saved.length === 0) return false
    api.applyColumnState({ state: saved, applyOrder: true })
    return true
  } catch {
    return false
  }
}

export function hasSavedLayout(gridId: string): boolean {
  return localStorage.getItem(key(gridId)) != null
}

/** Forgets the saved layout and returns the grid to its column definitions. */
export function resetLayout(gridId: string, api: GridApi): void {
  localStorage.removeItem(key(gridId))
  api.resetColumnState()
}
