import { createHash } from 'node:crypto'
import type { ImportResult, LedgerBook, LedgerDealExtension, SampleMark } from '../../shared/domain/ledger'
import type { PartyRow } from '../../shared/domain/party'
import { unitsOf, type Project } from '../../shared/domain/project'
import { AppError } from '../../shared/ipc/result'
import { indexBookChips } from '../../shared/rules/classifier'
import { findCatalogueChip } from '../../shared/rules/catalogue'
import type { BookError, ChipSpec, Party } from '../../shared/rules/types'
import { appendAudit, withAuditHead } from './audit'
import { withIndexesDeferred, worthDeferringIndexes } from './bulk'
import { EntryBatch, openingBalances, roundTpp } from './capacity'
import { createChip, deskChipSpecs } from './chips'
import { packHash } from './evaluation'
import type { Ledger } from './ledger'
import { createLicence, licenceBucket, licenceMismatch, licenceParties, listLicences } from './licences'
import { enginePartyMap, getPartyByName, recordInstalledBase, toEngineParty, upsertParty } from './parties'
import {
  bookRow,
  COMMITTING,
  fieldsOf,
  parseLedgerBook,
  statusOf,
  type LicenceRecord,
  type ParsedBook,
} from './ledger-book'
import {
  evaluateForImport,
  importedRow,
  packResolver,
  sampleDeal,
  type ImportSetup,
} from './import-evaluation'
import { ImportThread } from './import-thread'
import { contradictedStatus } from './import-warnings'
import { INSERT_PROJECT, projectRowValues } from './project-row'
import { getProject, toDeal } from './projects'
import { asActor, readSnapshot, stampOf, stmt, type ActorLike, writeTransaction } from './statements'

/**
 * Deal books in and out (interchange format v1, shared/rules/book.ts). A Headroom export adds, per
 * deal, the ledger fields the interchange format has no place for (status, people, licence) and, at
 * the top, the licences; the importer takes them off, validates the rest with the engine's own
 * validator (so a book accepted here is one the engine accepts), and validates the extension itself
 * (ledger-book.ts).
 */

export { parseLedgerBook }

export interface ImportOptions {
  /** Mark every imported deal, party, chip and entry as sample data (removable in one action). */
  sample?: boolean
  format?: 'json' | 'csv'
  /**
   * Told where the import is: after parsing, every `PROGRESS_EVERY` deals written, and before the
   * commit. Long imports run in a worker (electron/jobs) that forwards this to the window.
   */
  onProgress?: (progress: ImportProgress) => void
  /**
   * Asked between deals (and before the commit): true stops the import and rolls its transaction
   * back, so a cancelled import leaves the ledger exactly as it was. `importBook` then throws
   * `ImportCancelled`.
   */
  isCancelled?: () => boolean
  /**
   * Evaluate the book on a second thread while this one writes: by default for a book given as text
   * of `EVALUATION_THREAD_FROM` characters or more (a thread costs a few tens of ms to start, and
   * much more run from source through tsx). A book given as an object is always evaluated here.
   */
  evaluationThread?: boolean
}

/** About 20,000 deals of interchange JSON. */
export const EVALUATION_THREAD_FROM = 4_000_000

export interface ImportProgress {
  phase: 'checking' | 'writing' | 'committing'
  /** Deals written so far (in the `writing` phase), of `total`. */
  done: number
  total: number
}

/** How often (in deals) the import reports progress and looks for a cancellation. */
export const PROGRESS_EVERY = 250

/** Thrown by `importBook` when `isCancelled` said stop; nothing was written. */
export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled; nothing was written to the ledger.')
    this.name = 'ImportCancelled'
  }
}

class Rollback extends Error {}

/**
 * "Is this id already in the ledger?" for a book of `n` deals: against a ledger not much larger than
 * the book, one read of every id beats a lookup per deal; against a large ledger, a lookup per deal.
 */
function existingIds(db: Ledger, n: number): (id: string) => boolean {
  const highest = (stmt(db, 'SELECT max(rowid) FROM project').pluck().get() as number | null) ?? 0
  if (highest <= 2 * n) {
    const ids = new Set(stmt(db, 'SELECT id FROM project').pluck().all() as string[])
    return (id) => ids.has(id)
  }
  const lookup = stmt(db, 'SELECT 1 FROM project WHERE id = ?').pluck()
  return (id) => lookup.get(id) !== undefined
}

