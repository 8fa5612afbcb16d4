import type { Ledger } from './ledger'
import { stmt } from './statements'

/**
 * Runs `fn` inside the caller's transaction with `table`'s secondary indexes dropped, then builds them
 * again. For a bulk write that at least doubles a table: SQLite builds an index from sorted keys
 * several times faster than it updates it row by row (the `project` table's nine indexes were a
 * quarter of a 100,000-deal import). The drops are part of the transaction, so a rollback, however
 * `fn` ends, brings the indexes back as they were; the primary key and UNIQUE constraints (automatic
 * indexes, which have no SQL) are never dropped, so lookups by id and uniqueness hold throughout.
 * Statements prepared before the drop are re-prepared by SQLite on their next run.
 */
export function withIndexesDeferred<T>(db: Ledger, table: string, fn: () => T): T {
  if (!db.inTransaction) throw new Error('withIndexesDeferred runs inside a transaction')
  const indexes = stmt(
    db,
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name",
  ).all(table) as Array<{ name: string; sql: string }>
  for (const i of indexes) db.exec(`DROP INDEX "${i.name.replaceAll('"', '""')}"`)
  const result = fn()
  for (const i of indexes) db.exec(i.sql)
  return result
}

/** True when writing `adding` rows would at least double `table`: deferring its indexes pays then. */
export function worthDeferringIndexes(db: Ledger, table: string, adding: number): boolean {
  if (adding < 1_000) return false
  const highest =
    (stmt(db, `SELECT max(rowid) FROM "${table.replaceAll('"', '""')}"`)
      .pluck()
      .get() as number | null) ?? 0
  return highest <= adding
}
