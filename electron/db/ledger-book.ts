import { z } from 'zod'
import type { LedgerDealExtension } from '../../shared/domain/ledger'
import { PROJECT_STATUSES, type ProjectFields, type ProjectStatus } from '../../shared/domain/project'
import { AppError } from '../../shared/ipc/result'
import { licenceDatesInOrder } from '../../shared/ipc/ops/fields'
import { parseBookJson, parseDealBookCsv, validateDealBook } from '../../shared/rules/book'
import type { BookError, Deal, DealBook } from '../../shared/rules/types'

/**
 * The ledger's deal book: interchange format v1 (shared/rules/book.ts) plus, per deal, the ledger
 * fields the interchange format has no place for (status, people, licence) and, at the top, the
 * licences. Parsing and validation only, no ledger: the importer and its evaluation thread
 * (import-worker.ts) both read a book through here.
 */

/** The ledger extension's deal fields (docs/deal-book.md), which a CSV book has no columns for. */
export const EXTENSION_KEYS = [
  'name',
  'status',
  'endUser',
  'notes',
  'preparer',
  'reviewer',
  'licenceNumber',
  'authorizedTpp',
  'authorizedUnits',
  'sample',
] as const
/** Sections of interchange v1 whose items a Headroom export may mark `"sample": true`. */
const SAMPLE_SECTIONS = ['parties', 'chips', 'installedBase'] as const
type SampleSection = (typeof SAMPLE_SECTIONS)[number]
const TOP_EXTENSION_KEYS = ['format', 'version', 'exportedAt', 'licences'] as const

const extensionSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    status: z.enum(PROJECT_STATUSES).optional(),
    endUser: z.string().trim().min(1).max(200).optional(),
    notes: z.string().max(4000).optional(),
    preparer: z.string().trim().min(1).max(100).optional(),
    reviewer: z.string().trim().min(1).max(100).nullable().optional(),
    licenceNumber: z.string().trim().min(1).max(100).nullable().optional(),
    authorizedTpp: z.number().int().nonnegative().nullable().optional(),
    authorizedUnits: z.number().int().nonnegative().nullable().optional(),
    sample: z.boolean().optional(),
  })
  .strict()

const licenceSchema = z
  .object({
    number: z.string().trim().min(1).max(100),
    holder: z.string().max(200).optional(),
    consignee: z.string().max(200).optional(),
    destination: z.string().length(2).optional(),
    authorizedTpp: z.number().int().nonnegative(),
    authorizedUnits: z.number().int().nonnegative(),
    issuedOn: z.iso.date().optional(),
    expiresOn: z.iso.date().optional(),
    notes: z.string().max(4000).optional(),
    sample: z.boolean().optional(),
  })
  .strict()
  .refine(licenceDatesInOrder.check, licenceDatesInOrder.params)
export type LicenceRecord = z.infer<typeof licenceSchema>

/** Statuses whose deals hold capacity, and how. */
export const RESERVING: readonly ProjectStatus[] = ['in_review', 'approved']
export const COMMITTING: readonly ProjectStatus[] = ['licensed', 'shipped', 'closed']

/** A book that passed validation: the engine's deal book, each deal's ledger extension, the licences. */
export interface ParsedBook {
  book: DealBook
  extensions: LedgerDealExtension[]
  licences: LicenceRecord[]
  /** Indexes of the parties, chips and installed-base entries marked `"sample": true`. */
  sampleItems: Record<SampleSection, ReadonlySet<number>>
  /** A CSV book's spreadsheet rows of each deal's lines (a JSON book's row is the deal's index). */
  csvRows?: readonly (readonly number[])[]
}

/**
 * The row a deal's errors and its import record name: the spreadsheet row of its first line in a CSV
 * book (docs/deal-book.md), its 1-based index in a JSON one.
 */
export const bookRow = (parsed: Pick<ParsedBook, 'csvRows'>, index: number): number =>
  parsed.csvRows?.[index]?.[0] ?? index + 1

const noSampleItems = (): ParsedBook['sampleItems'] => ({
  parties: new Set(),
  chips: new Set(),
  installedBase: new Set(),
})

/**
 * Takes `sample` off the items of the reference sections (interchange v1 has no such field, and its
 * validator refuses unknown ones), noting which items were marked.
 */
function splitSampleMarks(obj: Record<string, unknown>, errors: BookError[]): ParsedBook['sampleItems'] {
  const marks = noSampleItems()
  for (const section of SAMPLE_SECTIONS) {
    const items = obj[section]
    if (!Array.isArray(items)) continue
    obj[section] = items.map((item: unknown, i) => {
      if (typeof item !== 'object' || item === null || !Object.hasOwn(item, 'sample')) return item
      const { sample, ...rest } = item as Record<string, unknown>
      if (sample === true) (marks[section] as Set<number>).add(i)
      else if (sample !== false)
        errors.push({ row: null, field: `${section}.${i}.sample`, message: 'expected true or false' })
      return rest
    })
  }
  return marks
}

