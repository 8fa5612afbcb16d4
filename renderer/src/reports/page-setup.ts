import type {
  PaperOrientation,
  PaperSize,
  ReportHeader,
  ReportRequest,
} from '../../../shared/ipc/ops/reports'

export const PAPERS: Record<PaperSize, { label: string; css: string; widthMm: number; heightMm: number }> = {
  a4: { label: 'A4', css: 'A4', widthMm: 210, heightMm: 297 },
  letter: { label: 'US Letter', css: 'letter', widthMm: 215.9, heightMm: 279.4 },
}

/**
 * A CSS string literal for `content:` in a page margin box. The marking is free text set by the
 * desk, so everything outside a small safe set is written as a hex escape: no quote, backslash or
 * `</style>` can end the string or the rule.
 */
export function cssString(text: string): string {
  let out = ''
  for (const ch of text.replace(/[\r\n\t]+/g, ' ')) {
    out += /^[A-Za-z0-9 .,:;_()/#-]$/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `
  }
  return `"${out}"`
}

export const shortHash = (hash: string): string => hash.slice(0, 12)

/** `2026-03-01 14:05 UTC`: records are kept in UTC and printed as such. */
export function printStamp(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`
}

/**
 * The `@page` rule of a report: paper, orientation and the page margin boxes that put the marking,
 * document number, pack, print date, ledger fingerprint and "Page N of M" on every page. Margin
 * boxes (Chromium 131+) serve the browser's print, Electron's printToPDF and the CLI alike, so no
 * header/footer templates are needed anywhere.
 */
export function pageRule(header: ReportHeader, paper: PaperSize, orientation: PaperOrientation): string {
  const marking = cssString(header.marking)
  const pack = cssString(header.pack ? `Pack ${header.pack.id} (${header.pack.version})` : 'No rule pack')
  // Two lines (\A with white-space: pre) so the stamp never runs into the marking beside it.
  const printed = `${cssString(`Printed ${printStamp(header.printedAt)}`)} "\\A " ${cssString(`Ledger ${shortHash(header.fingerprint.headHash)}`)}`
  const small = 'font-family: Arial, Helvetica, sans-serif; font-size: 7.5pt; color: #333;'
  const mark =
    'font-family: Arial, Helvetica, sans-serif; font-size: 8.5pt; font-weight: bold; color: #9b1c1c; letter-spacing: 0.04em;'
  return `@page {
  size: ${PAPERS[paper].css} ${orientation};
  margin: 17mm 12mm 15mm 12mm;
  @top-left { content: ${cssString(header.documentNumber)}; width: 30%; text-align: left; ${small} vertical-align: bottom; }
  @top-center { content: ${marking}; width: 40%; text-align: center; ${mark} vertical-align: bottom; }
  @top-right { content: ${pack}; width: 30%; text-align: right; ${small} vertical-align: bottom; }
  @bottom-left { content: ${printed}; white-space: pre; width: 30%; text-align: left; ${small} vertical-align: top; }
  @bottom-center { content: ${marking}; width: 45%; text-align: center; ${mark} vertical-align: top; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); width: 25%; text-align: right; ${small} vertical-align: top; }
}`
}

/** What is missing before the report can be produced, in the desk's words; null when complete. */
export function missingParameter(request: ReportRequest): string | null {
  if (request.kind === 'memo' && !request.projectId) return 'Choose a deal for the memo.'
  if (request.kind === 'country' && !request.country) return 'Choose a country for the statement.'
  return null
}