/**
 * The ids of a JSON book's deals that can be read although the book failed validation, by row (a
 * CSV book's ids are read only once it is valid: its rows are lines, not deals).
 */
function readableIds(input: string | object, format: 'json' | 'csv'): Array<{ row: number; id: string }> {
  if (format !== 'json') return []
  let json: unknown = input
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input)
    } catch {
      return []
    }
  }
  const deals = (json as { deals?: unknown } | null)?.deals
  if (!Array.isArray(deals)) return []
  const ids: Array<{ row: number; id: string }> = []
  deals.forEach((d: unknown, i) => {
    const id = (d as { id?: unknown } | null)?.id
    // Trimmed, as the validator reads it.
    if (typeof id === 'string' && id.trim()) ids.push({ row: i + 1, id: id.trim() })
  })
  return ids
}

const alreadyInLedger = (row: number, id: string): BookError => ({
  row,
  field: 'id',
  message: `deal ${id} is already in the ledger`,
})

function idsInLedger(db: Ledger, ids: Array<{ row: number; id: string }>): BookError[] {
  if (!ids.length) return []
  const exists = existingIds(db, ids.length)
  return ids.filter((x) => exists(x.id)).map((x) => alreadyInLedger(x.row, x.id))
}

/**
 * Ledger-level checks the engine cannot make: ids already in the ledger, four eyes, licences. Run
 * inside the import's transaction, so what it checked is what the import writes against.
 */
function checkAgainstLedger(db: Ledger, parsed: ParsedBook, actor: string): BookError[] {
  const errors: BookError[] = []
  const exists = existingIds(db, parsed.book.deals.length)
  const licences = new Set([
    ...parsed.licences.map((l) => l.number),
    ...listLicences(db, actor).map((l) => l.number),
  ])
  parsed.book.deals.forEach((deal, i) => {
    const row = bookRow(parsed, i)
    const ext = parsed.extensions[i]
    if (exists(deal.id)) errors.push(alreadyInLedger(row, deal.id))
    const preparer = ext?.preparer ?? actor
    if (
      ext?.reviewer &&
      ext.reviewer === preparer &&
      (statusOf(deal, ext) === 'approved' || COMMITTING.includes(statusOf(deal, ext)))
    ) {
      errors.push({
        row,
        field: 'reviewer',
        message: `${preparer} prepared this deal and cannot also be its reviewer`,
      })
    }
    if (
      ext?.licenceNumber &&
      !licences.has(ext.licenceNumber) &&
      (ext.authorizedTpp === undefined || ext.authorizedTpp === null)
    ) {
      errors.push({
        row,
        field: 'licenceNumber',
        message: `licence ${ext.licenceNumber} is not in the book or the ledger; give authorizedTpp to record it`,
      })
    }
  })
  return errors
}

/**
 * Imports a deal book in one transaction: everything, or nothing and the list of errors (row =
 * 1-based deal index for JSON, spreadsheet row for CSV). Deals are evaluated in date order against
 * one running state seeded from the ledger's balances, so each deal sees the ones before it; deals in
 * review or approved reserve capacity, licensed/shipped/closed ones commit it. The book is kept as
 * given in an import batch, named with its SHA-256 by the import's one audit event; each deal points
 * at its batch and row (reference data the book brings — chips, parties, licences, installed base —
 * is audited as it is recorded).
 *
 * Written for books of 100,000 deals: everything a deal needs is looked up once (parties, chips,
 * opening balances, packs) or kept in memory for the length of the transaction (the audit chain's
 * head, the buckets' running totals, written once per bucket at the end), nothing written is read
 * back, and a large import builds `project`'s indexes after its rows. One timestamp for the whole
 * import: it commits at once. A large book is evaluated on a second thread while this one writes
 * (import-thread.ts); the rows are the same either way.
 */
export function importBook(
  db: Ledger,
  input: string | object,
  who: ActorLike,
  options: ImportOptions = {},
): ImportResult {
  const format = options.format ?? 'json'
  const useThread =
    typeof input === 'string' && (options.evaluationThread ?? input.length >= EVALUATION_THREAD_FROM)
  const thread = useThread ? ImportThread.start(input, format) : null
  try {
    return importWith(db, input, who, { ...options, format }, thread)
  } finally {
    thread?.stop()
  }
}

