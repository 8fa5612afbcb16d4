import Papa from 'papaparse'
import { z } from 'zod'
import { isIso2 } from '../countries'
import { restoreCell } from '../formula-cell'
import { ungroupThousands } from '../grouped-number'
import { isIsoDate, isIsoDateShape } from '../iso-date'
import { plainDeal } from './plain-deal'
import {
  MAX_CERTIFICATIONS,
  MAX_DEAL_LINES,
  MAX_ID_LENGTH,
  MAX_LINE_UNITS,
  MAX_NAME_LENGTH,
  REQUESTED_AUTHORIZATIONS,
  TRANSACTION_KINDS,
  VEU_KINDS,
  type BookError,
  type BookParse,
  type DealBook,
} from './types'

/**
 * Deal-book interchange format v1 (docs/deal-book.md): JSON `{ deals, parties, installedBase, chips }` or
 * CSV with one row per deal line. Structural errors (wrong types, bad dates, bad ISO codes, unknown
 * fields) are reported with row, field and reason and nothing is evaluated; data that are merely absent
 * (destination, headquarters, an unknown chip name) pass here and make the deal `not_determinable`.
 */

const iso2 = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine(isIso2, { message: 'not an ISO 3166-1 alpha-2 code' })
const text = z.string().trim().min(1, 'must not be empty')
// The deal editor's lengths, kept by the book so that an imported deal is one the desk can save.
const nameText = text.max(MAX_NAME_LENGTH, `at most ${MAX_NAME_LENGTH} characters`)
const idText = text.max(MAX_ID_LENGTH, `at most ${MAX_ID_LENGTH} characters`)

/** A value as the message quotes it: `"ten"` for a string, `true` for a boolean. */
const quoted = (v: unknown): string => JSON.stringify(v) ?? String(v)

/**
 * A number, refused in the words the CLI and the import show (`"ten" is not a number`), not zod's
 * "Invalid input: expected number, received string".
 */
const number = () =>
  z.number({
    error: (issue) => (issue.input === undefined ? 'required' : `${quoted(issue.input)} is not a number`),
  })
// The checks carry their own words: the type's message above would call -100 "not a number".
const nonNegative = number()
  .finite({ error: 'must be a finite number' })
  .nonnegative({ error: 'must be 0 or more' })
const positive = number()
  .finite({ error: 'must be a finite number' })
  .positive({ error: 'must be greater than 0' })

/**
 * `YYYY-MM-DD` naming a real day (shared/iso-date.ts): `2026-02-30` has the form but is no day, and is
 * told so rather than "expected a date YYYY-MM-DD". The value is returned unchanged.
 */
const dateMessage = (input: unknown): string => {
  if (input === undefined) return 'required'
  if (isIsoDateShape(input)) return `${input} is not a real date`
  return 'expected a date YYYY-MM-DD'
}
const isoDate = z
  .string({ error: (issue) => dateMessage(issue.input) })
  .refine(isIsoDate, { error: (issue) => dateMessage(issue.input) })

// Throughput and bandwidth figures must be above 0, as the deal form and the IPC contract require: a 0
// is a placeholder for "unknown" more often than a figure, and would pass as a chip below every threshold.
// A refinement, not `.int()`: zod's int check aborts, and a line's chip is a union (a name or a spec),
// which then reports only "Invalid input" instead of the field and the reason.
const wholePositive = positive.refine(Number.isInteger, 'must be a whole number')
const precision = z
  .object({
    tops: positive,
    bitLength: wholePositive,
    label: z.string().max(40, 'at most 40 characters').optional(),
  })
  .strict()

export const chipSpecSchema = z
  .object({
    id: idText.optional(),
    name: nameText,
    tpp: positive.optional(),
    tops: positive.optional(),
    bitLength: wholePositive.optional(),
    precisions: z.array(precision).max(20, 'at most 20 precisions').optional(),
    dieArea: positive.optional(),
    dramBandwidth: positive.optional(),
    datacenter: z.boolean().optional(),
  })
  .strict()
  .superRefine((spec, ctx) => {
    if ((spec.tops === undefined) !== (spec.bitLength === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [spec.tops === undefined ? 'tops' : 'bitLength'],
        message: 'tops and bitLength go together',
      })
    }
  })

const veu = z.object({ id: idText, kind: z.enum(VEU_KINDS), hq: iso2 }).strict()
/**
 * A party's VEU may also say which countries an NVEU's authorization covers (each country needs its
 * own). Kept to the party, where the ledger records it, so a deal cannot carry a scope the ledger
 * would not keep.
 */
