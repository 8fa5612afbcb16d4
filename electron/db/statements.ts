import type Database from 'better-sqlite3'
import { AppError } from '../../shared/ipc/result'
import type { Ledger } from './ledger'
import { latestVersion } from './migrations/index'

/**
 * Prepared statements cached per database handle. Preparing is the expensive part of a small query,
 * and an import of 100,000 deals runs the same handful of statements hundreds of thousands of times.
 * Every value reaches SQLite as a bound `?` parameter; SQL text here is always a constant.
 */
const caches = new WeakMap<Ledger, Map<string, Database.Statement>>()

export function stmt(db: Ledger, sql: string): Database.Statement {
  let cache = caches.get(db)
  if (!cache) caches.set(db, (cache = new Map()))
  let s = cache.get(sql)
  if (!s) cache.set(sql, (s = db.prepare(sql)))
  return s
}

/** Who acts and when: the desk user and the session clock (tests freeze it). */
export interface Actor {
  name: string
  now?: () => Date
}

export type ActorLike = Actor | string

export const asActor = (a: ActorLike): Actor => (typeof a === 'string' ? { name: a } : a)

/** ISO-8601 UTC instant, stored as TEXT so it sorts and reads the same everywhere. */
export const stampOf = (a: ActorLike): string => (asActor(a).now?.() ?? new Date()).toISOString()

/**
 * Runs `fn` in one transaction: all of it, or nothing. A call inside a transaction joins it, so a
 * handler can compose db functions freely.
 */
export function tx<T>(db: Ledger, fn: () => T): T {
  // Inside an outer transaction (an import) a savepoint per call costs more than the work itself,
  // and the outer transaction already gives all-or-nothing.
  return db.inTransaction ? fn() : writeTransaction(db, fn)
}

/**
 * Runs `fn` in its own write transaction, a savepoint when nested. It begins IMMEDIATE: SQLite answers
 * a deferred transaction that read first and then writes with SQLITE_BUSY at once, without the busy
 * timeout, whenever another connection (the import thread, the CLI, a second window) holds the
 * write lock; an immediate one waits for it.
 */
export function writeTransaction<T>(db: Ledger, fn: () => T): T {
  return db
    .transaction(() => {
      refuseNewerSchema(db)
      return fn()
    })
    .immediate()
}

/**
 * Runs `fn`, which only reads, on one snapshot of the ledger: every statement in it sees the same
 * commit, whatever another connection commits meanwhile. A check that reads in several statements (an
 * audit chain and then its counter, the deals' events and then their rows) would otherwise compare one
 * commit with the next and report as tampering what another program just recorded. Inside a
 * transaction, the caller's snapshot is already one.
 */
export function readSnapshot<T>(db: Ledger, fn: () => T): T {
  return db.inTransaction ? fn() : db.transaction(fn).deferred()
}

/**
 * Refuses to write to a ledger a newer build of Headroom has migrated since this one opened it (the
 * CLI of a newer release, run while an older window is open). `openLedger` refuses such a file only
 * when it opens it; past that, this build's code would write rows the newer schema does not expect
 * (and skip what its new tables or columns must keep in step). Read inside the write transaction, so
 * no migration can come between the check and the write.
 */
function refuseNewerSchema(db: Ledger): void {
  const version = stmt(db, 'PRAGMA user_version').pluck().get() as number
  const latest = latestVersion()
  if (version > latest)
    throw new AppError(
      'ledger_too_new',
      `This ledger (${db.name}) was upgraded by a newer version of Headroom while this one had it open (schema ${version}; this build knows up to ${latest}). Nothing was changed: open it with that version or newer.`,
    )
}

/**
 * SQLite's "database is locked": another connection held the ledger's write lock for longer than the
 * busy timeout (the CLI or a browser host importing into the same file, another window's import
 * thread). Nothing is wrong with the action or the ledger, and the transaction was rolled back, so
 * the desk is told that and to try again, not that something broke inside.
 */
export function isLedgerBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY')
}

/** SQLite booleans are 0/1; null stays null. */
export const bool = (v: number | null | undefined): boolean | null =>
  v === null || v === undefined ? null : v !== 0
export const bit = (v: boolean | null | undefined): number | null =>
  v === null || v === undefined ? null : v ? 1 : 0

/**
 * JSON with object keys sorted, so the same value always gives the same text (and hash). Gives exactly
 * what `JSON.stringify(value, sortingReplacer)` gives (array-index keys first, in numeric order, as
 * JavaScript enumerates them; then the other keys sorted), written directly rather than through a
 * sorted copy of every object: it runs once per audit event, so once per deal of an import.
 */
export function canonicalJson(value: unknown): string {
  return writeCanonical(value, '') as string
}

const isArrayIndex = (k: string): boolean => {
  const c = k.charCodeAt(0)
  if (c < 48 || c > 57) return false
  if (k === '0') return true
  return c !== 48 && /^\d+$/.test(k) && Number(k) < 4294967295
}

function sortKeys(keys: readonly string[]): string[] {
  const sorted = [...keys].sort()
  // An object enumerates array-index keys first, ascending, whatever the insertion order.
  let indices: string[] | undefined
  for (const k of sorted) if (isArrayIndex(k)) (indices ??= []).push(k)
  if (!indices) return sorted
  indices.sort((a, b) => Number(a) - Number(b))
  return [...indices, ...sorted.filter((k) => !isArrayIndex(k))]
}

/**
 * Sorted keys and their quoted `"key":` prefixes per object shape (its own keys in order): the
 * objects of one kind (deals, lines) share a few shapes, so each is sorted once.
 */
interface ShapeOrder {
  keys: readonly string[]
  sorted: readonly string[]
  prefixes: readonly string[]
}
const shapes = new Map<string, ShapeOrder>()
const MAX_SHAPES = 1000

function shapeOrder(obj: object): ShapeOrder {
  const keys = Object.keys(obj)
  const id = keys.join('\u0000')
  const hit = shapes.get(id)
  if (hit && hit.keys.length === keys.length && hit.keys.every((k, i) => k === keys[i])) return hit
  const sorted = sortKeys(keys)
  const order = { keys, sorted, prefixes: sorted.map((k) => `${JSON.stringify(k)}:`) }
  if (shapes.size >= MAX_SHAPES) shapes.clear()
  shapes.set(id, order)
  return order
}

function writeCanonical(value: unknown, key: string): string | undefined {
  let v = value
  if (v !== null && (typeof v === 'object' || typeof v === 'bigint')) {
    const toJSON = (v as { toJSON?: unknown }).toJSON
    if (typeof toJSON === 'function') v = (toJSON as (k: string) => unknown).call(v, key)
  }
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v)
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null'
    case 'boolean':
      return v ? 'true' : 'false'
    case 'object': {
      if (v === null) return 'null'
      if (Array.isArray(v)) {
        let out = '['
        for (let i = 0; i < v.length; i++) {
          if (i) out += ','
          out += writeCanonical(v[i], String(i)) ?? 'null'
        }
        return `${out}]`
      }
      const { sorted, prefixes } = shapeOrder(v)
      let out = '{'
      for (let i = 0; i < sorted.length; i++) {
        const k = sorted[i]!
        const s = writeCanonical((v as Record<string, unknown>)[k], k)
        if (s === undefined) continue
        out += `${out.length > 1 ? ',' : ''}${prefixes[i]}${s}`
      }
      return `${out}}`
    }
    case 'bigint':
      return JSON.stringify(v) // throws, as JSON.stringify does
    default:
      return undefined // undefined, functions and symbols are left out (null inside arrays)
  }
}
