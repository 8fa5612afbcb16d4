import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { mixedBook } from '../../../bench/profile-import'
import { generateBook } from '../../../bench/rules'
import { listAudit, verifyAuditChain } from '../../../electron/db/audit'
import { checkTotals } from '../../../electron/db/capacity'
import { importBook } from '../../../electron/db/interchange'
import type { Ledger } from '../../../electron/db/ledger'
import {
  createDraft,
  getProject,
  listProjects,
  projectDetail,
  statusHistory,
  storedDeterminations,
} from '../../../electron/db/projects'
import { canonicalJson } from '../../../electron/db/statements'
import portfolio from '../../../electron/sample/portfolio.json'
import { lppDeal, openDesk } from './helpers'

/**
 * The import's fast path keeps in memory what the row-by-row path read back from the ledger (the
 * audited project, the audit chain's head, the buckets' running totals). These tests hold it to the
 * ledger itself: what was kept in memory is what a read gives afterwards.
 */

const count = (db: Ledger, sql: string): number => db.prepare(sql).pluck().get() as number

/** Every bucket whose stored totals (TPP, units, entry count) differ from the sums of its entries. */
function totalsOffEntries(db: Ledger): string[] {
  return db
    .prepare(
      `SELECT b.bucket FROM capacity_bucket b LEFT JOIN (
         SELECT bucket, count(*) AS n,
           sum(CASE action WHEN 'commit' THEN tpp ELSE 0 END) AS c,
           sum(CASE action WHEN 'reserve' THEN tpp WHEN 'release' THEN -tpp ELSE 0 END) AS r,
           sum(CASE action WHEN 'commit' THEN units ELSE 0 END) AS cu,
           sum(CASE action WHEN 'reserve' THEN units WHEN 'release' THEN -units ELSE 0 END) AS ru
         FROM capacity_entry GROUP BY bucket) e ON e.bucket = b.bucket
       WHERE b.committed != coalesce(e.c, 0) OR b.reserved != coalesce(e.r, 0) OR b.committed_units != coalesce(e.cu, 0)
         OR b.reserved_units != coalesce(e.ru, 0) OR b.entries != coalesce(e.n, 0)`,
    )
    .pluck()
    .all() as string[]
}

/**
 * Every imported deal traced to its record: the import's audit event names a batch whose stored book
 * hashes to the SHA-256 in the event, and the deal at the project's row of that book is the project
 * (same id, parties, destination, date and lines as the ledger reads them). Returns how many deals.
 */
function importedDealsTraceToTheirBatch(db: Ledger): number {
  const events = db
    .prepare("SELECT entity_id, after FROM audit_event WHERE operation = 'ledger.import' ORDER BY id")
    .all() as Array<{ entity_id: string; after: string }>
  let traced = 0
  for (const e of events) {
    const after = JSON.parse(e.after) as { batch: number; sha256: string; imported: number }
    expect(e.entity_id).toBe(String(after.batch))
    const batch = db.prepare('SELECT * FROM import_batch WHERE id = ?').get(after.batch) as {
      source: string
      sha256: string
      deals: number
    }
    expect(createHash('sha256').update(batch.source).digest('hex')).toBe(after.sha256)
    expect(batch.sha256).toBe(after.sha256)
    const deals = (JSON.parse(batch.source) as { deals: Array<Record<string, unknown>> }).deals
    expect(batch.deals).toBe(deals.length)
    const projects = db
      .prepare('SELECT id, import_row FROM project WHERE import_batch = ? ORDER BY import_row')
      .all(after.batch) as Array<{ id: string; import_row: number }>
    expect(projects).toHaveLength(after.imported)
    for (const { id, import_row } of projects) {
      const source = deals[import_row - 1]!
      const p = getProject(db, id)
      expect(source.id, `row ${import_row}`).toBe(p.id)
      expect([source.consignee, source.destination, source.date]).toEqual([
        p.consignee,
        p.destination,
        p.plannedDate,
      ])
      expect(source.lines).toEqual(p.lines)
      expect(projectDetail(db, id).audit.map((a) => a.operation)[0]).toBe('ledger.import')
      traced++
    }
  }
  return traced
}