const partyVeu = veu
  .extend({ countries: z.array(iso2).min(1).optional() })
  .refine((v) => v.countries === undefined || v.kind === 'NVEU', {
    message: 'only an NVEU has countries',
    path: ['countries'],
  })

export const dealSchema = z
  .object({
    id: idText,
    date: isoDate,
    consignee: nameText,
    consigneeHq: iso2.optional(),
    parentHq: iso2.nullable().optional(),
    destination: iso2.optional(),
    site: z.string().max(MAX_NAME_LENGTH, `at most ${MAX_NAME_LENGTH} characters`).optional(),
    lines: z
      .array(
        z
          .object({
            chip: z.union([idText, chipSpecSchema]),
            quantity: number()
              .int('must be a whole number')
              .positive('must be at least 1')
              .max(MAX_LINE_UNITS, `at most ${MAX_LINE_UNITS.toLocaleString('en-US')} units a line`),
          })
          .strict(),
      )
      .min(1, 'a deal needs at least one line')
      .max(MAX_DEAL_LINES, `at most ${MAX_DEAL_LINES} lines a deal`),
    authorization: z.enum(REQUESTED_AUTHORIZATIONS).optional(),
    licensed: z.boolean().optional(),
    veu: veu.optional(),
    datacenter: z.boolean().optional(),
    certifications: z
      .array(idText)
      .max(MAX_CERTIFICATIONS, `at most ${MAX_CERTIFICATIONS} certifications`)
      .optional(),
    transaction: z.enum(TRANSACTION_KINDS).optional(),
  })
  .strict()

/** dealSchema's keys in its order: the order zod gives its output, which `plainDeal` follows. */
const DEAL_SHAPE_KEYS = Object.keys(dealSchema.shape)

const partySchema = z
  .object({ name: text, hq: iso2.optional(), parentHq: iso2.nullable().optional(), veu: partyVeu.optional() })
  .strict()
const installedSchema = z.object({ veu: text, country: iso2, tpp: nonNegative }).strict()

const path = (p: readonly PropertyKey[]) => p.map(String).join('.')

function parseSection<T>(
  items: unknown,
  schema: z.ZodType<T>,
  section: string,
  errors: BookError[],
  rowOf: (i: number) => number | null,
  prefix: boolean,
  /** A check that answers, without zod, for items already in their final form (else undefined). */
  plain?: (item: unknown) => T | undefined,
): T[] {
  if (items === undefined) return []
  if (!Array.isArray(items)) {
    errors.push({ row: null, field: section, message: 'expected an array' })
    return []
  }
  const out: T[] = []
  items.forEach((item, i) => {
    const fast = plain?.(item)
    if (fast !== undefined) {
      out.push(fast)
      return
    }
    const r = schema.safeParse(item)
    if (r.success) out.push(r.data)
    else {
      for (const issue of r.error.issues) {
        const field = path(issue.path)
        errors.push({
          row: rowOf(i),
          field: prefix ? `${section}.${i}${field ? `.${field}` : ''}` : field || '(deal)',
          message: issue.message,
        })
      }
    }
  })
  return out
}

/** `ids[i]`: the id of deal i as the validator reads it (trimmed), or undefined when it has none. */
function checkDuplicateIds(
  ids: readonly (string | undefined)[],
  errors: BookError[],
  rowOf: (i: number) => number | null,
): void {
  const seen = new Set<string>()
  ids.forEach((id, i) => {
    if (id === undefined) return
    if (seen.has(id)) errors.push({ row: rowOf(i), field: 'id', message: `duplicate deal id "${id}"` })
    seen.add(id)
  })
}

/** The id of a deal as given (trimmed, as `text` reads it), whether or not the rest of it is valid. */
function givenId(deal: unknown): string | undefined {
  const id = typeof deal === 'object' && deal !== null ? (deal as { id?: unknown }).id : undefined
  return typeof id === 'string' && id.trim() ? id.trim() : undefined
}

