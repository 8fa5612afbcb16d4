import { describe, expect, it } from 'vitest'
import { headroomOf } from '../../../electron/db/capacity'
import {
  createDraft,
  deleteDraft,
  getProject,
  projectDetail,
  transition,
  updateDraft,
} from '../../../electron/db/projects'
import { AppError } from '../../../shared/ipc/result'
import { lppDeal, openDesk } from './helpers'

const code = (fn: () => unknown): string => {
  try {
    fn()
  } catch (error) {
    return error instanceof AppError ? `${error.code}: ${error.message}` : String(error)
  }
  return 'no error'
}

describe('deal lifecycle', () => {
  it('refuses self-approval, approval by a preparer, a missing reason and steps off the lifecycle', () => {
    const { db, alice, bob } = openDesk()
    const p = createDraft(db, alice, lppDeal())
    expect(code(() => transition(db, alice, { id: p.id, to: 'approved', reason: 'ok' }))).toMatch(
      /^conflict: .*cannot move to approved/,
    )
    transition(db, alice, { id: p.id, to: 'in_review' })
    expect(code(() => transition(db, alice, { id: p.id, to: 'approved', reason: 'fine' }))).toMatch(
      /^forbidden: alice is a preparer/,
    )
    expect(code(() => transition(db, bob, { id: p.id, to: 'approved' }))).toMatch(
      /^invalid_input: A reason is required/,
    )
    // bob prepares his own deal: a reviewer cannot approve his own work either.
    const own = createDraft(db, bob, lppDeal({ consignee: 'Other Co', name: 'own' }))
    transition(db, bob, { id: own.id, to: 'in_review' })
    expect(code(() => transition(db, bob, { id: own.id, to: 'approved', reason: 'mine' }))).toBe(
      'forbidden: Approval refused: bob prepared this deal; a different reviewer must approve it.',
    )
    const approved = transition(db, bob, { id: p.id, to: 'approved', reason: 'within LPP' })
    expect(approved.project).toMatchObject({ status: 'approved', reviewer: 'bob', preparer: 'alice' })
    const detail = projectDetail(db, p.id)
    expect(detail.history.map((h) => `${h.from}>${h.to}:${h.actor}`)).toEqual([
      'draft>in_review:alice',
      'in_review>approved:bob',
    ])
    expect(detail.determinations.map((d) => [d.stage, d.packId])).toEqual([
      ['submit', 'us-ai-diffusion-2025'],
      ['approve', 'us-ai-diffusion-2025'],
    ])
    expect(detail.determinations[0]!.packHash).toMatch(/^[0-9a-f]{64}$/)
    expect(detail.determinations[0]!.determination.authorization).toBe('LPP')
    expect(detail.next).toEqual(['licensed', 'shipped', 'cancelled'])
    db.close()
  })

  it('records a lifecycle step only under the pack in force on the deal date, pinned or not', () => {
    const { db, alice } = openDesk()
    // 2026-03-01: us-advanced-computing-2026 governs; pinning the diffusion pack is a way of looking.
    const p = createDraft(db, alice, lppDeal({ plannedDate: '2026-03-01' }))
    const entries = () => db.prepare('SELECT count(*) FROM capacity_entry').pluck().get()
    expect(
      code(() => transition(db, alice, { id: p.id, to: 'in_review', packId: 'us-ai-diffusion-2025' })),
    ).toBe(
      `invalid_input: Deal ${p.id} is planned for 2026-03-01, when us-advanced-computing-2026 is in force, but the header pins us-ai-diffusion-2025. A lifecycle step is recorded under the pack in force: set the header's rule pack to Auto and review the determination first.`,
    )
    expect(getProject(db, p.id).status).toBe('draft')
    expect(entries()).toBe(0)
    // The pack in force, pinned or by the timeline, records.
    transition(db, alice, { id: p.id, to: 'in_review', packId: 'us-advanced-computing-2026' })
    expect(projectDetail(db, p.id).determinations.map((d) => d.packId)).toEqual([
      'us-advanced-computing-2026',
    ])
    // On a date no pack governs, a pinned pack stands in, as it does for evaluation.
    const early = createDraft(db, alice, lppDeal({ plannedDate: '2023-06-01', name: 'early' }))
    expect(code(() => transition(db, alice, { id: early.id, to: 'in_review' }))).toMatch(
      /^invalid_input: No rule pack governs 2023-06-01; pin a pack/,
    )
    transition(db, alice, { id: early.id, to: 'in_review', packId: 'us-advanced-computing-2025-05' })
    expect(projectDetail(db, early.id).determinations.map((d) => d.packId)).toEqual([
      'us-advanced-computing-2025-05',
    ])
    db.close()
  })

  it('edits only drafts and returned deals, with a version check, and deletes only unsubmitted drafts', () => {
    const { db, alice, bob } = openDesk()
    const p = createDraft(db, alice, lppDeal())
    const v2 = updateDraft(db, alice, { ...lppDeal({ name: 'renamed' }), id: p.id, version: 1 })
    expect(v2.version).toBe(2)
    expect(code(() => updateDraft(db, alice, { ...lppDeal(), id: p.id, version: 1 }))).toMatch(
      /^conflict: .*changed by someone else/,
    )
    transition(db, alice, { id: p.id, to: 'in_review' })
    expect(code(() => updateDraft(db, alice, { ...lppDeal(), id: p.id, version: 2 }))).toMatch(
      /^conflict: .*only a draft or a returned deal/,
    )
    expect(code(() => deleteDraft(db, alice, p.id))).toMatch(/^forbidden: .*cancel it instead/)
    transition(db, bob, { id: p.id, to: 'returned', reason: 'wrong quantity' })
    expect(
      updateDraft(db, alice, {
        ...lppDeal({ lines: [{ chip: 'H100', quantity: 500 }] }),
        id: p.id,
        version: 2,
      }).version,
    ).toBe(3)
    const draft = createDraft(db, alice, lppDeal({ name: 'scratch' }))
    deleteDraft(db, alice, draft.id)
    expect(code(() => getProject(db, draft.id))).toMatch(/^not_found/)
    db.close()
  })

  it('reserves on submit, keeps on approval, commits on shipping and releases on return, rejection and cancellation', () => {
    const { db, alice, bob } = openDesk()
    const bucket = 'lpp:Acme Cloud India:2025'
    const limit = 26_900_000
    const a = createDraft(db, alice, lppDeal({ lines: [{ chip: 'H100', quantity: 500 }] })) // 7,916,000 TPP
    const b = createDraft(db, alice, lppDeal({ lines: [{ chip: 'H100', quantity: 300 }] })) // 4,749,600 TPP
    const c = createDraft(db, alice, lppDeal({ lines: [{ chip: 'H100', quantity: 100 }] })) // 1,583,200 TPP
    expect(headroomOf(db, bucket)).toBeUndefined() // drafts hold nothing
    for (const p of [a, b, c]) transition(db, alice, { id: p.id, to: 'in_review' })
    expect(headroomOf(db, bucket)).toMatchObject({
      limit,
      committed: 0,
      reserved: 14_248_800,
      remaining: limit - 14_248_800,
    })
    transition(db, bob, { id: a.id, to: 'approved', reason: 'ok' })
    transition(db, bob, { id: a.id, to: 'shipped' })
    expect(headroomOf(db, bucket)).toMatchObject({
      committed: 7_916_000,
      reserved: 6_332_800,
      remaining: limit - 14_248_800,
    })
    transition(db, bob, { id: b.id, to: 'returned', reason: 'fix the site' })
    transition(db, bob, { id: c.id, to: 'rejected', reason: 'end user concern' })
    expect(headroomOf(db, bucket)).toMatchObject({
      committed: 7_916_000,
      reserved: 0,
      remaining: limit - 7_916_000,
    })
    transition(db, alice, { id: b.id, to: 'in_review' })
    transition(db, alice, { id: b.id, to: 'cancelled', reason: 'customer withdrew' })
    const h = headroomOf(db, bucket)!
    expect(h).toMatchObject({
      committed: 7_916_000,
      reserved: 0,
      remaining: limit - 7_916_000,
      pctUsed: 29.43,
      alertLevel: 'none',
    })
    // The running totals equal the sum of the entries.
    const sums = db
      .prepare(
        `SELECT sum(CASE action WHEN 'commit' THEN tpp ELSE 0 END) AS c, sum(CASE action WHEN 'reserve' THEN tpp WHEN 'release' THEN -tpp ELSE 0 END) AS r
         FROM capacity_entry WHERE bucket = ?`,
      )
      .get(bucket)
    expect(sums).toEqual({ c: h.committed, r: h.reserved })
    db.close()
  })

  it('keeps capacity entries and audit events append-only at the SQL level', () => {
    const { db, alice } = openDesk()
    const p = createDraft(db, alice, lppDeal())
    transition(db, alice, { id: p.id, to: 'in_review' })
    expect(() => db.prepare('UPDATE capacity_entry SET tpp = 1').run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM capacity_entry').run()).toThrow(/append-only/)
    expect(() => db.prepare('UPDATE audit_event SET actor = ?').run('mallory')).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM audit_event').run()).toThrow(/append-only/)
    db.close()
  })
})
