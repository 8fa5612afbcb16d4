import Papa from 'papaparse'
import type { CsvBookExport, CsvNotCarried } from '../../shared/domain/ledger'
import { neutraliseCell } from '../../shared/formula-cell'
import { CSV_COLUMNS, PARENT_HQ_NOT_GIVEN, parseDealBookCsv } from '../../shared/rules/book'
import type { ChipSpec, Deal, DealLine } from '../../shared/rules/types'
import { exportedProjects } from './interchange'
import type { Ledger } from './ledger'
import { toDeal } from './projects'
import { readSnapshot } from './statements'

/**
 * The deal book as interchange CSV v1 (docs/deal-book.md): one row per deal line in the reader's
 * columns, the deal's own fields repeated on each of its lines, so that a spreadsheet or another
 * Headroom can take the deals and lines and the ledger's CSV import reads them back as they are.
 * Deals only: the ledger's own records (statuses, people, licences, parties, installed base) stay in
 * the JSON export (interchange.ts `exportBook`). Built here in the core, never in the window.
 */

/**
 * A figure as decimal text the CSV reader takes. `String` writes 1e21 and 1e-7 in E notation, which
 * the reader refuses (a spreadsheet writes E notation for a figure it has rounded), so the exponent is
 * spelled out in zeros. The digits are `String`'s own, the fewest that read back as the same double,
 * so nothing is rounded. Figures are not neutralised: a decimal is no formula, and a spreadsheet
 * should take it as a number (the reader would take `'-3` as -3 all the same).
 */
export function decimalText(n: number): string {
  const s = String(n)
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s)
  if (!m) return s
  const [, sign, lead, fraction = '', exponent] = m
  const digits = `${lead}${fraction}`
  // Where the decimal point falls among the digits.
  const point = 1 + Number(exponent)
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}

const flag = (b: boolean | undefined): string => (b === undefined ? '' : String(b))
const figure = (n: number | undefined): string => (n === undefined ? '' : decimalText(n))

/** The `chip.*` figures of an inline spec; a spec with none of them is written as a chip name. */
const SPEC_FIGURES = ['tpp', 'tops', 'bitLength', 'dieArea', 'dramBandwidth'] as const

/** A deal's own cells, text as given (neutralised when the row is written). */
function dealText(d: Deal): Record<string, string> {
  return {
    id: d.id,
    date: d.date,
    consignee: d.consignee,
    consigneeHq: d.consigneeHq ?? '',
    // Three values: a code, no parent (an empty cell), or not given (the party record decides).
    parentHq: d.parentHq === undefined ? PARENT_HQ_NOT_GIVEN : (d.parentHq ?? ''),
    destination: d.destination ?? '',
    site: d.site ?? '',
    authorization: d.authorization ?? '',
    licensed: flag(d.licensed),
    'veu.id': d.veu?.id ?? '',
    'veu.kind': d.veu?.kind ?? '',
    'veu.hq': d.veu?.hq ?? '',
    datacenter: flag(d.datacenter),
    certifications: d.certifications?.join(';') ?? '',
    transaction: d.transaction ?? '',
  }
}

/** A line's cells: the chip reference or spec name as text, its figures as decimals. */
function lineCells(line: DealLine): { text: Record<string, string>; figures: Record<string, string> } {
  const spec = typeof line.chip === 'string' ? undefined : line.chip
  const figures: Record<string, string> = { quantity: figure(line.quantity) }
  for (const key of SPEC_FIGURES) figures[`chip.${key}`] = figure(spec?.[key])
  return { text: { chip: typeof line.chip === 'string' ? line.chip : line.chip.name }, figures }
}

function rowsOf(deals: readonly Deal[]): string[][] {
  const rows: string[][] = []
  for (const deal of deals) {
    const own = dealText(deal)
    for (const line of deal.lines) {
      const { text, figures } = lineCells(line)
      const cells: Record<string, string> = { ...figures }
      for (const [column, value] of Object.entries({ ...own, ...text })) cells[column] = neutraliseCell(value)
      rows.push(CSV_COLUMNS.map((c) => cells[c] ?? ''))
    }
  }
  return rows
}

