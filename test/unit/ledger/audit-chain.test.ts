import { describe, expect, it } from 'vitest'
import { GENESIS_HASH, verifyAuditChain } from '../../../electron/db/audit'
import type { Ledger } from '../../../electron/db/ledger'
import { createDraft, transition } from '../../../electron/db/projects'
import { lppDeal, openDesk } from './helpers'

/** What a tamperer with the file does first: the triggers only stop accidents. */
const dropGuards = (db: Ledger) =>
  db.exec('DROP TRIGGER audit_event_no_update; DROP TRIGGER audit_event_no_delete;')

function deskWithHistory() {
  const desk = openDesk()
  const p = createDraft(desk.db, desk.alice, lppDeal())
  transition(desk.db, desk.alice, { id: p.id, to: 'in_review' })
  transition(desk.db, desk.bob, { id: p.id, to: 'approved', reason: 'ok' })
  return desk
}

describe('audit chain', () => {
  it('verifies an untouched chain and reports its head hash', () => {
    const { db } = deskWithHistory()
    const r = verifyAuditChain(db)
    expect(r).toMatchObject({ ok: true, checked: 6 })
    expect(r.headHash).toBe(db.prepare('SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1').pluck().get())
    expect(r.headHash).not.toBe(GENESIS_HASH)
    db.close()
  })

  it('names an edited event', () => {
    const { db } = deskWithHistory()
    dropGuards(db)
    db.prepare("UPDATE audit_event SET actor = 'carol' WHERE id = 6").run()
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      firstBadEventId: 6,
      checked: 5,
      reason: expect.stringMatching(/changed after it was recorded/),
    })
    db.close()
  })

  it('names a deleted event, in the middle and at the end, one or several', () => {
    /** The chain's verdict after deleting events behind the triggers' back. */
    const without = (where: string) => {
      const { db } = deskWithHistory()
      dropGuards(db)
      db.exec(`DELETE FROM audit_event WHERE ${where}`)
      const r = verifyAuditChain(db)
      db.close()
      return r
    }
    expect(without('id = 4')).toMatchObject({
      ok: false,
      firstBadEventId: 5,
      reason: 'Audit event #5 follows event #3, so event #4 is missing: deleted from the ledger.',
    })
    expect(without('id = 6')).toMatchObject({
      ok: false,
      firstBadEventId: 6,
      reason: 'Audit event #6 was recorded but is missing: the newest event was deleted.',
    })
    expect(without('id IN (2, 3)').reason).toBe(
      'Audit event #4 follows event #1, so events #2–#3 are missing: deleted from the ledger.',
    )
    expect(without('id >= 5').reason).toBe(
      'Audit events #5–#6 were recorded but are missing: the newest events were deleted.',
    )
  })

  it('names reordered events, even when the whole rows (hashes included) are swapped', () => {
    const { db } = deskWithHistory()
    dropGuards(db)
    // Swap the content of events 4 and 5, keeping ids in order.
    db.exec(`
      CREATE TEMP TABLE t AS SELECT * FROM audit_event WHERE id IN (4, 5);
      DELETE FROM audit_event WHERE id IN (4, 5);
      INSERT INTO audit_event SELECT CASE id WHEN 4 THEN 5 ELSE 4 END, at, actor, operation, entity, entity_id, before, after, pack_id, prev_hash, hash FROM t;
    `)
    const r = verifyAuditChain(db)
    expect(r).toMatchObject({ ok: false, firstBadEventId: 4 })
    expect(r.reason).toMatch(/chain link is broken|changed after/)
    db.close()
  })
})
