/**
 * Spreadsheet applications run a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
 * return as a formula (CSV injection; AG Grid's CSV export doc, "Security Concerns"). Every text
 * cell we export goes through this: such a cell gets a leading apostrophe, which spreadsheets
 * treat as "text" and do not show.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** Sanitises a file name: no path separators, control or reserved characters; keeps an extension. */
export function safeFileName(name: string, extension: string): string {
  const base = name
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 120)
  return `${base || 'export'}.${extension}`
}

/** Quotes one CSV field (RFC 4180): quotes when it holds a comma, quote or line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A CSV document from a header and rows of already formatted, already neutralised cells. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n'
}
