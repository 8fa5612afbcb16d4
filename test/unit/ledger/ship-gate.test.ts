import { describe, expect, it } from 'vitest'
import { headroomOf } from '../../../electron/db/capacity'
import { importBook } from '../../../electron/db/interchange'
import { getLicence } from '../../../electron/db/licences'
import type { Ledger } from '../../../electron/db/ledger'
import {
  createDraft,
  getProject,
  projectDetail,
  storeDetermination,
  transition,
} from '../../../electron/db/projects'
import type { Actor } from '../../../electron/db/statements'
import { shipRefusalOf, SHIP_REFUSAL_WORDS } from '../../../shared/domain/ship-gate'
import type { ProjectFields } from '../../../shared/domain/project'
import { AppError } from '../../../shared/ipc/result'
import { getPack } from '../../../shared/rules/packs'
import { lppDeal, openDesk } from './helpers'

/** Submitted by alice and approved by bob. */
function approved(db: Ledger, alice: Actor, bob: Actor, fields: ProjectFields): string {
  const p = createDraft(db, alice, fields)
  transition(db, alice, { id: p.id, to: 'in_review' })
  transition(db, bob, { id: p.id, to: 'approved', reason: 'checked' })
  return p.id
}

const refusalOf = (fn: () => unknown): AppError | null => {
  try {
    fn()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  return null
}

/**
 * What the deal panel says of Mark shipped (renderer lifecycleRules reads `shipRefusalOf` on the deal
 * it loaded): null when enabled, else why it is disabled.
 */
const panelSays = (db: Ledger, id: string): string | null => {
  const why = shipRefusalOf(projectDetail(db, id), 'shipped')
  return why && SHIP_REFUSAL_WORDS[why]
}

/** Takes approved → shipped and undoes it, so the deal stays approved: the ledger's refusal or null. */
const shipProbe = (db: Ledger, id: string, actor: Actor): AppError | null => {
  db.exec('BEGIN')
  try {
    return refusalOf(() => transition(db, actor, { id, to: 'shipped', reason: 'on the truck' }))
  } finally {
    db.exec('ROLLBACK')
  }
}

describe('an approved deal ships without a licence only when none is required', () => {
  it('refuses Mark shipped on a licence-required deal, writing nothing, and ships it once licensed', () => {
    const { db, alice, bob } = openDesk()
    const id = approved(db, alice, bob, lppDeal({ consignee: 'Other Co', authorization: 'LICENSE' }))
    expect(projectDetail(db, id).determinations.at(-1)!.determination.licenseRequired).toBe(true)
    const bucket = 'country:IN'
    const before = {
      country: headroomOf(db, bucket),
      entries: db.prepare('SELECT count(*) FROM capacity_entry').pluck().get(),
      changes: db.prepare('SELECT count(*) FROM project_status_change').pluck().get(),
      events: db.prepare('SELECT count(*) FROM audit_event').pluck().get(),
    }

    const error = refusalOf(() => transition(db, bob, { id, to: 'shipped', reason: 'on the truck' }))
    expect(error).toMatchObject({
      code: 'conflict',
      message: `Deal ${id} cannot be marked shipped yet. This deal needs a licence (its latest determination says one is required) and none is recorded: record the licence first, then mark it shipped.`,
      fields: [{ path: 'to', message: 'a licence must be recorded first' }],
    })
    expect(getProject(db, id)).toMatchObject({ status: 'approved', licensed: false })
    expect({
      country: headroomOf(db, bucket),
      entries: db.prepare('SELECT count(*) FROM capacity_entry').pluck().get(),
      changes: db.prepare('SELECT count(*) FROM project_status_change').pluck().get(),
      events: db.prepare('SELECT count(*) FROM audit_event').pluck().get(),
    }).toEqual(before)

    transition(db, bob, { id, to: 'licensed', licence: { number: 'L-2025-7' } })
    expect(transition(db, bob, { id, to: 'shipped', reason: 'under L-2025-7' }).project).toMatchObject({
      status: 'shipped',
      licensed: true,
    })
    db.close()
  })

  it('refuses a deal that could not be determined, and a later re-evaluation holds a deal back but never releases it', () => {
    const { db, alice, bob } = openDesk()
    // No consignee headquarters, and no party record to take one from: not determinable.
    const unknown = approved(
      db,
      alice,
      bob,
      lppDeal({ consignee: 'Nobody Known', consigneeHq: undefined, authorization: undefined }),
    )
    expect(refusalOf(() => transition(db, bob, { id: unknown, to: 'shipped' }))?.message).toBe(
      `Deal ${unknown} cannot be marked shipped yet. This deal could not be determined (its latest determination cannot say whether a licence is required), so it may need one and none is recorded: record the licence first, then mark it shipped.`,
    )

    // Approved under LPP (no licence required), then re-evaluated to a licence requirement: the
    // latest determination stored is the one that holds.
    const lpp = approved(db, alice, bob, lppDeal({ lines: [{ chip: 'H100', quantity: 10 }] }))
    expect(shipProbe(db, lpp, bob)).toBeNull()
    const latest = projectDetail(db, lpp).determinations.at(-1)!
    expect(latest.determination.licenseRequired).toBe(false)
    storeDetermination(
      db,
      bob,
      getProject(db, lpp),
      'reevaluation',
      { ...latest.determination, licenseRequired: true },
      getPack(latest.packId)!,
    )
    expect(shipProbe(db, lpp, bob)?.message).toMatch(/needs a licence/)
    // A re-evaluation can hold a deal back but never release it: it may have run under a what-if
    // scenario or a pack not in force.
    storeDetermination(
      db,
      bob,
      getProject(db, lpp),
      'reevaluation',
      { ...latest.determination, licenseRequired: false },
      getPack(latest.packId)!,
    )
    expect(shipProbe(db, lpp, bob)?.message).toMatch(/needs a licence/)
    expect(panelSays(db, lpp)).not.toBeNull()
    db.close()
  })

  it('holds Mark shipped in the deal panel exactly when the ledger refuses it, with the same words', () => {
    const { db, alice, bob, carol } = openDesk()
    const deals = {
      lpp: approved(db, alice, bob, lppDeal({ lines: [{ chip: 'H100', quantity: 10 }] })),
      licenceRequired: approved(db, alice, bob, lppDeal({ consignee: 'Other Co', authorization: 'LICENSE' })),
      notDetermined: approved(
        db,
        alice,
        bob,
        lppDeal({ consignee: 'Nobody Known', consigneeHq: undefined, authorization: undefined }),
      ),
    }
    const seen: Record<string, string | null> = {}
    for (const [kind, id] of Object.entries(deals)) {
      // The panel's word does not depend on who acts, and neither does the ledger's (anyone may ship).
      const said = panelSays(db, id)
      for (const actor of [alice, bob, carol]) {
        const refused = shipProbe(db, id, actor)
        expect(said, `${kind} as ${actor.name}`).toBe(
          refused ? refused.message.replace(`Deal ${id} cannot be marked shipped yet. `, '') : null,
        )
      }
      seen[kind] = said
    }
    expect(seen).toEqual({
      lpp: null,
      licenceRequired: SHIP_REFUSAL_WORDS.licence_required,
      notDetermined: SHIP_REFUSAL_WORDS.not_determined,
    })
    db.close()
  })

  it('holds an imported approved deal recorded as licensed until Record licence draws its licence, once', () => {
    const { db, alice, bob } = openDesk()
    const r = importBook(
      db,
      {
        licences: [{ number: 'L-IMP-1', authorizedTpp: 100_000_000, authorizedUnits: 5_000 }],
        deals: [
          {
            id: 'IMP-1',
            date: '2025-03-10',
            consignee: 'Acme Cloud India',
            consigneeHq: 'IN',
            parentHq: null,
            destination: 'IN',
            // 2,000 H100 pass the consignee's LPP year (26,900,000 TPP): the licence route.
            lines: [{ chip: 'H100', quantity: 2_000 }],
            licensed: true,
            status: 'approved',
            preparer: 'alice',
            reviewer: 'bob',
            licenceNumber: 'L-IMP-1',
          },
        ],
      },
      alice,
    )
    expect(r.errors).toBeUndefined()
    const used = () => getLicence(db, bob, 'L-IMP-1').licence.usedTpp
    expect(used()).toBe(0)
    // Shipped from approved it would never draw the licence: refused, and the panel says the same.
    expect(shipProbe(db, 'IMP-1', bob)?.message).toContain(SHIP_REFUSAL_WORDS.licence_not_drawn)
    expect(panelSays(db, 'IMP-1')).toBe(SHIP_REFUSAL_WORDS.licence_not_drawn)
    transition(db, bob, { id: 'IMP-1', to: 'licensed', licence: { number: 'L-IMP-1' } })
    expect(used()).toBe(31_664_000)
    transition(db, bob, { id: 'IMP-1', to: 'shipped', reason: 'on the truck' })
    expect(used()).toBe(31_664_000)
    expect(getProject(db, 'IMP-1').status).toBe('shipped')
    db.close()
  })
})