function splitExtensions(json: unknown, errors: BookError[]): Omit<ParsedBook, 'book'> & { core: unknown } {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { core: json, extensions: [], licences: [], sampleItems: noSampleItems() }
  const obj = { ...(json as Record<string, unknown>) }
  const sampleItems = splitSampleMarks(obj, errors)
  const top: Record<string, unknown> = {}
  for (const k of TOP_EXTENSION_KEYS) {
    if (k in obj) {
      top[k] = obj[k]
      delete obj[k]
    }
  }
  if (top.format !== undefined && top.format !== 'headroom-deal-book')
    errors.push({ row: null, field: 'format', message: 'expected "headroom-deal-book"' })
  if (top.version !== undefined && top.version !== 1)
    errors.push({ row: null, field: 'version', message: 'this build reads version 1' })
  const licences: LicenceRecord[] = []
  if (top.licences !== undefined) {
    const parsed = z.array(licenceSchema).safeParse(top.licences)
    if (parsed.success) licences.push(...parsed.data)
    else
      for (const i of parsed.error.issues)
        errors.push({ row: null, field: `licences.${i.path.map(String).join('.')}`, message: i.message })
  }
  const extensions: LedgerDealExtension[] = []
  if (Array.isArray(obj.deals)) {
    obj.deals = obj.deals.map((deal: unknown, index: number) => {
      if (typeof deal !== 'object' || deal === null) return deal
      const source = deal as Record<string, unknown>
      if (!EXTENSION_KEYS.some((k) => Object.hasOwn(source, k))) {
        extensions[index] = {}
        return deal
      }
      // Copied without the extension keys (not copied and `delete`d: that would leave every deal a
      // slow dictionary-mode object for the validator and the engine).
      const core: Record<string, unknown> = {}
      const ext: Record<string, unknown> = {}
      for (const k in source) {
        if (!Object.hasOwn(source, k)) continue
        if ((EXTENSION_KEYS as readonly string[]).includes(k)) ext[k] = source[k]
        else core[k] = source[k]
      }
      if (plainExtension(ext)) {
        extensions[index] = ext as LedgerDealExtension
        return core
      }
      const parsed = extensionSchema.safeParse(ext)
      if (parsed.success) extensions[index] = parsed.data
      else
        for (const i of parsed.error.issues)
          errors.push({ row: index + 1, field: i.path.map(String).join('.'), message: i.message })
      return core
    })
  }
  return { core: obj, extensions, licences, sampleItems }
}

const STATUS_SET = new Set<unknown>(PROJECT_STATUSES)
const isText = (v: unknown, max: number): boolean =>
  typeof v === 'string' && v.length >= 1 && v.length <= max && v.trim() === v
const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0

/**
 * True when `extensionSchema` would accept the extension and return it unchanged (strings already
 * trimmed): the common case, checked without zod. Anything else goes to zod, which gives the
 * output or the errors; this only ever answers for a subset of what zod accepts.
 */
function plainExtension(ext: Record<string, unknown>): boolean {
  for (const k in ext) {
    const v = ext[k]
    switch (k) {
      case 'name':
      case 'endUser':
        if (!isText(v, 200)) return false
        break
      case 'notes':
        if (typeof v !== 'string' || v.length > 4000) return false
        break
      case 'preparer':
        if (!isText(v, 100)) return false
        break
      case 'reviewer':
      case 'licenceNumber':
        if (v !== null && !isText(v, 100)) return false
        break
      case 'authorizedTpp':
      case 'authorizedUnits':
        if (v !== null && !isCount(v)) return false
        break
      case 'status':
        if (!STATUS_SET.has(v)) return false
        break
      case 'sample':
        if (typeof v !== 'boolean') return false
        break
      default:
        return false
    }
  }
  return true
}

/** Parses and validates a book (text or object); every error with its row and field. */
export function parseLedgerBook(
  input: string | object,
  format: 'json' | 'csv' = 'json',
): { ok: true; parsed: ParsedBook } | { ok: false; errors: BookError[] } {
  if (format === 'csv') {
    if (typeof input !== 'string') throw new AppError('invalid_input', 'A CSV book is given as text.')
    const r = parseDealBookCsv(input)
    return r.ok
      ? {
          ok: true,
          parsed: {
            book: r.book,
            extensions: [],
            licences: [],
            sampleItems: noSampleItems(),
            csvRows: r.rows,
          },
        }
      : r
  }
  let json: unknown = input
  if (typeof input === 'string') {
    const parsed = parseBookJson(input)
    if (!parsed.ok) return parsed
    json = parsed.json
  }
  const errors: BookError[] = []
  const { core, extensions, licences, sampleItems } = splitExtensions(json, errors)
  const r = validateDealBook(core)
  if (!r.ok) errors.push(...r.errors)
  if (errors.length || !r.ok) return { ok: false, errors: errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) }
  return { ok: true, parsed: { book: r.book, extensions, licences, sampleItems } }
}

/** Status of an imported deal: the Headroom extension, else licensed → licensed, else a draft. */
export const statusOf = (deal: Deal, ext: LedgerDealExtension | undefined): ProjectStatus =>
  ext?.status ?? (deal.licensed ? 'licensed' : 'draft')

/** A deal's fields as the ledger keeps them (the extension's name, end user and notes included). */
export const fieldsOf = (deal: Deal, ext: LedgerDealExtension | undefined): ProjectFields => {
  const f: ProjectFields = {
    name: ext?.name ?? deal.id,
    consignee: deal.consignee,
    plannedDate: deal.date,
    lines: deal.lines.map((l) => ({ chip: l.chip, quantity: l.quantity })),
  }
  if (deal.consigneeHq !== undefined) f.consigneeHq = deal.consigneeHq
  if (deal.parentHq !== undefined) f.parentHq = deal.parentHq
  if (deal.destination !== undefined) f.destination = deal.destination
  if (deal.site !== undefined) f.site = deal.site
  if (deal.authorization !== undefined) f.authorization = deal.authorization
  if (deal.veu !== undefined) f.veu = deal.veu
  if (deal.datacenter !== undefined) f.datacenter = deal.datacenter
  if (deal.certifications !== undefined) f.certifications = deal.certifications
  if (deal.transaction !== undefined) f.transaction = deal.transaction
  if (ext?.endUser !== undefined) f.endUser = ext.endUser
  if (ext?.notes !== undefined) f.notes = ext.notes
  return f
}