/** Validates a parsed JSON value as a deal book. Deal errors carry `row` = 1-based deal index. */
export function validateDealBook(json: unknown): BookParse {
  const errors: BookError[] = []
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return {
      ok: false,
      errors: [{ row: null, field: '(book)', message: 'expected an object { "deals": [...] }' }],
    }
  }
  const obj = json as Record<string, unknown>
  for (const key of Object.keys(obj)) {
    if (!['deals', 'parties', 'installedBase', 'chips'].includes(key))
      errors.push({ row: null, field: key, message: 'unknown section' })
  }
  if (obj.deals === undefined) errors.push({ row: null, field: 'deals', message: 'required' })
  const rowOf = (i: number) => i + 1
  const book: DealBook = {
    deals: parseSection(obj.deals, dealSchema, 'deals', errors, rowOf, false, (d) =>
      plainDeal(d, DEAL_SHAPE_KEYS),
    ),
    parties: parseSection(obj.parties, partySchema, 'parties', errors, () => null, true),
    installedBase: parseSection(
      obj.installedBase,
      installedSchema,
      'installedBase',
      errors,
      () => null,
      true,
    ),
    chips: parseSection(obj.chips, chipSpecSchema, 'chips', errors, () => null, true),
  }
  // Checked on the deals as given, so that a book with other errors hears of its duplicates too.
  if (Array.isArray(obj.deals)) checkDuplicateIds(obj.deals.map(givenId), errors, rowOf)
  return errors.length ? { ok: false, errors } : { ok: true, book }
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/** Deal-level CSV columns (repeated on every line of a deal; they must agree). */
const DEAL_COLUMNS = [
  'id',
  'date',
  'consignee',
  'consigneeHq',
  'parentHq',
  'destination',
  'site',
  'authorization',
  'licensed',
  'veu.id',
  'veu.kind',
  'veu.hq',
  'datacenter',
  'certifications',
  'transaction',
] as const
/** Line-level CSV columns. `chip.*` make the line an inline spec named by `chip`. */
const LINE_COLUMNS = [
  'chip',
  'quantity',
  'chip.tpp',
  'chip.tops',
  'chip.bitLength',
  'chip.dieArea',
  'chip.dramBandwidth',
] as const
export const CSV_COLUMNS: readonly string[] = [...DEAL_COLUMNS, ...LINE_COLUMNS]

/**
 * A row's cells by column, each as the book means it: trimmed, then with the apostrophe a formula-
 * neutralising export puts before `=`, `+`, `-`, `@`, a tab or a carriage return taken off
 * (shared/formula-cell.ts), so that Headroom's own CSV export reads back as it was written.
 */
type Row = Record<string, string | undefined>

/**
 * The `parentHq` cell of a deal that does not give its parent's headquarters (the ledger then takes
 * it from the consignee's party record). An empty cell already means "no parent" (`null`), so "not
 * given" needs a word of its own when the column is there; Headroom's CSV export writes it.
 */
export const PARENT_HQ_NOT_GIVEN = 'unknown'

/**
 * The errors of a CSV book, and the cells they were found in: zod, reading the deals made from the
 * rows, would otherwise say again of a cell that was not a number that its value is "required".
 */
class CsvErrors {
  readonly list: BookError[] = []
  private readonly cells = new Set<string>()
  add(row: number | null, field: string, message: string): void {
    this.list.push({ row, field, message })
    this.cells.add(`${row}\u0000${field}`)
  }
  /** Adds the error unless its cell already has one. */
  addOnce(row: number, field: string, message: string): void {
    if (!this.has(row, field)) this.add(row, field, message)
  }
  has(row: number, field: string): boolean {
    return this.cells.has(`${row}\u0000${field}`)
  }
}

/** Decimal text, once its thousands are ungrouped: `12`, `-3`, `+1.5`, `.5`. Nothing else is a number here. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/
const E_NOTATION = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+$/

/**
 * A cell's number. Thousands may be grouped ("1,500"); a separator elsewhere ("1,5", a decimal comma)
 * makes it no number, as stripping it would read 1,5 as 15. Decimal figures only: `Number` alone would
 * read "0x10" as 16. E notation is refused with its reason: a spreadsheet saving a CSV writes a figure
 * too long for its cell as "1.23457E+15", already rounded.
 */
function csvNumber(value: string, field: string, row: number, errors: CsvErrors): number | undefined {
  const plain = ungroupThousands(value)
  if (plain !== null && E_NOTATION.test(plain)) {
    errors.add(
      row,
      field,
      `"${value}" is in E notation: write the figure out in full (a spreadsheet writes E notation for a figure it has rounded)`,
    )
    return undefined
  }
  const n = plain !== null && DECIMAL.test(plain) ? Number(plain) : NaN
  if (!Number.isFinite(n)) {
    errors.add(row, field, `"${value}" is not a number`)
    return undefined
  }
  return n
}

function csvBoolean(value: string, field: string, row: number, errors: CsvErrors): boolean | undefined {
  const v = value.trim().toLowerCase()
  if (['true', 'yes', 'y', '1'].includes(v)) return true
  if (['false', 'no', 'n', '0'].includes(v)) return false
  errors.add(row, field, `"${value}" is not true/false`)
  return undefined
}