/** The sorting replacer canonicalJson used to be: the reference its direct writer must equal. */
const referenceCanonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {}
      for (const k of Object.keys(v as Record<string, unknown>).sort())
        sorted[k] = (v as Record<string, unknown>)[k]
      return sorted
    }
    return v
  })

describe('import fast path', () => {
  it('writes canonical JSON exactly as the sorting replacer did', () => {
    const values: unknown[] = [
      null,
      0,
      -0,
      1.5e300,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      'quote " backslash \\ line\u2028 lone \ud800',
      [undefined, () => 1, Symbol('s'), { b: 2, a: [null] }],
      { z: undefined, y: new Date(0), x: { toJSON: () => ({ d: 1, c: 2 }) } },
      { '10': 'a', '9': 'b', '01': 'c', '': 'd', '4294967295': 'e', '4294967294': 'f', Z: 'g', a: 'h' },
      new Map([[1, 2]]),
      portfolio,
    ]
    for (const v of values) expect(canonicalJson(v)).toBe(referenceCanonical(v))
  })

  it('returns from createDraft the deal exactly as the ledger reads it back', () => {
    const { db, alice } = openDesk()
    const drafts = [
      lppDeal(),
      lppDeal({ site: '', notes: '', endUser: 'Acme Research', certifications: ['us-supply-sufficient'] }),
      lppDeal({
        datacenter: false,
        transaction: 'reexport',
        veu: { kind: 'NVEU', id: 'nveu-1', hq: 'IN' },
        lines: [
          { chip: 'H100', quantity: 2 },
          { chip: { name: 'Custom X', tpp: 5000.4, dieArea: undefined } as never, quantity: 3 },
        ],
      }),
      lppDeal({ lines: Array.from({ length: 20 }, (_, i) => ({ chip: 'B200', quantity: i + 1 })) }),
    ]
    for (const d of drafts) {
      const p = createDraft(db, alice, d)
      expect(p).toEqual(getProject(db, p.id))
      expect(canonicalJson(p)).toBe(canonicalJson(getProject(db, p.id)))
    }
    db.close()
  })

  it('groups quantities in the chips summary as Intl does', () => {
    const { db, alice } = openDesk()
    const quantities = [1, 12, 999, 1000, 10_000, 123_456, 1_234_567, 987_654_321]
    const p = createDraft(
      db,
      alice,
      lppDeal({ lines: quantities.map((quantity) => ({ chip: 'H100', quantity })) }),
    )
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
    expect(listProjects(db).rows.find((r) => r.id === p.id)?.chips).toBe(
      quantities.map((q) => `NVIDIA H100 SXM × ${intl.format(q)}`).join('; '),
    )
    db.close()
  })

  it('imports a generated book with statuses and licences: deals traced to the stored book, totals and chain as the ledger reads them', () => {
    const { db, alice } = openDesk()
    const book = mixedBook(400)
    const r = importBook(db, JSON.stringify(book), alice)
    expect(r.errors).toBeUndefined()
    expect(r.imported).toBe(400)
    expect(importedDealsTraceToTheirBatch(db)).toBe(400)
    expect(checkTotals(db)).toEqual([])
    expect(totalsOffEntries(db)).toEqual([])
    expect(count(db, 'SELECT count(*) FROM capacity_entry')).toBeGreaterThan(50)
    expect(
      count(db, "SELECT count(*) FROM capacity_bucket WHERE kind = 'licence' AND committed_units > 0"),
    ).toBeGreaterThan(0)
    // One status change and (when a pack governs) one stored determination per deal past draft.
    const held = book.deals.find((d) => d.status === 'shipped')!
    expect(statusHistory(db, held.id).map((h) => [h.from, h.to, h.reason])).toEqual([
      ['draft', 'shipped', 'imported'],
    ])
    expect(storedDeterminations(db, held.id)).toHaveLength(1)
    expect(count(db, 'SELECT count(*) FROM project_status_change')).toBe(
      book.deals.filter((d) => d.status !== 'draft').length,
    )
    const chain = verifyAuditChain(db)
    expect(chain.ok).toBe(true)
    // The chain's head was only held for the import: the next event follows it.
    createDraft(db, alice, lppDeal())
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, checked: chain.checked + 1 })
    db.close()
  })

  it('imports the sample portfolio (parties, VEUs, installed base, licences) with the same guarantees, as sample data', () => {
    const { db, alice } = openDesk()
    const r = importBook(db, portfolio, alice, { sample: true })
    expect(r.errors).toBeUndefined()
    expect(importedDealsTraceToTheirBatch(db)).toBe(portfolio.deals.length)
    expect(totalsOffEntries(db)).toEqual([])
    expect(count(db, 'SELECT count(*) FROM capacity_entry WHERE sample = 0')).toBe(0)
    expect(count(db, 'SELECT count(*) FROM determination WHERE sample = 0')).toBe(0)
    expect(count(db, 'SELECT count(*) FROM project_status_change WHERE sample = 0')).toBe(0)
    expect(verifyAuditChain(db).ok).toBe(true)
    db.close()
  })

  it('writes nothing when the last deal fails as it is written, and the chain goes on from its old head', () => {
    const { db, alice } = openDesk()
    const before = listAudit(db, { limit: 1 }).rows[0]!
    const book = mixedBook(200)
    const last = book.deals.reduce((a, b) => (a.date > b.date || (a.date === b.date && a.id > b.id) ? a : b))
    // A failure at the very last write, after 199 deals and their audit events are in the transaction.
    db.exec(
      `CREATE TEMP TRIGGER fail_last BEFORE INSERT ON project WHEN NEW.id = '${last.id}' BEGIN SELECT RAISE(ABORT, 'disk says no'); END`,
    )
    expect(() => importBook(db, JSON.stringify(book), alice)).toThrow('disk says no')
    db.exec('DROP TRIGGER fail_last')
    expect(count(db, 'SELECT count(*) FROM project')).toBe(0)
    expect(count(db, 'SELECT count(*) FROM capacity_entry')).toBe(0)
    expect(listAudit(db, { limit: 1 }).rows[0]).toEqual(before)
    createDraft(db, alice, lppDeal())
    expect(verifyAuditChain(db).ok).toBe(true)
    // And the same book then imports whole.
    expect(importBook(db, JSON.stringify(book), alice)).toMatchObject({ imported: 200 })
    expect(verifyAuditChain(db).ok).toBe(true)
    expect(totalsOffEntries(db)).toEqual([])
    db.close()
  })

  it('trims and validates the ledger extension as before (fast check, zod for the rest)', () => {
    const { db, alice } = openDesk()
    const { licensed: _licensed, ...core } = generateBook(1).deals[0]!
    const deal = (id: string, ext: Record<string, unknown>) => ({ ...core, id, ...ext })
    const bad = importBook(
      db,
      {
        deals: [
          deal('E-1', { name: '' }),
          deal('E-2', { status: 'nope' }),
          deal('E-3', { authorizedTpp: 1.5 }),
        ],
      },
      alice,
    )
    expect(bad.imported).toBe(0)
    expect(bad.errors?.map((e) => [e.row, e.field])).toEqual([
      [1, 'name'],
      [2, 'status'],
      [3, 'authorizedTpp'],
    ])
    const ok = importBook(
      db,
      {
        deals: [
          deal('E-4', { name: '  Padded name ', preparer: ' carol ', status: 'in_review' }),
          deal('E-5', { name: 'Plain', notes: '' }),
        ],
      },
      alice,
    )
    expect(ok.errors).toBeUndefined()
    expect(getProject(db, 'E-4')).toMatchObject({
      name: 'Padded name',
      preparer: 'carol',
      status: 'in_review',
    })
    expect(getProject(db, 'E-5')).toMatchObject({ name: 'Plain', preparer: 'alice', status: 'draft' })
    db.close()
  })
})
