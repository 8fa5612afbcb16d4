import { describe, expect, it } from 'vitest'
import { checkTotals, entriesFor, headroomOf } from '../../../electron/db/capacity'
import { exportBook, importBook } from '../../../electron/db/interchange'
import { createDraft, transition } from '../../../electron/db/projects'
import { lppDeal, openDesk } from './helpers'

const LPP = 'lpp:Acme Cloud India:2025'
const INDIA = 'country:IN'
const TPP = 15_832_000 // 1,000 H100

/**
 * A deal's route can change between submission and approval. Submitted while the consignee's LPP is
 * held by another deal, it needs a licence and is reserved against the country allocation; that deal
 * cancelled, approval finds the LPP free and approves it under LPP, and it ships under LPP. The
 * capacity must follow the decision taken: the LPP is used, the allocation is not.
 */
describe('a reservation follows the route approval decides', () => {
  it('moves the reservation to the LPP when approval finds it free, and ships it there', () => {
    const { db, alice, bob } = openDesk()
    const first = createDraft(db, alice, lppDeal({ name: 'first' }))
    const second = createDraft(db, alice, lppDeal({ name: 'second' }))
    transition(db, alice, { id: first.id, to: 'in_review' })
    const submitted = transition(db, alice, { id: second.id, to: 'in_review' })
    expect(submitted.determination).toMatchObject({ authorization: 'LICENSE', licenseRequired: true })
    expect(headroomOf(db, INDIA)).toMatchObject({ reserved: TPP })

    transition(db, alice, { id: first.id, to: 'cancelled', reason: 'customer withdrew' })
    const approved = transition(db, bob, { id: second.id, to: 'approved', reason: 'within the LPP year' })
    expect(approved.determination).toMatchObject({ authorization: 'LPP', licenseRequired: false })
    expect(headroomOf(db, LPP)).toMatchObject({ reserved: TPP, committed: 0 })
    expect(headroomOf(db, INDIA)).toMatchObject({ reserved: 0, committed: 0 })

    transition(db, bob, { id: second.id, to: 'shipped', reason: 'shipped under LPP' })
    expect(headroomOf(db, LPP)).toMatchObject({ reserved: 0, committed: TPP, remaining: 26_900_000 - TPP })
    expect(headroomOf(db, INDIA)).toMatchObject({ reserved: 0, committed: 0 })
    // Corrections are new entries: nothing was rewritten.
    expect(entriesFor(db, { projectId: second.id }).map((e) => `${e.action} ${e.bucket} ${e.tpp}`)).toEqual([
      `reserve ${INDIA} ${TPP}`,
      `release ${INDIA} ${TPP}`,
      `reserve ${LPP} ${TPP}`,
      `release ${LPP} ${TPP}`,
      `commit ${LPP} ${TPP}`,
    ])
    expect(checkTotals(db)).toEqual([])
  })

  it('leaves the reservation alone when approval decides as submission did', () => {
    const { db, alice, bob } = openDesk()
    const p = createDraft(db, alice, lppDeal())
    transition(db, alice, { id: p.id, to: 'in_review' })
    transition(db, bob, { id: p.id, to: 'approved', reason: 'within the LPP year' })
    expect(entriesFor(db, { projectId: p.id }).map((e) => e.action)).toEqual(['reserve'])
  })

  it('moves a deal approved under LPP and then licensed to the country allocation, as an import of it records', () => {
    const { db, alice, bob } = openDesk()
    const p = createDraft(db, alice, lppDeal())
    transition(db, alice, { id: p.id, to: 'in_review' })
    transition(db, bob, { id: p.id, to: 'approved', reason: 'within the LPP year' })
    expect(headroomOf(db, LPP)).toMatchObject({ reserved: TPP })
    const licensed = transition(db, bob, { id: p.id, to: 'licensed', licence: { number: 'L-IN-1' } })
    // Shipped under the licence: licensed TPP counts against the allocation, the LPP year is not used.
    expect(licensed.determination).toMatchObject({ authorization: 'LICENSE' })
    expect(licensed.determination!.caps.find((c) => c.bucket === INDIA)).toMatchObject({ counted: true })
    expect(headroomOf(db, LPP)).toMatchObject({ reserved: 0, committed: 0, remaining: 26_900_000 })
    expect(headroomOf(db, INDIA)).toMatchObject({ reserved: 0, committed: TPP })
    expect(entriesFor(db, { projectId: p.id }).map((e) => `${e.action} ${e.bucket} ${e.tpp}`)).toEqual([
      `reserve ${LPP} ${TPP}`,
      `release ${LPP} ${TPP}`,
      `reserve ${INDIA} ${TPP}`,
      `release ${INDIA} ${TPP}`,
      `commit ${INDIA} ${TPP}`,
      `commit licence:L-IN-1 ${TPP}`,
    ])
    expect(checkTotals(db)).toEqual([])

    // The same deal imported from the ledger's own export holds the same capacity.
    const other = openDesk()
    expect(importBook(other.db, exportBook(db), alice).errors).toBeUndefined()
    expect(headroomOf(other.db, LPP)?.committed ?? 0).toBe(0)
    expect(headroomOf(other.db, INDIA)).toMatchObject({ reserved: 0, committed: TPP })
    db.close()
    other.db.close()
  })
})
