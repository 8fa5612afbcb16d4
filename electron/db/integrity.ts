import type Database from 'better-sqlite3'
import { joinFirst } from '../../shared/join-first'

/**
 * The file-level checks `headroom verify` and a restore run on a ledger they open read-only.
 *
 * `PRAGMA integrity_check` alone is not enough there: SQLite does not even parse a table's CHECK
 * constraints on a read-only connection (sqlite3AddCheckConstraint skips them when the b-tree is
 * read-only), so on such a connection integrity_check cannot see a row that breaks one — a
 * determination whose JSON body was overwritten on disk passes as "ok", while the sqlite3 shell,
 * which opens the file read-write, reports "CHECK constraint failed in determination". The checks
 * here therefore evaluate every table's CHECK constraints themselves (the JSON columns are guarded by
 * `json_valid` CHECKs) and name the rows that break them, and run `PRAGMA foreign_key_check`.
 */

type Db = Database.Database

export interface IntegrityProblem {
  /** The table at fault, when SQLite or the check names one. */
  table: string | null
  /** What is wrong, in words, naming the row (its id) where there is one. */
  message: string
}

/** The parenthesised expressions of every CHECK constraint in a CREATE TABLE statement. */
export function checkConstraintsOf(createSql: string): string[] {
  const out: string[] = []
  const sql = createSql
  let i = 0
  // Skips a string, a quoted identifier or a comment starting at `at`; returns the index after it.
  const skipQuoted = (at: number): number => {
    const c = sql[at]!
    if (c === '-' && sql[at + 1] === '-') {
      const end = sql.indexOf('\n', at)
      return end === -1 ? sql.length : end + 1
    }
    if (c === '/' && sql[at + 1] === '*') {
      const end = sql.indexOf('*/', at + 2)
      return end === -1 ? sql.length : end + 2
    }
    const close = c === '[' ? ']' : c
    let j = at + 1
    while (j < sql.length) {
      if (sql[j] === close) {
        if (close !== ']' && sql[j + 1] === close) j += 2
        else return j + 1
      } else j++
    }
    return sql.length
  }
  const opensQuoted = (at: number): boolean =>
    `'"\`[`.includes(sql[at]!) ||
    (sql[at] === '-' && sql[at + 1] === '-') ||
    (sql[at] === '/' && sql[at + 1] === '*')
  while (i < sql.length) {
    if (opensQuoted(i)) {
      i = skipQuoted(i)
      continue
    }
    const isWordStart = /[A-Za-z_]/.test(sql[i]!) && (i === 0 || !/[A-Za-z0-9_$]/.test(sql[i - 1]!))
    if (
      isWordStart &&
      sql.slice(i, i + 5).toUpperCase() === 'CHECK' &&
      !/[A-Za-z0-9_$]/.test(sql[i + 5] ?? '')
    ) {
      let j = i + 5
      while (/\s/.test(sql[j] ?? '')) j++
      if (sql[j] !== '(') {
        i = j
        continue
      }
      const start = j + 1
      let depth = 1
      j++
      while (j < sql.length && depth > 0) {
        if (opensQuoted(j)) {
          j = skipQuoted(j)
          continue
        }
        if (sql[j] === '(') depth++
        else if (sql[j] === ')') depth--
        j++
      }
      out.push(sql.slice(start, j - 1).trim())
      i = j
      continue
    }
    i++
  }
  return out
}

const quoteId = (name: string): string => `"${name.replace(/"/g, '""')}"`

/** How many rows breaking one table's CHECKs are named before the rest are counted. */
const NAMED_ROWS = 5
const moreRows = (rest: number): string => ` and ${rest} more ${rest === 1 ? 'row' : 'rows'}`

/** Rows that break their table's CHECK constraints, named by table and id. */
export function checkConstraintProblems(db: Db): IntegrityProblem[] {
  const tables = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as Array<{ name: string; sql: string }>
  const problems: IntegrityProblem[] = []
  for (const { name, sql } of tables) {
    const checks = checkConstraintsOf(sql)
    if (!checks.length) continue
    const columns = new Set(
      (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(name) as string[]).map((c) =>
        c.toLowerCase(),
      ),
    )
    // A CHECK fails only when its expression is false (NULL passes), which `NOT (…)` selects exactly.
    const where = checks.map((c) => `NOT (${c})`).join(' OR ')
    const idExpr = columns.has('id') ? 'id' : /without\s+rowid/i.test(sql) ? null : 'rowid'
    const dealExpr = columns.has('project_id') ? 'project_id' : null
    const bad = db
      .prepare(
        `SELECT ${idExpr ?? 'NULL'} AS id, ${dealExpr ?? 'NULL'} AS deal FROM ${quoteId(name)} WHERE ${where}`,
      )
      .all() as Array<{ id: unknown; deal: unknown }>
    if (!bad.length) continue
    const named = joinFirst(bad, NAMED_ROWS, ', ', moreRows, (r) => {
      const id = r.id === null ? '' : ` ${String(r.id)}`
      return r.deal === null ? `row${id}` : `row${id} (deal ${String(r.deal)})`
    })
    problems.push({
      table: name,
      message: `CHECK constraint failed in ${name}: ${named}${idExpr === null ? ` (${bad.length === 1 ? '1 row' : `${bad.length} rows`})` : ''}`,
    })
  }
  return problems
}

/** Every problem with the file: SQLite's own integrity check (all of its findings), CHECK constraints
 * evaluated row by row, and foreign keys. An empty list means the file is intact. */
export function fileIntegrityProblems(db: Db): IntegrityProblem[] {
  const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map(
    (r) => r.integrity_check,
  )
  if (!(integrity.length === 1 && integrity[0] === 'ok')) {
    // A damaged b-tree makes row-level checks unreliable (or fail): report SQLite's findings alone.
    return integrity.map((message) => ({ table: null, message }))
  }
  const problems = checkConstraintProblems(db)
  const fk = db.pragma('foreign_key_check') as Array<{
    table: string
    rowid: number | null
    parent: string
    fkid: number
  }>
  const byTable = new Map<string, { parent: string; rowids: Array<number | null> }>()
  for (const r of fk) {
    const key = `${r.table}\u0000${r.parent}`
    const entry = byTable.get(key) ?? { parent: r.parent, rowids: [] }
    entry.rowids.push(r.rowid)
    byTable.set(key, entry)
  }
  for (const [key, { parent, rowids }] of byTable) {
    const table = key.split('\u0000')[0]!
    const named = joinFirst(rowids, NAMED_ROWS, ', ', moreRows, (id) => (id === null ? 'a row' : `row ${id}`))
    problems.push({
      table,
      message: `FOREIGN KEY constraint failed in ${table}: ${named} ${rowids.length === 1 ? 'refers' : 'refer'} to a missing ${parent} row`,
    })
  }
  return problems
}
