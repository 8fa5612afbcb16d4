import type { Locator } from '@playwright/test'

export interface ColumnShown {
  /** The column's header lies inside the grid's frame (not scrolled off to the right). */
  inView: boolean
  /** The texts of the rendered cells of the column that do not fit their cell ("…"). */
  cut: string[]
}

/** How a grid column shows at the current window size: in view, and which of its cells are cut. */
export async function columnShown(grid: Locator, colId: string): Promise<ColumnShown> {
  return grid.evaluate((root, colId) => {
    const frame = root.getBoundingClientRect()
    const header = root.querySelector(`.ag-header-cell[col-id="${colId}"]`)
    const box = header?.getBoundingClientRect()
    const cells = Array.from(root.querySelectorAll<HTMLElement>(`.ag-cell[col-id="${colId}"]`))
    return {
      inView: !!box && box.left >= frame.left && box.right <= frame.right,
      cut: cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent ?? ''),
    }
  }, colId)
}
