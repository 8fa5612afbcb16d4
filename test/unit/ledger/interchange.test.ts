import { describe, expect, it } from 'vitest'
import { auditCount } from '../../../electron/db/audit'
import { headroomBuckets } from '../../../electron/db/capacity'
import { exportBook, importBook } from '../../../electron/db/interchange'
import { openLedger } from '../../../electron/db/ledger'
import { createDraft, listProjects, transition } from '../../../electron/db/projects'
import { removeSampleData } from '../../../electron/db/sample'
import { tempLedgerPath } from '../helpers/temp-ledger'
import { frozenClock, lppDeal, openDesk } from './helpers'

const deal = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  date: '2025-03-10',
  consignee: 'Acme Cloud India',
  consigneeHq: 'IN',
  parentHq: null,
  destination: 'IN',
  authorization: 'LPP',
  lines: [{ chip: 'H100', quantity: 100 }],
  ...extra,
})

const snapshot = (db: ReturnType<typeof openDesk>['db']) => ({
  projects: db.prepare('SELECT count(*) FROM project').pluck().get(),
  entries: db.prepare('SELECT count(*) FROM capacity_entry').pluck().get(),
  buckets: db.prepare('SELECT count(*) FROM capacity_bucket').pluck().get(),
  parties: db.prepare('SELECT count(*) FROM party').pluck().get(),
  audit: auditCount(db),
})

describe('deal-book interchange', () => {
  it('imports all or nothing: a bad row in the middle leaves the ledger unchanged and is reported', () => {
    const { db, alice } = openDesk()
    const before = snapshot(db)
    const book = {
      parties: [{ name: 'Acme Cloud India', hq: 'IN', parentHq: null }],
      deals: [
        deal('A-1', { status: 'in_review' }),
        deal('A-2', { lines: [{ chip: 'H100', quantity: 0 }] }),
        deal('A-3', { status: 'shipped', reviewer: 'bob', preparer: 'alice' }),
      ],
    }
    const r = importBook(db, JSON.stringify(book), alice)
    expect(r.imported).toBe(0)
    expect(r.errors).toEqual([{ row: 2, field: 'lines.0.quantity', message: 'must be at least 1' }])
    expect(snapshot(db)).toEqual(before)
    // A ledger-level error (four eyes) also stops the whole book.
    const selfReviewed = {
      deals: [deal('B-1'), deal('B-2', { status: 'approved', preparer: 'alice', reviewer: 'alice' })],
    }
    expect(importBook(db, selfReviewed, alice).errors).toEqual([
      { row: 2, field: 'reviewer', message: 'alice prepared this deal and cannot also be its reviewer' },
    ])
    expect(snapshot(db)).toEqual(before)
    db.close()
  })

  it('imports statuses with their capacity, and round-trips export → import → export', () => {
    const { db, alice, bob } = openDesk()
    const p = createDraft(
      db,
      alice,
      lppDeal({ endUser: 'Acme Research', site: 'Mumbai DC-2', notes: 'rack 4' }),
    )
    transition(db, alice, { id: p.id, to: 'in_review' })
    transition(db, bob, { id: p.id, to: 'approved', reason: 'ok' })
    transition(db, bob, {
      id: p.id,
      to: 'licensed',
      licence: { number: 'L-2025-001', authorizedTpp: 20_000_000 },
    })
    const q = createDraft(
      db,
      alice,
      lppDeal({
        name: 'second',
        lines: [
          { chip: 'nvidia-h100-sxm', quantity: 10 },
          { chip: { name: 'Custom X', tpp: 5000.4 }, quantity: 3 },
        ],
      }),
    )
    transition(db, alice, { id: q.id, to: 'in_review' })
    createDraft(db, alice, lppDeal({ name: 'a draft', destination: 'AE', consignee: 'Gulf AI' }))
    const now = frozenClock('2026-01-01T00:00:00.000Z')
    const first = exportBook(db, { now })
    expect(first.deals.map((d) => d.status)).toEqual(['licensed', 'in_review', 'draft'])

    const path = tempLedgerPath()
    const other = openLedger(path)
    const r = importBook(other, JSON.stringify(first), { name: 'alice', now })
    expect(r).toMatchObject({ imported: 3 })
    expect(r.errors).toBeUndefined()
    const second = exportBook(other, { now: frozenClock('2026-01-01T00:00:00.000Z') })
    expect(second).toEqual(first)
    // The same capacity, bucket by bucket.
    const totals = (d: typeof db) =>
      headroomBuckets(d).map((b) => [b.bucket, b.limit, b.committed, b.reserved, b.committedUnits])
    expect(totals(other)).toEqual(totals(db))
    other.close()
    db.close()
  })

  it('marks imported data as sample and removes it in one action, leaving the desk’s own deals and an intact chain', () => {
    const { db, alice } = openDesk()
    const own = createDraft(db, alice, lppDeal())
    transition(db, alice, { id: own.id, to: 'in_review' })
    const r = importBook(
      db,
      { deals: [deal('S-1', { status: 'shipped', preparer: 'alice', reviewer: 'bob' }), deal('S-2')] },
      alice,
      { sample: true },
    )
    expect(r.imported).toBe(2)
    expect(listProjects(db, { sample: true }).total).toBe(2)
    const bucket = () => headroomBuckets(db, { kind: 'lpp' })[0]!
    expect(bucket()).toMatchObject({ committed: 1_583_200, reserved: 15_832_000 })
    expect(removeSampleData(db, alice)).toEqual({ projects: 2, parties: 0 })
    expect(listProjects(db).rows.map((p) => p.id)).toEqual([own.id])
    expect(bucket()).toMatchObject({ committed: 0, reserved: 15_832_000 })
    db.close()
  })

  it('reads the CSV interchange format', () => {
    const { db, alice } = openDesk()
    const csv =
      'id,date,consignee,consigneeHq,parentHq,destination,authorization,chip,quantity\nC-1,2025-03-10,Acme,IN,,IN,LPP,H100,10\nC-1,2025-03-10,Acme,IN,,IN,LPP,B200,2\n'
    const r = importBook(db, csv, alice, { format: 'csv' })
    expect(r.errors).toBeUndefined()
    expect(listProjects(db).rows[0]).toMatchObject({ id: 'C-1', units: 12, status: 'draft' })
    db.close()
  })
})
