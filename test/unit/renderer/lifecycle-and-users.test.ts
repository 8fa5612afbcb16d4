import { describe, expect, it } from 'vitest'
import type { CurrentUser, DeskUser } from '../../../shared/domain/user'
import type { DealLicences } from '../../../shared/domain/licence-expiry'
import type { ProjectDetail } from '../../../shared/domain/project'
import { lifecycleSteps, stepUnavailable } from '../../../renderer/src/screens/projects/lifecycleRules'
import { actingAsOptions } from '../../../renderer/src/shell/actingAs'

const reviewer: CurrentUser = { name: 'm.chen', displayName: 'Maya Chen', role: 'reviewer', registered: true }
const preparer: CurrentUser = {
  name: 'a.okafor',
  displayName: 'A. Okafor',
  role: 'preparer',
  registered: true,
}

describe('stepUnavailable', () => {
  it('refuses approval to the reviewer who prepared the deal (four eyes), not the other steps', () => {
    expect(stepUnavailable('approved', reviewer, 'm.chen')).toBe(
      'You prepared this deal: approval needs another reviewer (four eyes).',
    )
    expect(stepUnavailable('returned', reviewer, 'm.chen')).toBeNull()
    expect(stepUnavailable('approved', reviewer, 'a.okafor')).toBeNull()
  })

  it('refuses approve, return and reject to a preparer, even on a deal someone else prepared', () => {
    for (const to of ['approved', 'returned', 'rejected'] as const)
      expect(stepUnavailable(to, preparer, 'm.chen')).toBe(
        'You act as A. Okafor, a preparer: only a reviewer may approve, return or reject a deal.',
      )
    expect(stepUnavailable('in_review', preparer, 'a.okafor')).toBeNull()
    expect(stepUnavailable('cancelled', preparer, 'm.chen')).toBeNull()
  })

  it('leaves every step to the ledger when no user is known', () => {
    expect(stepUnavailable('approved', null, 'm.chen')).toBeNull()
  })
})

