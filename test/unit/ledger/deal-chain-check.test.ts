import { describe, expect, it } from 'vitest'
import { checkDealsAgainstChain } from '../../../electron/db/deal-chain-check'
import { createDraft, deleteDraft, transition, updateDraft } from '../../../electron/db/projects'
import { lppDeal, openDesk } from './helpers'

/** A desk whose deals went through the app: edited, submitted, approved, licensed, shipped, deleted. */
function deskWithDeals() {
  const desk = openDesk()
  const { db, alice, bob } = desk
  const lpp = createDraft(db, alice, lppDeal())
  updateDraft(db, alice, {
    ...lppDeal({ destination: 'MY', consigneeHq: 'MY' }),
    id: lpp.id,
    version: lpp.version,
  })
  transition(db, alice, { id: lpp.id, to: 'in_review' })
  transition(db, bob, { id: lpp.id, to: 'approved', reason: 'within the LPP year' })
  const lic = createDraft(
    db,
    alice,
    lppDeal({ name: 'licensed', consignee: 'Other Co', authorization: 'LICENSE' }),
  )
  transition(db, alice, { id: lic.id, to: 'in_review' })
  transition(db, bob, { id: lic.id, to: 'approved', reason: 'apply' })
  transition(db, bob, { id: lic.id, to: 'licensed', licence: { number: 'L-2025-7' } })
  transition(db, bob, { id: lic.id, to: 'shipped', reason: 'shipped under L-2025-7' })
  const gone = createDraft(db, alice, lppDeal({ name: 'dropped' }))
  deleteDraft(db, alice, gone.id)
  return { ...desk, lpp: lpp.id, lic: lic.id }
}

describe('deal rows against the audit chain', () => {
  it('finds every deal changed through the app as the chain recorded it', () => {
    const { db } = deskWithDeals()
    expect(checkDealsAgainstChain(db)).toEqual({ checked: 2, importedOnly: 0, mismatch: null })
    db.close()
  })

  it('names the first deal whose row was changed outside the app, the field and what the chain says', () => {
    const { db, lpp, lic } = deskWithDeals()
    db.prepare("UPDATE project SET destination = 'IN' WHERE id = ?").run(lpp)
    db.prepare("UPDATE project SET status = 'approved' WHERE id = ?").run(lic)
    expect(checkDealsAgainstChain(db).mismatch).toMatchObject({
      dealId: [lpp, lic].sort()[0],
      field: [lpp, lic].sort()[0] === lpp ? 'destination' : 'status',
    })
    db.prepare("UPDATE project SET destination = 'MY' WHERE id = ?").run(lpp)
    expect(checkDealsAgainstChain(db).mismatch).toMatchObject({
      dealId: lic,
      field: 'status',
      recorded: 'shipped',
      found: 'approved',
    })
    db.prepare("UPDATE project SET status = 'shipped', lines = ? WHERE id = ?").run(
      JSON.stringify([{ chip: 'H100', quantity: 10 }]),
      lic,
    )
    expect(checkDealsAgainstChain(db).mismatch).toMatchObject({ dealId: lic, field: 'lines' })
    db.close()
  })
})
