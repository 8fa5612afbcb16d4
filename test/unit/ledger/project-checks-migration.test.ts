import { describe, expect, it } from 'vitest'
import { mixedBook } from '../../../bench/profile-import'
import { verifyAuditChain } from '../../../electron/db/audit'
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
    // The columns a ledger before migration 0090 has (0100 adds `lines`, 0120 `licensed`), but the
    // chips summary, which 0130 writes again with catalogue names (checked below).
    rows: db
      .prepare('SELECT rowid, * FROM project ORDER BY rowid')
      .all()
      .map((r) => {
        const {
          lines: _lines,
          licensed: _licensed,
          chips_summary: _summary,
          ...rest
        } = r as Record<string, unknown>
        return rest
      }),
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

  it('keeps every deal (rowids, columns, history, indexes) of a ledger made before it, and the same rules', () => {
    const path = tempLedgerPath()
    const old = openLedger(path, { migrations: before90 })
    expect(schemaVersion(old)).toBe(80)
    seedOldDeals(old)
    const state = projectState(old)
    old.close()

    const db = openLedger(path)
    expect(schemaVersion(db)).toBe(latestVersion())
    expect(projectState(db)).toEqual(state)
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
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
    // References still hold: a status change for a deal that does not exist is refused.
    expect(() =>
      db.exec(
        "INSERT INTO project_status_change (project_id, from_status, to_status, at, actor) VALUES ('NOPE', 'draft', 'in_review', 't', 'a')",
      ),
    ).toThrow(/FOREIGN KEY/)
    db.close()
  })
})

/** Deals written as a ledger before migration 0090 held them (its own tables, no current code). */
function seedOldDeals(db: Ledger): void {
  const deal = db.prepare(
    `INSERT INTO project (id, name, status, consignee, destination, planned_date, authorization, transaction_kind, preparer,
       created_at, updated_at, units, chips_summary) VALUES (?, ?, ?, 'Acme', 'IN', ?, ?, ?, 'alice', 't', ?, ?, ?)`,
  )
  deal.run('OLD-3', 'third', 'in_review', '2025-03-01', 'LPP', 'export', 't3', 10, 'H100 × 10')
  deal.run('OLD-1', 'first', 'draft', '2025-01-01', null, null, 't1', 10, 'B200 × 3; Desk X × 7')
  deal.run('OLD-2', 'second', 'approved', '2025-02-01', 'LICENSE', 'reexport', 't2', 1, 'H100 × 1')
  const line = db.prepare(
    'INSERT INTO project_line (project_id, line_no, chip, chip_spec, quantity) VALUES (?, ?, ?, ?, ?)',
  )
  line.run('OLD-1', 2, 'Desk X', JSON.stringify(SPEC), 7)
  line.run('OLD-1', 1, 'B200', null, 3)
  line.run('OLD-2', 1, 'H100', null, 1)
  line.run('OLD-3', 1, 'H100', null, 10)
  db.prepare(
    "INSERT INTO project_status_change (project_id, from_status, to_status, at, actor) VALUES ('OLD-3', 'draft', 'in_review', 't', 'alice')",
  ).run()
}

const SPEC = { name: 'Desk X', tpp: 4_000.5, dieArea: 600 }

describe("migration 0100: a deal's lines kept in its row", () => {
  it('moves every line (in order, inline specs as given) into the row and drops the lines table', () => {
    const path = tempLedgerPath()
    const old = openLedger(path, { migrations: before90 })
    seedOldDeals(old)
    old.close()
    const db = openLedger(path)
    expect(getProject(db, 'OLD-1').lines).toEqual([
      { chip: 'B200', quantity: 3 },
      { chip: SPEC, quantity: 7 },
    ])
    expect(getProject(db, 'OLD-3').lines).toEqual([{ chip: 'H100', quantity: 10 }])
    // Migration 0130: the summary names catalogue chips by their catalogue name; a desk chip as given.
    const summaries = db.prepare('SELECT id, chips_summary FROM project ORDER BY id').all()
    expect(summaries).toEqual([
      { id: 'OLD-1', chips_summary: 'NVIDIA B200 × 3; Desk X × 7' },
      { id: 'OLD-2', chips_summary: 'NVIDIA H100 SXM × 1' },
      { id: 'OLD-3', chips_summary: 'NVIDIA H100 SXM × 10' },
    ])
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'project_line'").pluck().get()).toBe(0)
    // Written from now on by the current code, read back the same.
    expect(importBook(db, mixedBook(50), 'desk').imported).toBe(50)
    expect(listProjects(db, { limit: 100 }).total).toBe(53)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(verifyAuditChain(db).ok).toBe(true)
    db.close()
  })
})