describe('lifecycleSteps', () => {
  // Only what the buttons read of a deal: the steps its lifecycle allows and who prepared it.
  const detail = { next: ['draft', 'approved', 'returned', 'cancelled'], project: { preparer: 'm.chen' } }
  const steps = (user: CurrentUser | null) => lifecycleSteps(detail as unknown as ProjectDetail, user)

  it('offers every next step but the way back to draft, each disabled with the four-eyes reason', () => {
    expect(steps(reviewer).map((s) => [s.to, s.unavailable])).toEqual([
      ['approved', 'You prepared this deal: approval needs another reviewer (four eyes).'],
      ['returned', null],
      ['cancelled', null],
    ])
    expect(
      steps(preparer)
        .filter((s) => s.unavailable)
        .map((s) => s.to),
    ).toEqual(['approved', 'returned'])
    expect(steps(null).every((s) => s.unavailable === null)).toBe(true)
  })

  // An approved deal: what Mark shipped reads is its own licence record and its latest determination.
  const approved = (licensed: boolean, answers: Array<boolean | null>) =>
    ({
      next: ['licensed', 'shipped', 'cancelled'],
      project: { preparer: 'a.okafor', status: 'approved', licensed },
      determinations: answers.map((licenseRequired) => ({ determination: { licenseRequired } })),
    }) as unknown as ProjectDetail
  const shipping = (detail: ProjectDetail, user: CurrentUser | null) =>
    lifecycleSteps(detail, user).find((s) => s.to === 'shipped')!.unavailable

  it('holds Mark shipped on an approved deal that needs a licence or was not determined, for anyone', () => {
    const needs =
      'This deal needs a licence (its latest determination says one is required) and none is recorded: record the licence first, then mark it shipped.'
    for (const user of [reviewer, preparer, null]) {
      expect(shipping(approved(false, [false, true]), user)).toBe(needs)
      expect(shipping(approved(false, [null]), user)).toMatch(/^This deal could not be determined/)
      expect(shipping(approved(false, []), user)).toMatch(/^This deal could not be determined/)
      // No licence required by the latest determination: it may ship.
      expect(shipping(approved(false, [true, false]), user)).toBeNull()
      // Recorded as licensed at approved (only an imported book gives that): its licence was never
      // drawn, so Record licence comes first.
      expect(shipping(approved(true, [true]), user)).toMatch(/^This deal is recorded as licensed/)
    }
    // Record licence stays open: it is the way forward.
    expect(
      lifecycleSteps(approved(false, [true]), reviewer).find((s) => s.to === 'licensed')!.unavailable,
    ).toBeNull()
  })

  it("holds Mark shipped on a licensed deal whose licence has expired, with the panel's words, once read", () => {
    const licensed = {
      next: ['shipped', 'closed'],
      project: { id: 'D-000001', preparer: 'a.okafor', status: 'licensed', licensed: true },
      determinations: [{ determination: { licenseRequired: true } }],
    } as unknown as ProjectDetail
    const read = (expiry: 'expired' | 'expires_before_ship', dealId = 'D-000001'): DealLicences => ({
      dealId,
      sessionDate: '2025-04-01',
      plannedDate: '2025-04-15',
      toShip: true,
      licences: [
        {
          number: 'L-2',
          licence: { expiresOn: expiry === 'expired' ? '2025-03-31' : '2025-04-10' },
          granted: true,
          reservedTpp: 0,
          reservedUnits: 0,
          committedTpp: 47_496,
          committedUnits: 3,
          expiry,
        } as DealLicences['licences'][number],
      ],
    })
    const ship = (licences: DealLicences | null) =>
      lifecycleSteps(licensed, reviewer, licences).find((s) => s.to === 'shipped')!.unavailable
    expect(ship(read('expired'))).toBe(
      'Licence L-2 expired on 2025-03-31 (today is 2025-04-01): it can no longer be drawn on, and the deal cannot ship under it. The deal may be closed unshipped.',
    )
    // Expiring before the planned date is warned of in the panel, but the deal may still ship now.
    expect(ship(read('expires_before_ship'))).toBeNull()
    // Not read yet, or read for another deal (an answer still arriving for the deal shown before).
    expect(ship(null)).toBeNull()
    expect(ship(read('expired', 'D-000002'))).toBeNull()
    expect(
      lifecycleSteps(licensed, reviewer, read('expired')).find((s) => s.to === 'closed')!.unavailable,
    ).toBeNull()
  })
})

describe('actingAsOptions', () => {
  const desk = (name: string, role: DeskUser['role'], active = true): DeskUser => ({
    name,
    displayName: name.toUpperCase(),
    role,
    active,
    createdAt: '2026-01-01T00:00:00.000Z',
  })
  const users = [
    desk('a.okafor', 'preparer'),
    desk('m.lindqvist', 'reviewer'),
    desk('x.gone', 'reviewer', false),
  ]
  const root: CurrentUser = { name: 'root', displayName: 'root', role: 'preparer', registered: false }

  it('keeps one order whoever acts, the unregistered OS user in its place by name', () => {
    const asRoot = actingAsOptions(users, root)
    expect(asRoot).toEqual([
      { name: 'a.okafor', label: 'A.OKAFOR (preparer)' },
      { name: 'm.lindqvist', label: 'M.LINDQVIST (reviewer)' },
      { name: 'root', label: 'root (preparer)' },
    ])
    const lindqvist = { ...users[1]!, registered: true }
    expect(actingAsOptions(users, lindqvist).map((o) => o.name)).toEqual(['a.okafor', 'm.lindqvist'])
  })

  it('labels a user the same before and after they are registered', () => {
    const before = actingAsOptions(users, root).find((o) => o.name === 'root')
    const registered = [...users, { ...desk('root', 'preparer'), displayName: 'root' }]
    const after = actingAsOptions(registered, { ...root, registered: true }).find((o) => o.name === 'root')
    expect(after).toEqual(before)
  })
})