/** A value with its object keys in order, so that two values compare by content alone. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  )

/** Why a field did not read back as the ledger has it, where the format says why; else what it read. */
function whyNotCarried(field: string, given: unknown, read: unknown): string {
  const otherwise = `reads back as ${read === undefined ? 'not given' : JSON.stringify(read)}, not ${JSON.stringify(given)}`
  if (field === 'site' && typeof given === 'string' && given.trim() !== given)
    return `leading and trailing spaces are not kept (the reader trims every cell); ${otherwise}`
  if (field === 'certifications')
    return `one cell holds every certification, separated by ; or |, so a certification holding either, or an empty list, does not read back; ${otherwise}`
  if (/^lines\.\d+\.chip$/.test(field) && typeof given === 'object' && given !== null) {
    const spec = given as ChipSpec
    const left = (['id', 'precisions', 'datacenter'] as const).filter((k) => spec[k] !== undefined)
    if (left.length)
      return `an inline spec's ${left.join(', ')} ${left.length === 1 ? 'has' : 'have'} no CSV column (the CSV has chip.tpp, chip.tops, chip.bitLength, chip.dieArea, chip.dramBandwidth); ${otherwise}`
    if (SPEC_FIGURES.every((k) => spec[k] === undefined))
      return `an inline spec without figures is written as its name, and reads back as a chip name; ${otherwise}`
  }
  return otherwise
}

/** The fields of `given` that `read` (the same deal read back from the CSV) does not have as they are. */
function differences(given: Deal, read: Deal | undefined): CsvNotCarried[] {
  const out: CsvNotCarried[] = []
  const note = (field: string, a: unknown, b: unknown) => {
    if (canonical(a) !== canonical(b))
      out.push({ deal: given.id, field, message: whyNotCarried(field, a, b) })
  }
  const g = given as unknown as Record<string, unknown>
  const r = (read ?? {}) as Record<string, unknown>
  for (const key of new Set([...Object.keys(g), ...Object.keys(r)])) {
    if (key === 'lines') continue
    note(key, g[key], r[key])
  }
  given.lines.forEach((line, i) => {
    note(`lines.${i}.chip`, line.chip, read?.lines[i]?.chip)
    note(`lines.${i}.quantity`, line.quantity, read?.lines[i]?.quantity)
  })
  return out
}

/** Deals as interchange CSV text: CRLF, as RFC 4180 and the grids' exports; a BOM, as those, for a spreadsheet. */
function csvText(deals: readonly Deal[]): { text: string; lines: number } {
  const rows = rowsOf(deals)
  return {
    text: `\uFEFF${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n' })}\r\n`,
    lines: rows.length,
  }
}

/**
 * Every field of `deals` that `text` (theirs) does not give back. A book the reader refuses gives back
 * nothing, so then each deal is written and read again on its own, to name the ones refused and still
 * compare the others.
 */
function notCarriedBy(deals: readonly Deal[], text: string): CsvNotCarried[] {
  const back = parseDealBookCsv(text)
  if (back.ok) return deals.flatMap((deal, i) => differences(deal, back.book.deals[i]))
  if (deals.length === 1)
    return back.errors.map((e) => ({
      deal: deals[0]!.id,
      field: e.field,
      message: `the CSV reader refuses it: ${e.message}`,
    }))
  return deals.flatMap((deal) => notCarriedBy([deal], csvText([deal]).text))
}

/**
 * Deals as interchange CSV text, and every field that text does not carry as given. The text is read
 * back with the book's own reader and compared deal by deal, so what is reported is what an import
 * would get, whatever the reason (a site's surrounding spaces, a spec's precisions), not a list kept
 * beside the reader that could drift from it.
 */
export function writeDealBookCsv(deals: readonly Deal[]): Omit<CsvBookExport, 'deals'> {
  const { text, lines } = csvText(deals)
  return { text, lines, notCarried: notCarriedBy(deals, text) }
}

/**
 * The ledger's deal book as interchange CSV: every deal (or none of the sample data) in id order, as
 * the JSON export has it, read on one snapshot so that another program's commit cannot fall between
 * two deals. A read: nothing is written or audited, as for the JSON export.
 */
export function exportBookCsv(db: Ledger, options: { includeSample?: boolean } = {}): CsvBookExport {
  const deals = readSnapshot(db, () => exportedProjects(db, options).map((p) => toDeal(p)))
  return { ...writeDealBookCsv(deals), deals: deals.length }
}