function importWith(
  db: Ledger,
  input: string | object,
  who: ActorLike,
  options: ImportOptions & { format: 'json' | 'csv' },
  thread: ImportThread | null,
): ImportResult {
  const empty = { imported: 0, parties: 0, chips: 0, installedBase: 0 }
  const parsedResult = parseLedgerBook(input, options.format)
  if (!parsedResult.ok) {
    // A refused book still hears which of its ids the ledger already has, so that one round of
    // corrections is enough (the other ledger checks need a valid book).
    const errors = [...parsedResult.errors, ...idsInLedger(db, readableIds(input, options.format))]
    return { ...empty, errors: errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) }
  }
  const parsed = parsedResult.parsed
  const actor = asActor(who).name
  const sample = options.sample ?? false
  const errors: BookError[] = []
  const total = parsed.book.deals.length
  const stopIfCancelled = () => {
    if (options.isCancelled?.()) throw new ImportCancelled()
  }
  options.onProgress?.({ phase: 'checking', done: 0, total })
  stopIfCancelled()
  try {
    return writeTransaction(db, (): ImportResult => {
      errors.push(...checkAgainstLedger(db, parsed, actor))
      if (errors.length) throw new Rollback()
      return withAuditHead(db, () => {
        const batch = recordBatch(db, who, input, options.format, total, sample)
        const write = () => importParsed(db, parsed, who, sample, errors, options, batch, thread)
        const result = worthDeferringIndexes(db, 'project', total)
          ? withIndexesDeferred(db, 'project', write)
          : write()
        appendAudit(
          db,
          who,
          {
            operation: 'ledger.import',
            entity: 'import_batch',
            entityId: String(batch.id),
            after: { ...result, batch: batch.id, sha256: batch.sha256, sample, format: options.format },
          },
          batch.at,
        )
        // The last moment a cancellation can still undo everything.
        stopIfCancelled()
        options.onProgress?.({ phase: 'committing', done: total, total })
        return result
      })
    })
  } catch (error) {
    if (error instanceof Rollback)
      return { ...empty, errors: errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) }
    throw error
  }
}