function dealFromRow(
  r: Row,
  row: number,
  errors: CsvErrors,
  has: (c: string) => boolean,
): Record<string, unknown> {
  const deal: Record<string, unknown> = {}
  const val = (c: string) => r[c] ?? ''
  for (const c of ['id', 'date', 'consignee', 'site', 'authorization', 'transaction']) {
    if (val(c) !== '') deal[c] = val(c)
    else if (c === 'id' || c === 'date' || c === 'consignee') deal[c] = ''
  }
  for (const c of ['consigneeHq', 'destination']) if (val(c) !== '') deal[c] = val(c)
  // parentHq: an empty cell means "no parent" (null); a missing column, or the cell `unknown`, "not given".
  if (has('parentHq') && val('parentHq').toLowerCase() !== PARENT_HQ_NOT_GIVEN)
    deal.parentHq = val('parentHq') === '' ? null : val('parentHq')
  if (val('licensed') !== '') deal.licensed = csvBoolean(val('licensed'), 'licensed', row, errors)
  if (val('datacenter') !== '') deal.datacenter = csvBoolean(val('datacenter'), 'datacenter', row, errors)
  if (val('certifications') !== '')
    deal.certifications = val('certifications')
      .split(/[;|]/)
      .map((s) => s.trim())
      .filter(Boolean)
  if (val('veu.id') !== '' || val('veu.kind') !== '' || val('veu.hq') !== '') {
    deal.veu = { id: val('veu.id'), kind: val('veu.kind'), hq: val('veu.hq') }
  }
  return deal
}

function lineFromRow(r: Row, row: number, errors: CsvErrors): Record<string, unknown> {
  const val = (c: string) => r[c] ?? ''
  const name = val('chip')
  const spec: Record<string, unknown> = { name }
  let inline = false
  for (const [column, key] of [
    ['chip.tpp', 'tpp'],
    ['chip.tops', 'tops'],
    ['chip.bitLength', 'bitLength'],
    ['chip.dieArea', 'dieArea'],
    ['chip.dramBandwidth', 'dramBandwidth'],
  ] as const) {
    if (val(column) === '') continue
    inline = true
    spec[key] = csvNumber(val(column), column, row, errors)
  }
  const quantity = val('quantity') === '' ? undefined : csvNumber(val('quantity'), 'quantity', row, errors)
  return { chip: inline ? spec : name, quantity }
}

/** Maps a zod issue path inside a deal to the CSV row and column it came from. */
function csvLocation(issuePath: readonly PropertyKey[], rows: number[]): { row: number; field: string } {
  const [head, index, sub, ...rest] = issuePath.map(String)
  if (head === 'lines' && index !== undefined) {
    const row = rows[Number(index)] ?? rows[0]!
    if (sub === 'chip' && rest.length) return { row, field: `chip.${rest[0]}` }
    return { row, field: sub ?? 'chip' }
  }
  if (head === 'veu') return { row: rows[0]!, field: index ? `veu.${index}` : 'veu.id' }
  return { row: rows[0]!, field: head ?? '(row)' }
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '')

/**
 * The header's columns: each named one by its position, or the errors that refuse the header. An
 * unnamed column with nothing in it (trailing separators, as a spreadsheet leaves after a cleared
 * column) is ignored; one with values is refused, as is a name given twice (the later one would
 * otherwise be dropped or renamed without a word).
 */
function csvColumns(
  header: readonly string[],
  headerRow: number,
  records: readonly string[][],
  errors: CsvErrors,
): Map<number, string> {
  const columns = new Map<number, string>()
  const firstAt = new Map<string, number>()
  header.forEach((raw, j) => {
    const name = raw.trim()
    if (name === '') {
      if (records.some((cells) => (cells[j] ?? '').trim() !== ''))
        errors.add(headerRow, `(column ${j + 1})`, 'a column with values has no name')
      return
    }
    const first = firstAt.get(name)
    if (first !== undefined) {
      errors.add(headerRow, name, `column given twice (columns ${first + 1} and ${j + 1})`)
      return
    }
    firstAt.set(name, j)
    if (!CSV_COLUMNS.includes(name)) errors.add(headerRow, name, 'unknown column')
    columns.set(j, name)
  })
  for (const required of ['id', 'date', 'consignee', 'chip', 'quantity']) {
    if (!firstAt.has(required)) errors.add(headerRow, required, 'required column missing')
  }
  return columns
}

/** A successful CSV parse also says which spreadsheet rows each deal's lines are on. */
export type CsvBookParse =
  Extract<BookParse, { ok: false }> | (Extract<BookParse, { ok: true }> & { rows: number[][] })

