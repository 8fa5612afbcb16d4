import { describe, expect, it } from 'vitest'
import { mixedBook } from '../../../bench/profile-import'
import { verifyAuditChain } from '../../../electron/db/audit'
import { checkTotals } from '../../../electron/db/capacity'
import { importBook } from '../../../electron/db/interchange'
import { openLedger, schemaVersion, type Ledger } from '../../../electron/db/ledger'
import { equalityChains } from '../../../electron/db/migrations/0090-project-checks'
import { latestVersion, migrations } from '../../../electron/db/migrations/index'
import { getProject, listProjects } from '../../../electron/db/projects'
import { tempLedgerPath } from '../helpers/temp-ledger'

const before90 = migrations.filter((m) => m.version < 90)

/** Everything about `project` a migration must keep: rows with their rowids, and its indexes. */
function projectState(db: Ledger) {
  return {
    rows: db.prepare('SELECT rowid, * FROM project ORDER BY rowid').all(),
    indexes: db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'project' ORDER BY name",
      )
      .all(),
  }
}

describe('migration 0090: project CHECK value lists as equality chains', () => {
  it('rewrites lists of three values or more, and nothing else', () => {
    expect(equalityChains("status TEXT CHECK (status IN\n ('a', 'b', 'c'))")).toBe(
      "status TEXT CHECK ((status = 'a' OR status = 'b' OR status = 'c'))",
    )
    expect(equalityChains('sample INTEGER CHECK (sample IN (0, 1))')).toBe(
      'sample INTEGER CHECK (sample IN (0, 1))',
    )
    expect(equalityChains('x CHECK (x IN (SELECT y FROM t))')).toBe('x CHECK (x IN (SELECT y FROM t))')
  })

  it('keeps every deal (rowids, lines, history, entries, indexes) of a ledger made before it, and the same rules', () => {
    const path = tempLedgerPath()
    const old = openLedger(path, { migrations: before90 })
    expect(schemaVersion(old)).toBe(80)
    expect(importBook(old, mixedBook(300), 'desk').errors).toBeUndefined()
    const state = projectState(old)
    const deal = getProject(old, 'D000042')
    const page = listProjects(old, { limit: 50, sort: [{ key: 'updatedAt', dir: 'desc' }] } as never)
    old.close()

    const db = openLedger(path)
    expect(schemaVersion(db)).toBe(latestVersion())
    expect(projectState(db)).toEqual(state)
    expect(getProject(db, 'D000042')).toEqual(deal)
    expect(listProjects(db, { limit: 50, sort: [{ key: 'updatedAt', dir: 'desc' }] } as never)).toEqual(page)
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(checkTotals(db)).toEqual([])
    expect(verifyAuditChain(db).ok).toBe(true)
    const definition = db
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'project'")
      .pluck()
      .get() as string
    // No value list of three or more left (two-value lists cost nothing: SQLite makes them equalities).
    expect(definition).not.toMatch(/IN\s*\(\s*'[^']*'\s*,\s*'[^']*'\s*,/)
    expect(definition).toMatch(/veu_kind IN \('UVEU', 'NVEU'\)/)

    // The rules hold as before: a bad status, authorization or transaction kind is refused; NULL passes.
    const copy = (over: string) =>
      `INSERT INTO project (id, name, status, consignee, planned_date, preparer, created_at, updated_at, authorization, transaction_kind)
       VALUES ('X-${over}', 'x', ${over === 'status' ? "'nearly'" : "'draft'"}, 'c', '2025-01-01', 'p', 't', 't',
         ${over === 'authorization' ? "'LPX'" : 'NULL'}, ${over === 'transaction' ? "'gift'" : 'NULL'})`
    for (const bad of ['status', 'authorization', 'transaction'])
      expect(() => db.exec(copy(bad)), bad).toThrow(/CHECK constraint failed/)
    db.exec(copy('none'))
    // References still hold: a line for a deal that does not exist is refused.
    expect(() =>
      db.exec("INSERT INTO project_line (project_id, line_no, chip, quantity) VALUES ('NOPE', 1, 'H100', 1)"),
    ).toThrow(/FOREIGN KEY/)
    db.close()
  })
})
