import { describe, expect, it } from 'vitest'
import { createDraft, projectDetail, transition } from '../../../electron/db/projects'
import type { Actor } from '../../../electron/db/statements'
import { currentUser } from '../../../electron/db/users'
import { offeredSteps } from '../../../shared/domain/four-eyes'
import { PROJECT_STATUSES, type ProjectStatus } from '../../../shared/domain/project'
import { AppError } from '../../../shared/ipc/result'
import { lppDeal, openDesk } from './helpers'

type Step = { to: ProjectStatus; by: 'preparer' | 'carol' }
const SUBMIT: Step[] = [{ to: 'in_review', by: 'preparer' }]
const APPROVE: Step[] = [...SUBMIT, { to: 'approved', by: 'carol' }]
const SHIP: Step[] = [...APPROVE, { to: 'shipped', by: 'preparer' }]

/** The steps that bring a fresh draft to each status, taken by its preparer or by carol (a reviewer). */
const PATH: Record<ProjectStatus, Step[]> = {
  draft: [],
  in_review: SUBMIT,
  returned: [...SUBMIT, { to: 'returned', by: 'carol' }],
  rejected: [...SUBMIT, { to: 'rejected', by: 'carol' }],
  cancelled: [{ to: 'cancelled', by: 'preparer' }],
  approved: APPROVE,
  licensed: [...APPROVE, { to: 'licensed', by: 'preparer' }],
  shipped: SHIP,
  closed: [...SHIP, { to: 'closed', by: 'preparer' }],
}

describe('four eyes: the deal panel enables exactly the steps the ledger accepts', () => {
  it('agrees for every status, step, acting user and preparer', () => {
    const { db, alice, bob, carol } = openDesk()
    // dave is not on the desk yet: the panel sees him as a preparer, as the ledger registers him.
    const dave: Actor = { name: 'dave', now: alice.now }
    const actors = [alice, bob, carol, dave]
    const tally = { accepted: 0, forbidden: 0, offLifecycle: 0 }
    let licences = 0
    // alice prepares as a preparer; bob as a reviewer, who still may not approve his own deal.
    for (const preparer of [alice, bob]) {
      for (const status of PROJECT_STATUSES) {
        const deal = createDraft(
          db,
          preparer,
          lppDeal({ name: `${status} by ${preparer.name}`, lines: [{ chip: 'H100', quantity: 1 }] }),
        )
        for (const step of PATH[status])
          transition(db, step.by === 'carol' ? carol : preparer, {
            id: deal.id,
            to: step.to,
            reason: 'setting up',
            ...(step.to === 'licensed' ? { licence: { number: `L-${++licences}` } } : {}),
          })
        const detail = projectDetail(db, deal.id)
        expect(detail.project.status).toBe(status)

        for (const actor of actors) {
          const steps = offeredSteps(detail.next, currentUser(db, actor.name), detail.project.preparer)
          for (const to of PROJECT_STATUSES) {
            const enabled = steps.some((s) => s.to === to && s.refusal === null)
            // Try the step with everything the panel asks for (a reason, a licence number), then
            // undo it, so every combination starts from the same deal.
            let refusal: string | null = null
            db.exec('BEGIN')
            try {
              transition(db, actor, {
                id: deal.id,
                to,
                reason: 'checked',
                ...(to === 'licensed' ? { licence: { number: 'L-probe' } } : {}),
              })
            } catch (error) {
              if (!(error instanceof AppError)) throw error
              refusal = error.code
            } finally {
              db.exec('ROLLBACK')
            }
            if (refusal === null) tally.accepted++
            else if (refusal === 'forbidden') tally.forbidden++
            else if (refusal === 'conflict') tally.offLifecycle++
            expect(
              { status, preparer: preparer.name, actor: actor.name, to, enabled },
              `ledger ${refusal ? `refused (${refusal})` : 'accepted'}`,
            ).toEqual({ status, preparer: preparer.name, actor: actor.name, to, enabled: refusal === null })
          }
        }
      }
    }
    // Every kind of answer was met: the walk is not vacuous.
    expect(tally.accepted).toBeGreaterThan(0)
    expect(tally.forbidden).toBeGreaterThan(0)
    expect(tally.offLifecycle).toBeGreaterThan(0)
    db.close()
  })
})
