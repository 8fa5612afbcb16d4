import type Database from 'better-sqlite3'
import type { Ledger } from './ledger'

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
  return db.inTransaction ? fn() : db.transaction(fn)()
}

/** SQLite booleans are 0/1; null stays null. */
export const bool = (v: number | null | undefined): boolean | null =>
  v === null || v === undefined ? null : v !== 0
export const bit = (v: boolean | null | undefined): number | null =>
  v === null || v === undefined ? null : v ? 1 : 0

/** JSON with object keys sorted, so the same value always gives the same text (and hash). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {}
      for (const k of Object.keys(v as Record<string, unknown>).sort())
        sorted[k] = (v as Record<string, unknown>)[k]
      return sorted
    }
    return v
  })
}
