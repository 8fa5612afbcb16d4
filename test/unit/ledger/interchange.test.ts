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

  it('refuses a deal whose TPP the ledger cannot record exactly, naming its row and lines, and writes nothing', () => {
    const { db, alice } = openDesk()
    const before = snapshot(db)
    // 1.5e18 TPP: past 2^53 a double drops whole numbers, and SQLite refused a larger one as an internal error.
    const monster = { name: 'Monster', tpp: 15_000_000_000_000 }
    const r = importBook(
      db,
      {
        deals: [
          deal('T-1'),
          deal('T-2', { authorization: 'LICENSE', lines: [{ chip: monster, quantity: 100_000 }] }),
        ],
      },
      alice,
    )
    expect(r.imported).toBe(0)
    expect(r.errors).toEqual([
      {
        row: 2,
        field: 'lines',
        message: expect.stringMatching(
          /more than the ledger records exactly \(at most 9,007,199,254,740,991\)/,
        ),
      },
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
    // Sample data beside the desk's own: a shipped deal under a licence, with its party, chip,
    // installed base and licence. It must come back as sample data, not as the desk's records.
    const sampleBook = {
      parties: [{ name: 'Demo Cloud', hq: 'IN', parentHq: null }],
      chips: [{ id: 'demo-x', name: 'Demo X', tpp: 4000 }],
      installedBase: [{ veu: 'UVEU-DEMO', country: 'IN', tpp: 1000 }],
      licences: [{ number: 'L-DEMO-1', authorizedTpp: 9_000_000, authorizedUnits: 100 }],
      deals: [
        deal('SMPL-1', {
          consignee: 'Demo Cloud',
          status: 'shipped',
          preparer: 'alice',
          reviewer: 'bob',
          licenceNumber: 'L-DEMO-1',
          lines: [{ chip: 'Demo X', quantity: 10 }],
        }),
      ],
    }
    expect(importBook(db, sampleBook, alice, { sample: true }).errors).toBeUndefined()
    // The desk's own installed base for the same VEU and country stays apart from the sample's.
    expect(
      importBook(db, { deals: [], installedBase: [{ veu: 'UVEU-DEMO', country: 'IN', tpp: 7 }] }, alice)
        .errors,
    ).toBeUndefined()
    const now = frozenClock('2026-01-01T00:00:00.000Z')
    const first = exportBook(db, { now })
    expect(first.deals.map((d) => [d.id, d.status, d.sample])).toEqual([
      [p.id, 'licensed', undefined],
      [q.id, 'in_review', undefined],
      [expect.any(String), 'draft', undefined],
      ['SMPL-1', 'shipped', true],
    ])
    expect(first.parties).toContainEqual({ name: 'Demo Cloud', hq: 'IN', parentHq: null, sample: true })
    expect(first.chips).toEqual([expect.objectContaining({ id: 'demo-x', sample: true })])
    expect(first.installedBase).toEqual([
      { veu: 'UVEU-DEMO', country: 'IN', tpp: 7 },
      { veu: 'UVEU-DEMO', country: 'IN', tpp: 1000, sample: true },
    ])
    expect((first as unknown as { licences: Array<{ number: string; sample?: true }> }).licences).toEqual([
      expect.objectContaining({ number: 'L-2025-001' }),
      expect.objectContaining({ number: 'L-DEMO-1', sample: true }),
    ])
    expect((first as unknown as { licences: Array<{ sample?: true }> }).licences[0]!.sample).toBeUndefined()

    const path = tempLedgerPath()
    const other = openLedger(path)
    const r = importBook(other, JSON.stringify(first), { name: 'alice', now })
    expect(r).toMatchObject({ imported: 4 })
    expect(r.errors).toBeUndefined()
    const second = exportBook(other, { now: frozenClock('2026-01-01T00:00:00.000Z') })
    expect(second).toEqual(first)
    // The same capacity, bucket by bucket.
    const totals = (d: typeof db) =>
      headroomBuckets(d).map((b) => [b.bucket, b.limit, b.committed, b.reserved, b.committedUnits])
    expect(totals(other)).toEqual(totals(db))
    // The same rows marked sample, table by table, in both ledgers.
    const sampleRows = (d: typeof db) =>
      [
        'project',
        'project_status_change',
        'determination',
        'capacity_entry',
        'party',
        'chip',
        'installed_base',
        'licence',
      ].map((t) => [t, d.prepare(`SELECT count(*) FROM ${t} WHERE sample = 1`).pluck().get()])
    expect(sampleRows(other)).toEqual(sampleRows(db))
    expect(Object.fromEntries(sampleRows(other))).toMatchObject({ project: 1, party: 1, chip: 1, licence: 1 })
    // Removing the sample data from the new ledger leaves the desk's own deals, as in the first.
    expect(removeSampleData(other, { name: 'alice', now })).toEqual({ projects: 1, parties: 1 })
    expect(
      listProjects(other)
        .rows.map((x) => x.id)
        .sort(),
    ).toEqual([p.id, q.id, first.deals[2]!.id].sort())
    expect(exportBook(other, { now }).deals).toEqual(first.deals.slice(0, 3))
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

  it('records a shipped status the rules contradict as the book gives it, and warns by row', () => {
    const { db, alice } = openDesk()
    const shipped = { status: 'shipped', preparer: 'alice', reviewer: 'bob' }
    const book = {
      deals: [
        deal('W-1', shipped),
        deal('W-2', { ...shipped, consignee: 'Dragon AI', consigneeHq: 'CN', destination: 'CN' }),
        deal('W-3', {
          ...shipped,
          consignee: 'Dragon AI',
          consigneeHq: 'CN',
          destination: 'CN',
          licenceNumber: 'L-9',
          authorizedTpp: 2_000_000,
        }),
        deal('W-4', { consignee: 'Dragon AI', consigneeHq: 'CN', destination: 'CN' }),
      ],
    }
    const r = importBook(db, book, alice)
    expect(r.errors).toBeUndefined()
    expect(r.imported).toBe(4)
    const outcome = db.prepare("SELECT outcome FROM project WHERE id = 'W-2'").pluck().get() as string
    expect(['license_required', 'likely_denied']).toContain(outcome)
    const words = outcome === 'likely_denied' ? 'likely denied' : 'licence required'
    const pack = db.prepare("SELECT eval_pack_id FROM project WHERE id = 'W-2'").pluck().get() as string
    // W-1 ships under LPP, W-3 under its licence, W-4 is a draft: only W-2 is contradicted.
    expect(r.warnings).toEqual([
      {
        row: 2,
        field: 'status',
        message: `recorded as shipped as the book gives it, though the determination under ${pack} is ${words} and the book gives no licence`,
      },
    ])
    expect(listProjects(db).rows.find((p) => p.id === 'W-2')).toMatchObject({ status: 'shipped' })
    db.close()
  })

  it('reports ids already in the ledger beside the book’s own errors (duplicates, shapes), all at once', () => {
    const { db, alice } = openDesk()
    expect(importBook(db, { deals: [deal('D-1'), deal('D-2')] }, alice).imported).toBe(2)
    const before = snapshot(db)
    const book = {
      deals: [
        deal('N-1'),
        deal('N-1'),
        deal('D-1'),
        deal(' D-2 ', { lines: [{ chip: 'H100', quantity: 0 }] }),
      ],
    }
    const r = importBook(db, JSON.stringify(book), alice)
    expect(r.imported).toBe(0)
    expect(r.errors).toEqual([
      { row: 2, field: 'id', message: 'duplicate deal id "N-1"' },
      { row: 3, field: 'id', message: 'deal D-1 is already in the ledger' },
      { row: 4, field: 'lines.0.quantity', message: 'must be at least 1' },
      { row: 4, field: 'id', message: 'deal D-2 is already in the ledger' },
    ])
    expect(snapshot(db)).toEqual(before)
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
