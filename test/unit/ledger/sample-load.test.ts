import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../../electron/db/audit'
import { headroomBuckets } from '../../../electron/db/capacity'
import { openLedger, type Ledger } from '../../../electron/db/ledger'
import { removeSampleData } from '../../../electron/db/sample'
import { listUsers } from '../../../electron/db/users'
import { openSession } from '../../../electron/core/session'
import {
  ensureSampleOnFirstStart,
  SAMPLE_SETTING_KEY,
  sampleOffered,
} from '../../../electron/sample/load-sample'
import portfolio from '../../../electron/sample/portfolio.json'
import { tempLedgerPath } from '../helpers/temp-ledger'

const count = (db: Ledger, sql: string): number => db.prepare(sql).pluck().get() as number

/** Opens a ledger the way a first start does: `created` is whether the file existed before. */
function firstStart(path: string): { db: Ledger; decision: string } {
  const created = !existsSync(path)
  const db = openLedger(path)
  return { db, decision: ensureSampleOnFirstStart(db, { created, actor: 'desk.officer' }).decision }
}

describe('sample portfolio on first start', () => {
  it('loads every deal of a new, empty ledger, all marked sample, in the statuses of the book', () => {
    const { db, decision } = firstStart(tempLedgerPath())
    try {
      expect(decision).toBe('loaded')
      expect(count(db, 'SELECT count(*) FROM project')).toBe(portfolio.deals.length)
      expect(count(db, 'SELECT count(*) FROM project WHERE sample = 0')).toBe(0)
      expect(count(db, 'SELECT count(*) FROM party WHERE sample = 0')).toBe(0)
      expect(count(db, 'SELECT count(*) FROM capacity_entry WHERE sample = 0')).toBe(0)
      const statuses = Object.fromEntries(
        db
          .prepare('SELECT id, status FROM project')
          .all()
          .map((r) => [(r as { id: string }).id, (r as { status: string }).status]),
      )
      for (const d of portfolio.deals) expect(statuses[d.id], d.id).toBe(d.status)
      // Licences granted in the book are in the ledger with their usage.
      const licensed = portfolio.deals.filter((d) => 'licenceNumber' in d).length
      expect(count(db, 'SELECT count(*) FROM licence WHERE sample = 1')).toBe(licensed)
      // Four eyes held for every reviewed deal.
      expect(
        count(
          db,
          "SELECT count(*) FROM project WHERE status NOT IN ('draft', 'in_review') AND (reviewer IS NULL OR reviewer = preparer)",
        ),
      ).toBe(0)
      // The headroom board has something to show: country allocations with committed capacity.
      const my = headroomBuckets(db, { kind: 'country', country: 'MY' })[0]
      expect(my?.committed).toBeGreaterThan(0)
      expect(verifyAuditChain(db).ok).toBe(true)
      expect(sampleOffered(db)).toBe(true)
    } finally {
      db.close()
    }
  })

  // Deals that shipped under an exception count against their own buckets, not the country allocation.
  it('commits exception deals to their own buckets (LPP, NVEU, UVEU), not the country allocation', () => {
    const { db } = firstStart(tempLedgerPath())
    try {
      expect(headroomBuckets(db, { kind: 'lpp' }).length).toBeGreaterThan(0)
      expect(headroomBuckets(db, { kind: 'nveu' }).length).toBeGreaterThan(0)
      expect(db.prepare("SELECT recommended FROM project WHERE id = 'SMPL-25-012'").pluck().get()).toBe('LPP')
    } finally {
      db.close()
    }
  })

  it('does not load into a ledger that existed before, even an empty one', () => {
    const path = tempLedgerPath()
    openLedger(path).close()
    const { db, decision } = firstStart(path)
    expect(decision).toBe('existing-ledger')
    expect(count(db, 'SELECT count(*) FROM project')).toBe(0)
    db.close()
  })

  it('does not load into a ledger that already has deals', () => {
    const db = openLedger(tempLedgerPath())
    db.prepare(
      `INSERT INTO project (id, name, status, consignee, planned_date, preparer, created_at, updated_at)
       VALUES ('D-000001', 'own deal', 'draft', 'Own Consignee', '2026-01-05', 'me', 'now', 'now')`,
    ).run()
    expect(ensureSampleOnFirstStart(db, { created: true, actor: 'me' }).decision).toBe('has-projects')
    expect(count(db, 'SELECT count(*) FROM project')).toBe(1)
    db.close()
  })

  it('is removed in one action and never comes back, even if the hook runs again', () => {
    const path = tempLedgerPath()
    const { db } = firstStart(path)
    const removed = removeSampleData(db, 'desk.officer')
    expect(removed.projects).toBe(portfolio.deals.length)
    for (const table of [
      'project',
      'party',
      'licence',
      'capacity_entry',
      'installed_base',
      'determination',
      'project_status_change',
    ]) {
      expect(count(db, `SELECT count(*) FROM ${table}`), table).toBe(0)
    }
    expect(count(db, 'SELECT count(*) FROM capacity_bucket WHERE committed != 0 OR reserved != 0')).toBe(0)
    expect(verifyAuditChain(db).ok).toBe(true)
    // The ledger is empty again, but the setting row remembers the sample was offered.
    expect(ensureSampleOnFirstStart(db, { created: true, actor: 'desk.officer' }).decision).toBe(
      'already-offered',
    )
    expect(db.prepare('SELECT value FROM setting WHERE key = ?').pluck().get(SAMPLE_SETTING_KEY)).toMatch(
      /"deals":40/,
    )
    db.close()
    const again = firstStart(path)
    expect(again.decision).toBe('existing-ledger')
    expect(count(again.db, 'SELECT count(*) FROM project')).toBe(0)
    again.db.close()
  })
})

describe('session hook', () => {
  it('loads the sample for the window and the browser host, not with --no-sample, the CLI or tests', () => {
    const cases = [
      { host: 'browser' as const, sample: undefined, deals: portfolio.deals.length },
      { host: 'electron' as const, sample: undefined, deals: portfolio.deals.length },
      { host: 'browser' as const, sample: false, deals: 0 },
      { host: 'cli' as const, sample: undefined, deals: 0 },
      { host: 'test' as const, sample: undefined, deals: 0 },
    ]
    for (const c of cases) {
      const session = openSession({
        ledgerPath: tempLedgerPath(),
        host: c.host,
        ...(c.sample === undefined ? {} : { sample: c.sample }),
        actor: 'desk.officer',
      })
      try {
        expect(count(session.ledger, 'SELECT count(*) FROM project'), JSON.stringify(c)).toBe(c.deals)
      } finally {
        session.close()
      }
    }
  })
})

describe('sample desk users', () => {
  it('registers a sample preparer and reviewer, and deactivates them when the sample is removed', () => {
    const db = openLedger(tempLedgerPath())
    ensureSampleOnFirstStart(db, { created: true, actor: 'desk' })
    const users = listUsers(db)
    expect(users.map((u) => [u.name, u.role, u.active])).toEqual([
      ['a.okafor', 'preparer', true],
      ['m.lindqvist', 'reviewer', true],
    ])
    removeSampleData(db, 'desk')
    expect(listUsers(db).every((u) => !u.active)).toBe(true)
    expect(verifyAuditChain(db).ok).toBe(true)
    db.close()
  })
})
