/**
 * Spreadsheet applications run a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
 * return as a formula (CSV injection; AG Grid's CSV export doc, "Security Concerns"). Every text
 * cell we export goes through `neutraliseCell`: such a cell gets a leading apostrophe, which
 * spreadsheets treat as "text" and do not show. Shared, because the grids export in the window and
 * the deal book's CSV export runs in the core; the deal-book reader undoes it with `restoreCell`.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}