/**
 * Parses CSV text (one row per deal line). Errors carry the spreadsheet row (header = 1) and column.
 * Rows are counted as a spreadsheet shows them: a blank line is a row, a quoted cell holding a line
 * break is not two. Blank rows are skipped (a spreadsheet's trailing empty lines).
 */
export function parseDealBookCsv(textIn: string): CsvBookParse {
  // Not `header: true`: Papa would then drop blank lines from its count, misnaming every row after
  // one, and rename a repeated column ("id_1") rather than let it be refused by name.
  const parsed = Papa.parse<string[]>(textIn.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false })
  const errors = new CsvErrors()
  const records = parsed.data
  // Record i is spreadsheet row i + 1.
  const headerIndex = records.findIndex((cells) => !isBlank(cells))
  const header = headerIndex === -1 ? [] : records[headerIndex]!
  const body = records.slice(headerIndex + 1)
  // A book with no header at all is told so on row 1.
  const columns = csvColumns(header, Math.max(headerIndex, 0) + 1, body, errors)
  for (const e of parsed.errors) {
    // Papa falls back to the comma when no separator stands out; the header check says what is wrong.
    if (e.code === 'UndetectableDelimiter') continue
    errors.add(e.row === undefined ? null : e.row + 1, '(row)', e.message)
  }
  records.forEach((cells, i) => {
    if (i <= headerIndex || isBlank(cells) || cells.length === header.length) return
    errors.addOnce(i + 1, '(row)', `expected ${header.length} cells as in the header, found ${cells.length}`)
  })
  if (errors.list.length)
    return { ok: false, errors: errors.list.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) }
  const has = (c: string) => [...columns.values()].includes(c)

  const order: string[] = []
  const groups = new Map<
    string,
    { deal: Record<string, unknown>; lines: Record<string, unknown>[]; rows: number[] }
  >()
  let lastKey: string | undefined
  records.forEach((cells, i) => {
    if (i <= headerIndex || isBlank(cells)) return
    const row = i + 1
    const r: Row = {}
    for (const [j, name] of columns) r[name] = restoreCell((cells[j] ?? '').trim())
    const id = (r.id ?? '').trim()
    const deal = dealFromRow(r, row, errors, has)
    const line = lineFromRow(r, row, errors)
    const key = id === '' ? `\u0000row${row}` : id
    const group = groups.get(key)
    const follows = key === lastKey
    lastKey = key
    if (!group) {
      order.push(key)
      groups.set(key, { deal, lines: [line], rows: [row] })
      return
    }
    // Lines apart are two deals given one id (two books pasted together, say), not one deal to merge.
    if (!follows) {
      errors.add(
        row,
        'id',
        `duplicate deal id "${id}": its lines begin at row ${group.rows[0]}, and a deal's lines go on consecutive rows`,
      )
      return
    }
    for (const column of DEAL_COLUMNS) {
      const a = JSON.stringify(group.deal[column.startsWith('veu.') ? 'veu' : column])
      const b = JSON.stringify(deal[column.startsWith('veu.') ? 'veu' : column])
      if (a !== b) {
        errors.addOnce(row, column, `differs from the first line of deal "${id}" (row ${group.rows[0]})`)
        break
      }
    }
    group.lines.push(line)
    group.rows.push(row)
  })

  const deals: DealBook['deals'] = []
  const rows: number[][] = []
  for (const key of order) {
    const g = groups.get(key)!
    const r = dealSchema.safeParse({ ...g.deal, lines: g.lines })
    if (r.success) {
      deals.push(r.data)
      rows.push(g.rows)
    } else
      for (const issue of r.error.issues) {
        const at = csvLocation(issue.path, g.rows)
        errors.addOnce(at.row, at.field, issue.message)
      }
  }
  if (errors.list.length)
    return { ok: false, errors: errors.list.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) }
  return { ok: true, book: { deals }, rows }
}

/** `JSON.parse` with the book's error shape: text that is not JSON is one error naming the file. */
export function parseBookJson(
  text: string,
): { ok: true; json: unknown } | { ok: false; errors: BookError[] } {
  try {
    return { ok: true, json: JSON.parse(text) as unknown }
  } catch (error) {
    return {
      ok: false,
      errors: [
        {
          row: null,
          field: '(file)',
          message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
    }
  }
}

/** Parses a deal book from JSON or CSV text; returns the book or every error with row, field and reason. */
export function parseDealBook(textIn: string, format: 'json' | 'csv'): BookParse {
  if (format === 'csv') return parseDealBookCsv(textIn)
  const parsed = parseBookJson(textIn)
  return parsed.ok ? validateDealBook(parsed.json) : parsed
}
