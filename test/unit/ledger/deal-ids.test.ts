import { describe, expect, it } from 'vitest'
import { createDraft, deleteDraft, projectDetail, PROJECT_ID_AUDITED } from '../../../electron/db/projects'
import { lppDeal, openDesk } from './helpers'

/**
 * A deal's memo and audit extract read its events by id, and a deleted draft's events stay in the
 * trail: an id given again would hand the new deal the deleted one's history.
 */
describe('generated deal ids are never given twice', () => {
  it('passes over the ids of deleted drafts, the newest or all of them', () => {
    const { db, alice } = openDesk()
    const a = createDraft(db, alice, lppDeal({ name: 'first' }))
    const b = createDraft(db, alice, lppDeal({ name: 'second' }))
    expect([a.id, b.id]).toEqual(['D-000001', 'D-000002'])
    deleteDraft(db, alice, b.id)
    const c = createDraft(db, alice, lppDeal({ name: 'third' }))
    expect(c.id).toBe('D-000003')
    // Its history is its own: nothing of the deleted D-000002, nor of anything else.
    expect(projectDetail(db, c.id).audit.map((e) => [e.operation, e.entityId])).toEqual([
      ['project.create', 'D-000003'],
    ])
    expect(projectDetail(db, c.id).project.name).toBe('third')

    // With every deal deleted, numbering does not start again at 1.
    deleteDraft(db, alice, a.id)
    deleteDraft(db, alice, c.id)
    expect(db.prepare('SELECT count(*) FROM project').pluck().get()).toBe(0)
    const d = createDraft(db, alice, lppDeal({ name: 'fourth' }))
    expect(d.id).toBe('D-000004')
    expect(projectDetail(db, d.id).audit.map((e) => e.entityId)).toEqual(['D-000004'])
    db.close()
  })

  it('passes over an id the desk gave a deal it then deleted', () => {
    const { db, alice } = openDesk()
    const given = createDraft(db, alice, { ...lppDeal({ name: 'given' }), id: 'D-000002' })
    deleteDraft(db, alice, given.id)
    const ids = [1, 2, 3].map((i) => createDraft(db, alice, lppDeal({ name: `deal ${i}` })).id)
    expect(ids).toEqual(['D-000001', 'D-000003', 'D-000004'])
    db.close()
  })

  it('asks the audit trail by its (entity, entity_id) index, one lookup per id', () => {
    const { db } = openDesk()
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN ${PROJECT_ID_AUDITED}`).all('D-000001') as Array<{
        detail: string
      }>
    ).map((r) => r.detail)
    expect(plan).toEqual([
      'SEARCH audit_event USING COVERING INDEX audit_event_entity (entity=? AND entity_id=?)',
    ])
    db.close()
  })
})
