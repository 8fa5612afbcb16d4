import type { Column, ColDef, GridApi } from 'ag-grid-community'
import writeExcelFile from 'write-excel-file/browser'
import type { Row as SheetRow } from 'write-excel-file/browser'
import { neutraliseCell } from '../../../shared/formula-cell'
import { houseContext } from './columns'
import { safeFileName, toCsv } from './neutralise'

/** A column as exports see it: header, and the way from a row to the text people see. */
export interface ExportColumn<T> {
  colId: string
  header: string
  value(row: T): unknown
  text(row: T): string
}

function rawValue<T>(colDef: ColDef<T>, row: T): unknown {
  if (typeof colDef.valueGetter === 'function') {
    // Our getters only read `data`; the rest of the params is grid plumbing exports do not have.
    return (colDef.valueGetter as (p: { data: T }) => unknown)({ data: row })
  }
  if (typeof colDef.field === 'string') return (row as Record<string, unknown>)[colDef.field]
  return undefined
}

/**
 * The grid's exportable columns in the order and visibility the user arranged, each able to format
 * a row that is not loaded in the grid (infinite row model exports fetch their rows page by page).
 */
export function exportColumns<T>(api: GridApi<T>): ExportColumn<T>[] {
  return api
    .getAllDisplayedColumns()
    .filter((c: Column) => houseContext(c.getColDef())?.exportable ?? true)
    .map((c) => {
      const colDef = c.getColDef() as ColDef<T>
      const house = houseContext(colDef)
      const header = api.getDisplayNameForColumn(c, null) || c.getColId()
      return {
        colId: c.getColId(),
        header,
        value: (row: T) => rawValue(colDef, row),
        text: (row: T) => {
          const v = rawValue(colDef, row)
          if (house) return house.format(v, row)
          // Every column should come from `gridCell`; say so rather than export raw values silently.
          console.error(`Column ${c.getColId()} has no house formatter; exporting its raw value`)
          return v == null ? '' : String(v)
        },
      }
    })
}

function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  // Revoke later: Chromium reads the blob after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A value as a pretty-printed JSON file download (the deal book export). */
export function downloadJson(value: unknown, fileName: string): void {
  download(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }), fileName)
}

/** Text the core wrote (the deal book as CSV) as a file download, byte for byte as given. */
export function downloadText(text: string, fileName: string, type: string): void {
  download(new Blob([text], { type }), fileName)
}

/** CSV of rows through the given columns: formatted as on screen, formula-like cells neutralised. */
export function rowsToCsv<T>(columns: readonly ExportColumn<T>[], rows: readonly T[]): string {
  return toCsv(
    columns.map((c) => neutraliseCell(c.header)),
    rows.map((r) => columns.map((c) => neutraliseCell(c.text(r)))),
  )
}

export function downloadCsv<T>(columns: readonly ExportColumn<T>[], rows: readonly T[], name: string): void {
  // A BOM so Excel opens the UTF-8 file with the right encoding (country names, en dashes).
  download(
    new Blob(['\uFEFF', rowsToCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }),
    safeFileName(name, 'csv'),
  )
}

/** Excel workbook of rows: numbers stay numbers (so sums work), text is formatted and neutralised. */
export async function downloadExcel<T>(
  columns: readonly ExportColumn<T>[],
  rows: readonly T[],
  name: string,
): Promise<void> {
  const header: SheetRow = columns.map((c) => ({
    value: neutraliseCell(c.header),
    fontWeight: 'bold' as const,
  }))
  const body: SheetRow[] = rows.map((r) =>
    columns.map((c) => {
      const v = c.value(r)
      if (typeof v === 'number' && Number.isFinite(v))
        return { value: v, format: Number.isInteger(v) ? '#,##0' : '#,##0.0' }
      return { value: neutraliseCell(c.text(r)), type: String }
    }),
  )
  const blob = await writeExcelFile([header, ...body], { sheet: 'Export', stickyRowsCount: 1 }).toBlob()
  download(blob, safeFileName(name, 'xlsx'))
}

/**
 * CSV of a client-side grid through AG Grid's own exporter: the visible exportable columns, each
 * cell through the house formatter, formula-like cells neutralised.
 */
export function exportGridCsv<T>(api: GridApi<T>, name: string): void {
  const columns = exportColumns(api)
  api.exportDataAsCsv({
    fileName: safeFileName(name, 'csv'),
    columnKeys: columns.map((c) => c.colId),
    processHeaderCallback: (p) =>
      neutraliseCell(api.getDisplayNameForColumn(p.column, null) || p.column.getColId()),
    processCellCallback: (p) => {
      const house = houseContext(p.column.getColDef())
      const text = house ? house.format(p.value, p.node?.data) : p.formatValue(p.value)
      return neutraliseCell(text ?? '')
    },
  })
}

/** Excel of a client-side grid: the rows after filter and sort, as shown. */
export function exportGridExcel<T>(api: GridApi<T>, name: string): Promise<void> {
  const rows: T[] = []
  api.forEachNodeAfterFilterAndSort((n) => {
    if (n.data) rows.push(n.data)
  })
  return downloadExcel(exportColumns(api), rows, name)
}