/** The writing part of `importBook`, inside its transaction; throws `Rollback` after collecting errors. */
function importParsed(
  db: Ledger,
  parsed: ParsedBook,
  who: ActorLike,
  sample: boolean,
  errors: BookError[],
  options: Pick<ImportOptions, 'onProgress' | 'isCancelled'>,
  batch: { id: number; at: string },
  thread: ImportThread | null,
): ImportResult {
  const actor = asActor(who).name
  // The batch's time: the whole import is one action, committed at once.
  const at = batch.at
  // Reference data first, so deals can use the book's chips and parties.
  const marked = parsed.sampleItems
  let chips = 0
  for (const [i, c] of (parsed.book.chips ?? []).entries()) {
    if (
      findCatalogueChip(c.id ?? c.name) ||
      stmt(db, 'SELECT 1 FROM chip WHERE id = ? OR name = ? COLLATE NOCASE').get(c.id ?? '', c.name)
    )
      continue
    createChip(db, who, { ...(c.id ? { id: c.id } : {}), spec: c }, { sample: sample || marked.chips.has(i) })
    chips++
  }
  let parties = 0
  for (const [i, p] of (parsed.book.parties ?? []).entries()) {
    const existing = getPartyByName(db, p.name)
    if (existing && JSON.stringify(toEngineParty(existing)) === JSON.stringify(normaliseParty(p, existing)))
      continue
    upsertParty(
      db,
      who,
      {
        ...(existing
          ? {
              id: existing.id,
              kind: existing.kind,
              notes: existing.notes,
              parentName: existing.parentName,
            }
          : {}),
        name: p.name,
        hq: p.hq ?? null,
        ...(p.parentHq !== undefined ? { parentHq: p.parentHq } : {}),
        veu: p.veu ? { ...p.veu, countries: p.veu.countries ?? existing?.veu?.countries ?? [] } : null,
      },
      { sample: sample || marked.parties.has(i) },
    )
    parties++
  }
  for (const [i, e] of (parsed.book.installedBase ?? []).entries()) {
    recordInstalledBase(
      db,
      who,
      { veu: e.veu, country: e.country, tpp: roundTpp(e.tpp), note: 'imported' },
      { sample: sample || marked.installedBase.has(i) },
    )
  }
  for (const l of parsed.licences) {
    if (stmt(db, 'SELECT 1 FROM licence WHERE number = ?').get(l.number)) continue
    const { sample: licenceSample, ...licence } = l
    createLicence(db, who, licence, { sample: sample || licenceSample === true })
  }

  const setup: ImportSetup = {
    chips: indexBookChips(deskChipSpecs(db)),
    parties: enginePartyMap(db),
    balances: openingBalances(db),
    actor,
    at,
    batch: batch.id,
    sample,
  }
  const stopIfCancelled = () => {
    if (options.isCancelled?.()) throw new ImportCancelled()
  }
  const evaluated = thread ? thread.evaluate(setup, stopIfCancelled) : evaluateForImport(parsed, setup)
  const insertProject = stmt(db, INSERT_PROJECT)
  const insertChange = stmt(
    db,
    'INSERT INTO project_status_change (project_id, from_status, to_status, at, actor, reason, pack_id, sample) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const insertDetermination = stmt(
    db,
    'INSERT INTO determination (project_id, project_version, stage, pack_id, pack_hash, at, actor, body, sample) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)',
  )
  const capacity = new EntryBatch(db, actor, at)
  const licencesKnown = new Set<string>()
  const packOf = packResolver()
  const total = parsed.book.deals.length
  let imported = 0
  let seen = 0
  const warnings: BookError[] = []
  for (const e of evaluated) {
    if (seen++ % PROGRESS_EVERY === 0) {
      if (options.isCancelled?.()) throw new ImportCancelled()
      options.onProgress?.({ phase: 'writing', done: seen - 1, total })
    }
    const row = bookRow(parsed, e.index)
    if (e.error) {
      errors.push({ row, ...e.error })
      continue
    }
    const deal = parsed.book.deals[e.index]!
    const ext = parsed.extensions[e.index]
    const misnamed = ext?.licenceNumber ? licenceNotCovering(db, ext.licenceNumber, deal) : null
    if (misnamed) {
      errors.push({ row, field: 'licenceNumber', message: misnamed })
      continue
    }
    const dealSample = sampleDeal(setup, ext)
    const flag = dealSample ? 1 : 0
    try {
      insertProject.run(
        projectRowValues(importedRow(parsed, e.index, e.status, e.evaluation, e.lines, setup), {
          batch: batch.id,
          row,
        }),
      )
      const pack = e.packId !== null ? packOf(deal.date, e.packId) : null
      if (e.status !== 'draft') {
        insertChange.run(deal.id, 'draft', e.status, at, actor, 'imported', pack?.id ?? null, flag)
        if (pack && e.determination !== null)
          insertDetermination.run(
            deal.id,
            'import',
            pack.id,
            packHash(pack),
            at,
            actor,
            e.determination,
            flag,
          )
      }
      if (e.claims && pack) {
        const action = COMMITTING.includes(e.status) ? 'commit' : 'reserve'
        for (const c of e.claims) {
          capacity.bucket({ bucket: c.bucket, kind: c.kind, limitTpp: c.limit, packId: pack.id })
          capacity.add({
            bucket: c.bucket,
            action,
            tpp: c.tpp,
            projectId: deal.id,
            packId: pack.id,
            reason: 'imported',
            sample: dealSample,
          })
        }
        if (action === 'commit' && ext?.licenceNumber)
          importLicenceUse(
            db,
            who,
            { id: deal.id, ...fieldsOf(deal, ext) },
            ext,
            e.tpp,
            dealSample,
            capacity,
            licencesKnown,
          )
      }
      const warning = contradictedStatus(
        e.status,
        e.evaluation.outcome,
        e.packId,
        // Only a shipped or closed deal can be contradicted, so a licensed status never reaches it.
        deal.licensed === true || Boolean(ext?.licenceNumber),
      )
      if (warning) warnings.push({ row, field: 'status', message: warning })
      imported++
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      errors.push({ row, field: error.fields?.[0]?.path ?? '(deal)', message: error.message })
    }
  }
  if (errors.length) throw new Rollback()
  // Every deal of the book came back evaluated, or nothing is committed.
  if (seen !== total) throw new Error(`The import's evaluation ended after ${seen} of ${total} deals.`)
  capacity.flush()
  return {
    imported,
    parties,
    chips,
    installedBase: parsed.book.installedBase?.length ?? 0,
    ...(warnings.length ? { warnings: warnings.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) } : {}),
  }
}

