import * as nodeCrypto from 'node:crypto'
import type { AuditEventRow, AuditPage, AuditVerification } from '../../shared/domain/audit'
import type { Ledger } from './ledger'
import { asActor, canonicalJson, readSnapshot, stampOf, stmt, type ActorLike } from './statements'

/** prev_hash of the first event. */
export const GENESIS_HASH = '0'.repeat(64)

export interface AuditInput {
  operation: string
  entity: string
  entityId?: string | null
  before?: unknown
  after?: unknown
  packId?: string | null
}

interface AuditDbRow {
  id: number
  at: string
  actor: string
  operation: string
  entity: string
  entity_id: string | null
  before: string | null
  after: string | null
  pack_id: string | null
  prev_hash: string
  hash: string
}

/** SHA-256 of a string as hex; Node's one-shot `crypto.hash` where it exists (no Hash object per event). */
const sha256Hex: (text: string) => string =
  typeof nodeCrypto.hash === 'function'
    ? (text) => nodeCrypto.hash('sha256', text, 'hex')
    : (text) => nodeCrypto.createHash('sha256').update(text, 'utf8').digest('hex')

/**
 * The hash of one event: SHA-256 over a JSON array of every field (id included, so moving a row to
 * another place breaks it) and the previous event's hash. `before`/`after` are hashed as the stored
 * text, which was written canonically (sorted keys), so verification needs no re-serialisation.
 */
export function eventHash(e: Omit<AuditDbRow, 'hash'>): string {
  const material = JSON.stringify([
    e.id,
    e.at,
    e.actor,
    e.operation,
    e.entity,
    e.entity_id,
    e.before,
    e.after,
    e.pack_id,
    e.prev_hash,
  ])
  return sha256Hex(material)
}

function nextId(db: Ledger): number {
  // AUTOINCREMENT's counter: never reused, even after a (tampered) delete of the last rows.
  const seq = stmt(db, "SELECT seq FROM sqlite_sequence WHERE name = 'audit_event'").pluck().get() as
    number | undefined
  return (seq ?? 0) + 1
}

