import type { ColDef, ValueFormatterParams } from 'ag-grid-community'
import { DASH, formatTpp } from '../format'

/** Every grid row carries its domain id; `getRowId`, test ids and exports key on it. */
export interface GridBaseRow {
  id: string | number
}

/** Formats one cell for people; the same function feeds the grid, the quick filter and exports. */
export type CellFormat<T, V> = (value: V | null | undefined, row: T | undefined) => string

/** What the house columns keep in `ColDef.context` (AG Grid warns on unknown ColDef keys). */
export interface HouseColumnContext<T = unknown, V = unknown> {
  format: CellFormat<T, V>
  exportable: boolean
}

/** A typed column: AG Grid's `ColDef<T, V>` with a colId that test ids and saved layouts rely on. */
export type ColDefT<T extends GridBaseRow, V = unknown> = ColDef<T, V> & { colId: string }

export interface GridCellSpec<T extends GridBaseRow, V> extends Omit<
  ColDef<T, V>,
  'valueFormatter' | 'context' | 'colId'
> {
  colId: string
  headerName: string
  /** Required: no cell reaches a person (or a file) unformatted. */
  format: CellFormat<T, V>
  /** Included in CSV / Excel exports; default true (action or icon columns set false). */
  exportable?: boolean
}

const defaultText = (value: unknown): string => {
  if (value == null || value === '') return DASH
  return Array.isArray(value) ? value.join(', ') : String(value)
}

/** The fallback formatter: null as an en dash, arrays joined. */
export function plainFormat<T, V>(value: V | null | undefined, _row?: T): string {
  return defaultText(value)
}

/**
 * Builds a column with the house defaults (sortable, resizable, formatter required, quick-filter
 * text taken from the formatter so people find what they see, exportable unless said otherwise).
 */
export function gridCell<T extends GridBaseRow, V = unknown>(spec: GridCellSpec<T, V>): ColDefT<T> {
  const { format, exportable = true, ...rest } = spec
  const context: HouseColumnContext<T, V> = { format, exportable }
  const col: ColDefT<T, V> = {
    sortable: true,
    resizable: true,
    ...rest,
    valueFormatter: (p: ValueFormatterParams<T, V>) => format(p.value, p.data),
    getQuickFilterText: (p) => format(p.value, p.data),
    context,
  }
  // The value type is checked inside the spec; a grid's column list mixes value types, and AG Grid's
  // ColDef is invariant in V, so the list holds the erased form.
  return col as unknown as ColDefT<T>
}

/** A TPP column on a numeric field of the row: thousands separators, right-aligned, number filter. */
export function tppColumn<T extends GridBaseRow>(
  field: Extract<keyof T, string>,
  headerName: string,
): ColDefT<T> {
  return gridCell<T, number | null>({
    colId: field,
    // A top-level key of the row; AG Grid types `field` as a deep path, which TypeScript cannot check here.
    field: field as unknown as ColDef<T, number | null>['field'],
    headerName,
    format: (v) => formatTpp(v),
    type: 'rightAligned',
    filter: 'agNumberColumnFilter',
    width: 150,
  })
}

/** The house context of a column, if it was built by `gridCell`. */
export function houseContext(colDef: ColDef | undefined | null): HouseColumnContext | null {
  const ctx = colDef?.context as Partial<HouseColumnContext> | undefined
  return ctx && typeof ctx.format === 'function' ? (ctx as HouseColumnContext) : null
}
