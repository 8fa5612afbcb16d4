import { describe, expect, it } from 'vitest'
import { importBook } from '../../../electron/db/interchange'
import { createLicence, getLicence, recordLicenceUsage } from '../../../electron/db/licences'
import { createDraft, getProject, transition } from '../../../electron/db/projects'
import type { Ledger } from '../../../electron/db/ledger'
import type { Actor } from '../../../electron/db/statements'
import { AppError } from '../../../shared/ipc/result'
import { lppDeal, openDesk, type Desk } from './helpers'

const WALK_LICENCE = {
  number: 'WALK-LIC-MY',
  consignee: 'Walk Datacenter Sdn Bhd',
  destination: 'MY',
  authorizedTpp: 5e8,
  authorizedUnits: 5e4,
}

/** 100 × H100 (1,583,200 TPP) under the licence route, submitted and approved by bob. */
function approvedDeal(desk: Desk, consignee: string, destination: string): string {
  const { db, alice, bob } = desk
  const p = createDraft(
    db,
    alice,
    lppDeal({
      name: `${consignee} cluster`,
      consignee,
      consigneeHq: destination,
      destination,
      authorization: undefined,
      lines: [{ chip: 'H100', quantity: 100 }],
    }),
  )
  transition(db, alice, { id: p.id, to: 'in_review' })
  transition(db, bob, { id: p.id, to: 'approved', reason: 'licence route' })
  return p.id
}

const refusal = (fn: () => unknown): AppError => {
  try {
    fn()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('not refused')
}

/** Every table a licensed step writes to, counted, with the deal's row. */
const written = (db: Ledger, id: string) => ({
  deal: db.prepare('SELECT * FROM project WHERE id = ?').get(id),
  determinations: db.prepare('SELECT count(*) FROM determination').pluck().get(),
  entries: db.prepare('SELECT count(*) FROM capacity_entry').pluck().get(),
  buckets: db.prepare('SELECT * FROM capacity_bucket ORDER BY bucket').all(),
  changes: db.prepare('SELECT count(*) FROM project_status_change').pluck().get(),
  events: db.prepare('SELECT count(*) FROM audit_event').pluck().get(),
  licences: db.prepare('SELECT count(*) FROM licence').pluck().get(),
})

describe('a licence covers only the consignee and destination it names', () => {
  it('refuses to license a deal on a licence issued for another consignee in another country, writing nothing', () => {
    const desk = openDesk()
    const { db, bob } = desk
    createLicence(db, bob, WALK_LICENCE)
    const id = approvedDeal(desk, 'Shenzhen Walk Tech', 'CN')
    const before = written(db, id)

    const error = refusal(() =>
      transition(db, bob, { id, to: 'licensed', licence: { number: 'WALK-LIC-MY' } }),
    )
    expect(error.code).toBe('conflict')
    expect(error.message).toBe(
      `Licence WALK-LIC-MY was issued for Walk Datacenter Sdn Bhd in Malaysia (MY); deal ${id} is for Shenzhen Walk Tech in People's Republic of China (CN). A licence covers only the consignee and destination it names: record the licence granted for this deal.`,
    )
    expect(error.fields).toEqual([
      { path: 'licence.number', message: 'issued for another consignee or destination' },
    ])
    expect(written(db, id)).toEqual(before)
    expect(getProject(db, id)).toMatchObject({ status: 'approved', licensed: false, licenceNumber: null })
    expect(getLicence(db, bob, 'WALK-LIC-MY')).toMatchObject({
      licence: { usedTpp: 0, usedUnits: 0, projects: [] },
      usage: [],
    })
    db.close()
  })

  it('refuses another destination or another consignee alone, and takes the same names spelt otherwise', () => {
    const desk = openDesk()
    const { db, bob } = desk
    createLicence(db, bob, WALK_LICENCE)
    const singapore = approvedDeal(desk, 'Walk Datacenter Sdn Bhd', 'SG')
    expect(
      refusal(() =>
        transition(db, bob, { id: singapore, to: 'licensed', licence: { number: 'WALK-LIC-MY' } }),
      ).message,
    ).toMatch(
      /^Licence WALK-LIC-MY was issued for Walk Datacenter Sdn Bhd in Malaysia \(MY\); deal D-\d+ is for Walk Datacenter Sdn Bhd in Singapore \(SG\)\./,
    )
    const other = approvedDeal(desk, 'Walk Datacenter Berhad', 'MY')
    expect(
      refusal(() => transition(db, bob, { id: other, to: 'licensed', licence: { number: 'WALK-LIC-MY' } }))
        .code,
    ).toBe('conflict')

    // Case and runs of spaces are spelling, not another party (as the rules compare names).
    const same = approvedDeal(desk, '  walk  datacenter SDN Bhd ', 'MY')
    const licensed = transition(db, bob, { id: same, to: 'licensed', licence: { number: 'WALK-LIC-MY' } })
    expect(licensed.project).toMatchObject({ status: 'licensed', licenceNumber: 'WALK-LIC-MY' })
    expect(getLicence(db, bob, 'WALK-LIC-MY').licence).toMatchObject({
      usedTpp: 1_583_200,
      usedUnits: 100,
      projects: [same],
    })
    db.close()
  })

  it('refuses a usage entry drawn on it for another party’s deal through licences.recordUsage', () => {
    const desk = openDesk()
    const { db, bob } = desk
    createLicence(db, bob, WALK_LICENCE)
    const id = approvedDeal(desk, 'Shenzhen Walk Tech', 'CN')
    const use = { number: 'WALK-LIC-MY', tpp: 1_583_200, units: 100, reason: 'shipment' }
    const error = refusal(() => recordLicenceUsage(db, bob, { ...use, action: 'commit', projectId: id }))
    expect(error).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(
        new RegExp(
          `^Licence WALK-LIC-MY was issued for Walk Datacenter Sdn Bhd in Malaysia \\(MY\\); deal ${id} is for Shenzhen Walk Tech in `,
        ),
      ),
      fields: [{ path: 'projectId', message: 'issued for another consignee or destination' }],
    })
    expect(
      refusal(() => recordLicenceUsage(db, bob, { ...use, action: 'reserve', projectId: id })).code,
    ).toBe('conflict')
    expect(getLicence(db, bob, 'WALK-LIC-MY').usage).toEqual([])
    // The licence's own deal may hold it (its Record licence step draws it, not a commit by hand).
    const own = approvedDeal(desk, 'Walk Datacenter Sdn Bhd', 'MY')
    recordLicenceUsage(db, bob, { ...use, action: 'reserve', projectId: own })
    expect(getLicence(db, bob, 'WALK-LIC-MY').licence.reservedTpp).toBe(1_583_200)
    db.close()
  })

  it('records a new licence number for the deal’s own consignee and destination, as before', () => {
    const desk = openDesk()
    const { db, bob } = desk
    const id = approvedDeal(desk, 'Shenzhen Walk Tech', 'CN')
    transition(db, bob, { id, to: 'licensed', licence: { number: 'CN-LIC-1' } })
    expect(getLicence(db, bob, 'CN-LIC-1').licence).toMatchObject({
      consignee: 'Shenzhen Walk Tech',
      destination: 'CN',
      projects: [id],
    })
    db.close()
  })

  it('says what a used-up licence has left and what was asked for with thousands separators', () => {
    const desk = openDesk()
    const { db, bob } = desk
    createLicence(db, bob, { ...WALK_LICENCE, authorizedTpp: 1_000_000, authorizedUnits: 5_000 })
    const id = approvedDeal(desk, 'Walk Datacenter Sdn Bhd', 'MY')
    expect(
      refusal(() => transition(db, bob, { id, to: 'licensed', licence: { number: 'WALK-LIC-MY' } })).message,
    ).toBe(
      'Licence WALK-LIC-MY has 1,000,000 TPP and 5,000 units left; 1,583,200 TPP and 100 units were asked for.',
    )
    db.close()
  })
})