export function headHash(db: Ledger): string {
  return (
    (stmt(db, 'SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ??
    GENESIS_HASH
  )
}

/**
 * The chain's head held in memory while one transaction appends many events (an import): the next id
 * and the previous hash are read once instead of per event. Set and cleared by `withAuditHead`.
 */
interface ChainHead {
  nextId: number
  prevHash: string
}
const heads = new WeakMap<Ledger, ChainHead>()

/**
 * Runs `fn`, inside the caller's transaction, with the chain head kept in memory: every event that
 * `fn` appends (through `appendAudit`, the only writer of the chain) follows the previous one without
 * reading it back. The head is dropped when `fn` ends, however it ends; a rollback of the transaction
 * takes the events with it, and the next append reads the head from the table again.
 */
export function withAuditHead<T>(db: Ledger, fn: () => T): T {
  if (!db.inTransaction) throw new Error('withAuditHead runs inside a transaction')
  if (heads.has(db)) return fn()
  heads.set(db, { nextId: nextId(db), prevHash: headHash(db) })
  try {
    return fn()
  } finally {
    heads.delete(db)
  }
}

/**
 * Appends one event to the chain. Call inside the transaction of the change it records, so the
 * event and the change commit together or not at all.
 */
export function appendAudit(
  db: Ledger,
  who: ActorLike,
  input: AuditInput,
  at: string = stampOf(who),
): number {
  const head = heads.get(db)
  const row: Omit<AuditDbRow, 'hash'> = {
    id: head ? head.nextId : nextId(db),
    at,
    actor: asActor(who).name,
    operation: input.operation,
    entity: input.entity,
    entity_id: input.entityId ?? null,
    before: input.before === undefined || input.before === null ? null : canonicalJson(input.before),
    after: input.after === undefined || input.after === null ? null : canonicalJson(input.after),
    pack_id: input.packId ?? null,
    prev_hash: head ? head.prevHash : headHash(db),
  }
  const hash = eventHash(row)
  stmt(
    db,
    `INSERT INTO audit_event (id, at, actor, operation, entity, entity_id, before, after, pack_id, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.id,
    row.at,
    row.actor,
    row.operation,
    row.entity,
    row.entity_id,
    row.before,
    row.after,
    row.pack_id,
    row.prev_hash,
    hash,
  )
  if (head) {
    head.nextId = row.id + 1
    head.prevHash = hash
  }
  return row.id
}

const toRow = (r: AuditDbRow): AuditEventRow => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  operation: r.operation,
  entity: r.entity,
  entityId: r.entity_id,
  before: r.before === null ? null : (JSON.parse(r.before) as unknown),
  after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  packId: r.pack_id,
  prevHash: r.prev_hash,
  hash: r.hash,
})

export interface AuditFilter {
  offset?: number
  limit?: number
  projectId?: string
  entity?: string
  from?: string
  to?: string
}

/**
 * A deal's events: its own, and the event of the import that created it (one event per import
 * batch, which names the batch and the SHA-256 of the book the deal came from).
 */
const PROJECT_EVENTS = `entity = 'project' AND entity_id = ?
  OR entity = 'import_batch' AND entity_id = (SELECT CAST(import_batch AS TEXT) FROM project WHERE id = ?)`

/** Newest first. `to` given as a date includes the whole day. */
export function listAudit(db: Ledger, filter: AuditFilter = {}): AuditPage {
  const where: string[] = []
  const params: unknown[] = []
  if (filter.projectId !== undefined) {
    where.push(`(${PROJECT_EVENTS})`)
    params.push(filter.projectId, filter.projectId)
  } else if (filter.entity !== undefined) {
    where.push('entity = ?')
    params.push(filter.entity)
  }
  if (filter.from) {
    where.push('at >= ?')
    params.push(filter.from)
  }
  if (filter.to) {
    where.push('at <= ?')
    params.push(filter.to.length === 10 ? `${filter.to}T23:59:59.999Z` : filter.to)
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const total = stmt(db, `SELECT count(*) FROM audit_event ${clause}`)
    .pluck()
    .get(...params) as number
  const rows = stmt(db, `SELECT * FROM audit_event ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`).all(
    ...params,
    filter.limit ?? 100,
    filter.offset ?? 0,
  ) as AuditDbRow[]
  return { rows: rows.map(toRow), total }
}

/** Every event about one entity, oldest first (a deal's history, with the import that created it). */
export function auditFor(db: Ledger, entity: string, entityId: string): AuditEventRow[] {
  const rows = (
    entity === 'project'
      ? stmt(db, `SELECT * FROM audit_event WHERE ${PROJECT_EVENTS} ORDER BY id`).all(entityId, entityId)
      : stmt(db, 'SELECT * FROM audit_event WHERE entity = ? AND entity_id = ? ORDER BY id').all(
          entity,
          entityId,
        )
  ) as AuditDbRow[]
  return rows.map(toRow)
}

/** "event #4 is missing:" or "events #4–#6 are missing:": one event or a range, the verb agreeing. */
const missingEvents = (first: number, last: number): string =>
  first === last ? `event #${first} is missing:` : `events #${first}–#${last} are missing:`

/**
 * Walks the chain from the first event and stops at the first one that does not hold:
 * - its hash does not match its content → the row was edited;
 * - its id is not the previous id + 1 → events were deleted (or ids rewritten);
 * - its prev_hash is not the previous event's hash → an event was removed, inserted or reordered;
 * - the AUTOINCREMENT counter is past the last row → the newest events were deleted.
 * Streams rows, so a long chain is checked in constant memory. The rows and the counter are read on one
 * snapshot: events another program appends meanwhile are not "missing".
 */
export function verifyAuditChain(db: Ledger): AuditVerification {
  return readSnapshot(db, () => verifyChainAsRead(db))
}

function verifyChainAsRead(db: Ledger): AuditVerification {
  let prevHash = GENESIS_HASH
  let prevId = 0
  let checked = 0
  const fail = (id: number, reason: string): AuditVerification => ({
    ok: false,
    checked,
    firstBadEventId: id,
    reason,
    headHash: prevHash,
  })
  for (const r of db
    .prepare('SELECT * FROM audit_event ORDER BY id')
    .iterate() as IterableIterator<AuditDbRow>) {
    if (r.id !== prevId + 1) {
      return fail(
        r.id,
        r.id > prevId + 1
          ? `Audit event #${r.id} follows event #${prevId}, so ${missingEvents(prevId + 1, r.id - 1)} deleted from the ledger.`
          : `Audit event #${r.id} is out of sequence after #${prevId}.`,
      )
    }
    if (r.prev_hash !== prevHash) {
      return fail(
        r.id,
        `Audit event #${r.id} does not follow event #${prevId}: the chain link is broken (an event was removed, inserted or reordered).`,
      )
    }
    if (eventHash(r) !== r.hash) {
      return fail(
        r.id,
        `Audit event #${r.id} was changed after it was recorded: its content no longer matches its hash.`,
      )
    }
    prevHash = r.hash
    prevId = r.id
    checked++
  }
  const seq =
    (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_event'").pluck().get() as
      number | undefined) ?? 0
  if (seq > prevId) {
    return fail(
      prevId + 1,
      seq > prevId + 1
        ? `Audit events #${prevId + 1}–#${seq} were recorded but are missing: the newest events were deleted.`
        : `Audit event #${seq} was recorded but is missing: the newest event was deleted.`,
    )
  }
  return { ok: true, checked, headHash: prevHash }
}

export function auditCount(db: Ledger): number {
  return stmt(db, 'SELECT count(*) FROM audit_event').pluck().get() as number
}