/**
 * Keeps the book exactly as given, with its SHA-256, as the import's record: the import's audit
 * event names the batch and the hash, and each deal points at its batch and row.
 */
function recordBatch(
  db: Ledger,
  who: ActorLike,
  input: string | object,
  format: 'json' | 'csv',
  deals: number,
  sample: boolean,
): { id: number; sha256: string; at: string } {
  const at = stampOf(who)
  const source = typeof input === 'string' ? input : JSON.stringify(input)
  const sha256 = createHash('sha256').update(source, 'utf8').digest('hex')
  const id = stmt(
    db,
    'INSERT INTO import_batch (at, actor, format, deals, sha256, source, sample) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(at, asActor(who).name, format, deals, sha256, source, sample ? 1 : 0).lastInsertRowid
  return { id: Number(id), sha256, at }
}

/**
 * A book's party as the ledger would record it, in the engine's shape: an NVEU the book names without
 * countries keeps the countries the ledger has for it, so an unchanged party is not written again.
 */
function normaliseParty(p: Party, existing: PartyRow | undefined): Party {
  const known = existing?.veu?.id === p.veu?.id ? existing?.veu?.countries : undefined
  const veu =
    p.veu?.kind === 'NVEU' && p.veu.countries === undefined && known?.length
      ? { ...p.veu, countries: known }
      : p.veu
  return {
    name: p.name,
    ...(p.hq ? { hq: p.hq } : {}),
    ...(p.parentHq !== undefined ? { parentHq: p.parentHq } : {}),
    ...(veu ? { veu } : {}),
  }
}

/**
 * Why the licence a deal names does not cover it (the row's error), as the lifecycle refuses it: the
 * licence is recorded (in the ledger, from the book, or by an earlier deal of this import) for another
 * consignee or destination. Null when it covers the deal, or is not recorded yet (the deal records it).
 */
function licenceNotCovering(
  db: Ledger,
  number: string,
  deal: { consignee: string; destination?: string | null },
): string | null {
  const recorded = licenceParties(db, number)
  const mismatch = recorded && licenceMismatch(recorded, deal)
  return mismatch
    ? `licence ${number} was issued for ${mismatch.licence}; this deal is for ${mismatch.deal}`
    : null
}

function importLicenceUse(
  db: Ledger,
  who: ActorLike,
  p: Pick<Project, 'id' | 'consignee' | 'destination' | 'lines'>,
  ext: LedgerDealExtension,
  shownTpp: number | null,
  sample: boolean,
  capacity: EntryBatch,
  known: Set<string>,
): void {
  const number = ext.licenceNumber!
  const tpp = shownTpp !== null ? roundTpp(shownTpp) : 0
  const units = unitsOf(p.lines)
  if (!known.has(number)) {
    if (!stmt(db, 'SELECT 1 FROM licence WHERE number = ?').get(number)) {
      createLicence(
        db,
        who,
        {
          number,
          consignee: p.consignee,
          ...(p.destination ? { destination: p.destination } : {}),
          authorizedTpp: ext.authorizedTpp ?? tpp,
          authorizedUnits: ext.authorizedUnits ?? units,
        },
        { sample },
      )
    }
    known.add(number)
  }
  capacity.bucket({ bucket: licenceBucket(number), kind: 'licence' })
  capacity.add({
    bucket: licenceBucket(number),
    action: 'commit',
    tpp,
    units,
    projectId: p.id,
    reason: 'imported',
    sample,
  })
}

/** The item with `"sample": true` when its row is sample data; as it is otherwise. */
function withSampleMark<T extends object>(item: T, sample: number): T & SampleMark {
  return sample === 1 ? { ...item, sample: true } : item
}

/** The deals a deal-book export writes, in id order: every one, or none of the sample data. */
export function exportedProjects(db: Ledger, options: { includeSample?: boolean } = {}): Project[] {
  const where = options.includeSample === false ? 'WHERE sample = 0' : ''
  const ids = stmt(db, `SELECT id FROM project ${where} ORDER BY id`).pluck().all() as string[]
  return ids.map((id) => getProject(db, id))
}

/**
 * The ledger's deal book as interchange JSON with the Headroom extension. Deals in id order, every
 * optional field left out when absent, so export → import → export gives the same text (apart from
 * `exportedAt`). Read on one snapshot: with the CLI or a browser host writing to the same file, a
 * deal, its licence and its party could otherwise come from different commits, and the book would
 * name a licence or party it does not carry.
 */
export function exportBook(
  db: Ledger,
  options: { includeSample?: boolean; now?: () => Date } = {},
): LedgerBook {
  return readSnapshot(db, () => exportAsRead(db, options))
}

function exportAsRead(db: Ledger, options: { includeSample?: boolean; now?: () => Date }): LedgerBook {
  const deals = exportedProjects(db, options).map((p) => {
    const deal: LedgerBook['deals'][number] = {
      ...toDeal(p),
      name: p.name,
      status: p.status,
      preparer: p.preparer,
    }
    if (p.endUser !== undefined) deal.endUser = p.endUser
    if (p.notes !== undefined) deal.notes = p.notes
    if (p.reviewer !== null) deal.reviewer = p.reviewer
    if (p.licenceNumber !== null) deal.licenceNumber = p.licenceNumber
    if (p.authorizedTpp !== null) deal.authorizedTpp = p.authorizedTpp
    if (p.authorizedUnits !== null) deal.authorizedUnits = p.authorizedUnits
    // Sample data stays sample data in the ledger it is imported into (`"sample": true`).
    if (p.sample) deal.sample = true
    return deal
  })
  const sampleFilter = options.includeSample === false ? ' WHERE sample = 0' : ''
  const parties = (
    stmt(db, `SELECT name, sample FROM party${sampleFilter} ORDER BY name`).all() as Array<{
      name: string
      sample: number
    }>
  ).map((r) => withSampleMark(toEngineParty(getPartyByName(db, r.name)!), r.sample))
  const chipSample = new Map(
    (
      stmt(db, `SELECT id, sample FROM chip${sampleFilter}`).all() as Array<{ id: string; sample: number }>
    ).map((r) => [r.id, r.sample]),
  )
  const chips: Array<ChipSpec & SampleMark> = deskChipSpecs(db)
    .filter((c) => chipSample.has(c.id!))
    .map((c) => withSampleMark(c, chipSample.get(c.id!)!))
  // Per VEU and country, the sample entries apart from the desk's own.
  const base = (
    stmt(
      db,
      `SELECT veu_id, country, sum(tpp) AS tpp, sample FROM installed_base${sampleFilter}
       GROUP BY veu_id, country, sample ORDER BY veu_id, country, sample`,
    ).all() as Array<{ veu_id: string; country: string; tpp: number; sample: number }>
  ).map((r) => withSampleMark({ veu: r.veu_id, country: r.country, tpp: r.tpp }, r.sample))
  const licences = (
    stmt(db, `SELECT * FROM licence${sampleFilter} ORDER BY number`).all() as Array<
      Record<string, string | number | null>
    >
  ).map((l) => {
    const out: Record<string, unknown> = {
      number: l.number,
      authorizedTpp: l.authorized_tpp,
      authorizedUnits: l.authorized_units,
    }
    if (l.holder) out.holder = l.holder
    if (l.consignee) out.consignee = l.consignee
    if (l.destination) out.destination = l.destination
    if (l.issued_on) out.issuedOn = l.issued_on
    if (l.expires_on) out.expiresOn = l.expires_on
    if (l.notes) out.notes = l.notes
    if (l.sample === 1) out.sample = true
    return out as LicenceRecord
  })
  const book: LedgerBook & { licences: LicenceRecord[] } = {
    format: 'headroom-deal-book',
    version: 1,
    exportedAt: (options.now?.() ?? new Date()).toISOString(),
    deals,
    parties,
    installedBase: base,
    chips,
    licences,
  }
  return book
}