describe('an imported deal naming a licence for another consignee or destination', () => {
  const deal = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    date: '2025-03-10',
    consignee: 'Shenzhen Walk Tech',
    consigneeHq: 'CN',
    parentHq: null,
    destination: 'CN',
    lines: [{ chip: 'H100', quantity: 100 }],
    status: 'licensed',
    preparer: 'alice',
    reviewer: 'bob',
    licenceNumber: 'WALK-LIC-MY',
    ...extra,
  })
  const importAs = (db: Ledger, who: Actor, book: object) => importBook(db, book, who)

  it('is a row error, whether the licence is in the ledger, in the book or recorded by an earlier row', () => {
    const { db, alice, bob } = openDesk()
    createLicence(db, bob, WALK_LICENCE)
    const events = db.prepare('SELECT count(*) FROM audit_event').pluck().get()
    const fromLedger = importAs(db, alice, { deals: [deal('I-1')] })
    expect(fromLedger).toMatchObject({ imported: 0 })
    expect(fromLedger.errors).toEqual([
      {
        row: 1,
        field: 'licenceNumber',
        message:
          "licence WALK-LIC-MY was issued for Walk Datacenter Sdn Bhd in Malaysia (MY); this deal is for Shenzhen Walk Tech in People's Republic of China (CN)",
      },
    ])
    expect(db.prepare('SELECT count(*) FROM audit_event').pluck().get()).toBe(events)
    expect(getLicence(db, bob, 'WALK-LIC-MY').usage).toEqual([])

    const other = openDesk()
    const fromBook = importAs(other.db, other.alice, {
      licences: [{ ...WALK_LICENCE, number: 'BOOK-LIC-MY' }],
      deals: [
        deal('I-1', { licenceNumber: 'BOOK-LIC-MY' }),
        // The first row records LATE-1 for itself; the second names it for another consignee.
        deal('I-2', { licenceNumber: 'LATE-1', authorizedTpp: 5e8 }),
        deal('I-3', {
          licenceNumber: 'LATE-1',
          authorizedTpp: 5e8,
          consignee: 'Dragon AI',
          date: '2025-03-11',
        }),
        deal('I-4', {
          licenceNumber: 'BOOK-LIC-MY',
          consignee: 'walk datacenter  sdn bhd',
          destination: 'MY',
        }),
      ],
    })
    expect(fromBook.errors?.map((e) => [e.row, e.field, e.message.replace(/ was issued.*/, '')])).toEqual([
      [1, 'licenceNumber', 'licence BOOK-LIC-MY'],
      [3, 'licenceNumber', 'licence LATE-1'],
    ])
    other.db.close()
    db.close()
  })
})
