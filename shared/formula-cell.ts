/**
 * Spreadsheet applications run a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
 * return as a formula (CSV injection; AG Grid's CSV export doc, "Security Concerns"). Every text
 * cell we export goes through `neutraliseCell`: such a cell gets a leading apostrophe, which
 * spreadsheets treat as "text" and do not show. Shared, because the grids export in the window and
 * the deal book's CSV export runs in the core; the deal-book CSV reader undoes it (`restoreCell`).
 *
 * A cell that begins with apostrophes and then one of those characters (`'=x`) gets one more too:
 * it looks like a neutralised cell, and the reader, taking one apostrophe off, would otherwise take
 * off one of the text's own. So `restoreCell(neutraliseCell(s)) === s` for every `s`.
 */
const NEEDS_APOSTROPHE = /^'*[=+\-@\t\r]/
const NEUTRALISED = /^'+[=+\-@\t\r]/

export function neutraliseCell(text: string): string {
  return NEEDS_APOSTROPHE.test(text) ? `'${text}` : text
}

/**
 * The text `neutraliseCell` was given: one apostrophe off a cell that begins with apostrophes and
 * then a formula character, any other cell as it is (`'text`, a lone `'`).
 */
export function restoreCell(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell
}
