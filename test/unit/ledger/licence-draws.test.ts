import { describe, expect, it } from 'vitest'
import { openSession } from '../../../electron/core/session'
import { appendEntry, checkTotals, projectHoldings } from '../../../electron/db/capacity'
import { openLedger } from '../../../electron/db/ledger'
import { createLicence, dealLicences, getLicence, recordLicenceUsage } from '../../../electron/db/licences'
import { createDraft, getProject, transition } from '../../../electron/db/projects'
import type { Actor } from '../../../electron/db/statements'
import { createUser } from '../../../electron/db/users'
import { licenceExpiredWords, licenceShortfallWords } from '../../../shared/domain/licence'
import {
  expiredLicenceRefusal,
  expiryInWords,
  licenceNotInForceRefusal,
  notIssuedLicenceRefusal,
  type DealLicences,
} from '../../../shared/domain/licence-expiry'
import { AppError } from '../../../shared/ipc/result'
import { tempLedgerPath } from '../helpers/temp-ledger'
import { lppDeal } from './helpers'

const H100_TPP = 15_832

const refusal = (fn: () => unknown): string => {
  try {
    fn()
  } catch (error) {
    return error instanceof AppError ? `${error.code}: ${error.message}` : String(error)
  }
  return 'no error'
}

/** alice (preparer) and bob (reviewer) on a session clock that can be moved on by days. */
function desk() {
  let t = Date.parse('2025-03-01T09:00:00.000Z')
  const now = () => new Date((t += 1000))
  const path = tempLedgerPath()
  const db = openLedger(path)
  createUser(db, { name: 'admin', now }, { name: 'alice', role: 'preparer' })
  createUser(db, { name: 'admin', now }, { name: 'bob', role: 'reviewer' })
  const alice: Actor = { name: 'alice', now }
  const bob: Actor = { name: 'bob', now }
  return { db, path, now, alice, bob, wait: (days: number) => void (t += days * 86_400_000) }
}

/** A licence-route deal to Other Co in India, approved and waiting for its licence (planned for 2025-03-10). */
function approvedDeal(
  d: ReturnType<typeof desk>,
  name: string,
  quantity: number,
  plannedDate = '2025-03-10',
): string {
  const p = createDraft(
    d.db,
    d.alice,
    lppDeal({
      name,
      consignee: 'Other Co',
      authorization: 'LICENSE',
      plannedDate,
      lines: [{ chip: 'H100', quantity }],
    }),
  )
  transition(d.db, d.alice, { id: p.id, to: 'in_review' })
  transition(d.db, d.bob, { id: p.id, to: 'approved', reason: 'apply for a licence' })
  return p.id
}

/** A licence for Other Co in India: 10 H100s' worth, expiring on `expiresOn` if given. */
const licence = (d: ReturnType<typeof desk>, number: string, expiresOn?: string) =>
  createLicence(d.db, d.bob, {
    number,
    consignee: 'Other Co',
    destination: 'IN',
    authorizedTpp: 10 * H100_TPP,
    authorizedUnits: 10,
    ...(expiresOn ? { expiresOn } : {}),
  })

describe('drawing on a licence at the licensed step', () => {
  it("a deal drawing a licence already recorded carries that licence's authorized figures", () => {
    const d = desk()
    licence(d, 'L-77')
    const first = approvedDeal(d, 'first', 3)
    const second = approvedDeal(d, 'second', 4)
    transition(d.db, d.bob, { id: first, to: 'licensed', licence: { number: 'L-77' } })
    transition(d.db, d.bob, { id: second, to: 'licensed', licence: { number: 'L-77' } })
    // The deal's record (the memo's "Licence L-77 · … TPP") is the licence's grant, not the deal's own TPP.
    for (const id of [first, second])
      expect(getProject(d.db, id)).toMatchObject({
        licensed: true,
        licenceNumber: 'L-77',
        authorizedTpp: 10 * H100_TPP,
        authorizedUnits: 10,
      })
    expect(getLicence(d.db, d.bob, 'L-77').licence).toMatchObject({
      usedTpp: 7 * H100_TPP,
      usedUnits: 7,
      remainingTpp: 3 * H100_TPP,
      remainingUnits: 3,
    })
  })

  it('refuses a grant whose authorized figures differ from the licence already recorded under that number', () => {
    const d = desk()
    licence(d, 'L-78')
    const id = approvedDeal(d, 'deal', 3)
    expect(
      refusal(() =>
        transition(d.db, d.bob, {
          id,
          to: 'licensed',
          licence: { number: 'L-78', authorizedTpp: 50 * H100_TPP, authorizedUnits: 10 },
        }),
      ),
    ).toMatch(/^conflict: Licence L-78 is recorded as authorizing 158,320 TPP and 10 units/)
    expect(getProject(d.db, id)).toMatchObject({ status: 'approved', licensed: false })
    // The same figures as recorded are accepted.
    transition(d.db, d.bob, {
      id,
      to: 'licensed',
      licence: { number: 'L-78', authorizedTpp: 10 * H100_TPP, authorizedUnits: 10 },
    })
    expect(getProject(d.db, id)).toMatchObject({ status: 'licensed', authorizedTpp: 10 * H100_TPP })
  })

  it('does not draw a licence twice for a deal that held a reservation on it', () => {
    const d = desk()
    licence(d, 'L-79')
    const id = approvedDeal(d, 'held', 3)
    recordLicenceUsage(d.db, d.bob, {
      number: 'L-79',
      action: 'reserve',
      tpp: 3 * H100_TPP,
      units: 3,
      projectId: id,
      reason: 'held for the deal while BIS decides',
    })
    transition(d.db, d.bob, { id, to: 'licensed', licence: { number: 'L-79' } })
    expect(getLicence(d.db, d.bob, 'L-79').licence).toMatchObject({
      usedTpp: 3 * H100_TPP,
      usedUnits: 3,
      reservedTpp: 0,
      reservedUnits: 0,
      remainingTpp: 7 * H100_TPP,
    })
    expect(checkTotals(d.db)).toEqual([])
  })

  it("limits a release naming a deal to what that deal holds, so another deal's reservation stays releasable", () => {
    const d = desk()
    licence(d, 'L-80')
    const a = approvedDeal(d, 'a', 1)
    const b = approvedDeal(d, 'b', 2)
    const hold = (id: string, n: number) =>
      recordLicenceUsage(d.db, d.bob, {
        number: 'L-80',
        action: 'reserve',
        tpp: n * H100_TPP,
        units: n,
        projectId: id,
        reason: 'held',
      })
    hold(a, 1)
    hold(b, 2)
    expect(
      refusal(() =>
        recordLicenceUsage(d.db, d.bob, {
          number: 'L-80',
          action: 'release',
          tpp: 3 * H100_TPP,
          units: 3,
          projectId: a,
          reason: 'typo',
        }),
      ),
    ).toMatch(/^conflict: Cannot release 47,496 TPP and 3 units of licence L-80 for deal D-000001/)
    // Cancelling either deal still releases exactly its own hold.
    transition(d.db, d.alice, { id: b, to: 'cancelled', reason: 'customer withdrew' })
    expect(projectHoldings(d.db, b).get('licence:L-80')).toMatchObject({ reserved: 0, reservedUnits: 0 })
    expect(getLicence(d.db, d.bob, 'L-80').licence).toMatchObject({ reservedTpp: H100_TPP, reservedUnits: 1 })
  })

  it('refuses a hold on a licence for a deal whose lifecycle will not release it', () => {
    const d = desk()
    licence(d, 'L-83')
    const id = approvedDeal(d, 'gone', 1)
    transition(d.db, d.alice, { id, to: 'cancelled', reason: 'customer withdrew' })
    expect(
      refusal(() =>
        recordLicenceUsage(d.db, d.bob, {
          number: 'L-83',
          action: 'reserve',
          tpp: H100_TPP,
          units: 1,
          projectId: id,
          reason: 'held',
        }),
      ),
    ).toMatch(
      /^conflict: Deal D-000001 is cancelled; a licence is held only for a deal in review or approved/,
    )
    expect(getLicence(d.db, d.bob, 'L-83').licence.reservedTpp).toBe(0)
  })

  it('refuses to mark a licensed deal shipped once its licence has expired', () => {
    const d = desk()
    const id = approvedDeal(d, 'late', 2)
    transition(d.db, d.bob, {
      id,
      to: 'licensed',
      licence: { number: 'L-81', expiresOn: '2025-03-31' },
    })
    d.wait(31) // 2025-04-01
    expect(refusal(() => transition(d.db, d.alice, { id, to: 'shipped', reason: 'left the dock' }))).toMatch(
      /^conflict: Deal D-000001 cannot be marked shipped: its licence L-81 expired on 2025-03-31.*A licensed deal takes no other licence: close it unshipped/,
    )
    expect(getProject(d.db, id).status).toBe('licensed')
    // Closing the deal without shipping stays open to the desk.
    transition(d.db, d.alice, { id, to: 'closed', reason: 'licence lapsed unused' })
    expect(getProject(d.db, id).status).toBe('closed')
  })

  it('refuses to mark a licensed deal shipped before its licence is issued, and ships it from the issue date', () => {
    const d = desk()
    const id = approvedDeal(d, 'early', 2)
    transition(d.db, d.bob, {
      id,
      to: 'licensed',
      licence: { number: 'L-84', issuedOn: '2025-03-05', expiresOn: '2025-12-31' },
    })
    expect(refusal(() => transition(d.db, d.alice, { id, to: 'shipped' }))).toBe(
      'conflict: Deal D-000001 cannot be marked shipped: its licence L-84 is issued on 2025-03-05, and a shipment on 2025-03-01 needs a licence in force. Mark it shipped on or after 2025-03-05.',
    )
    expect(getProject(d.db, id).status).toBe('licensed')
    // The deal panel holds Mark shipped in the ledger's words, read from the deal's licences.
    expect(notIssuedLicenceRefusal(dealLicences(d.db, d.alice, id))).toBe(
      'Deal D-000001 cannot be marked shipped: its licence L-84 is issued on 2025-03-05, and a shipment on 2025-03-01 needs a licence in force. Mark it shipped on or after 2025-03-05.',
    )
    d.wait(4) // 2025-03-05
    expect(notIssuedLicenceRefusal(dealLicences(d.db, d.alice, id))).toBeNull()
    expect(transition(d.db, d.alice, { id, to: 'shipped' }).project.status).toBe('shipped')
  })

  it('marks a licensed deal shipped on the last day of its licence', () => {
    const d = desk()
    const id = approvedDeal(d, 'on time', 2)
    transition(d.db, d.bob, { id, to: 'licensed', licence: { number: 'L-82', expiresOn: '2025-03-31' } })
    d.wait(30) // 2025-03-31
    expect(transition(d.db, d.alice, { id, to: 'shipped' }).project.status).toBe('shipped')
  })
})

/**
 * A licence not yet in the ledger is recorded by the deal's licensed step with the terms given for it
 * (the Record licence dialog's), and drawn at once: figures below the deal's own are refused as any
 * draw beyond what a licence has left, in the words the dialog quotes before it sends them.
 */
describe('a new licence recorded at the licensed step with its own terms', () => {
  it("records the terms given, above the deal's own, and the deal draws its own figures on it", () => {
    const d = desk()
    const id = approvedDeal(d, 'first of several', 3)
    transition(d.db, d.bob, {
      id,
      to: 'licensed',
      licence: {
        number: 'L-20',
        issuedOn: '2025-01-10',
        expiresOn: '2026-12-31',
        authorizedTpp: 20 * H100_TPP,
        authorizedUnits: 20,
      },
    })
    expect(getLicence(d.db, d.bob, 'L-20').licence).toMatchObject({
      issuedOn: '2025-01-10',
      expiresOn: '2026-12-31',
      authorizedTpp: 20 * H100_TPP,
      authorizedUnits: 20,
      usedTpp: 3 * H100_TPP,
      usedUnits: 3,
      remainingTpp: 17 * H100_TPP,
      remainingUnits: 17,
    })
    expect(getProject(d.db, id)).toMatchObject({ authorizedTpp: 20 * H100_TPP, authorizedUnits: 20 })
  })

  it("refuses figures below the deal's own, in the words the dialog quotes, and records nothing", () => {
    const d = desk()
    const id = approvedDeal(d, 'short', 3)
    const grant = (licence: { number: string; authorizedTpp?: number; authorizedUnits?: number }) =>
      refusal(() => transition(d.db, d.bob, { id, to: 'licensed', licence }))
    expect(grant({ number: 'L-21', authorizedTpp: 2 * H100_TPP })).toBe(
      `conflict: ${licenceShortfallWords('L-21', { tpp: 2 * H100_TPP, units: 3 }, { tpp: 3 * H100_TPP, units: 3 })}`,
    )
    expect(grant({ number: 'L-21', authorizedUnits: 2 })).toBe(
      `conflict: ${licenceShortfallWords('L-21', { tpp: 3 * H100_TPP, units: 2 }, { tpp: 3 * H100_TPP, units: 3 })}`,
    )
    expect(refusal(() => getLicence(d.db, d.bob, 'L-21'))).toBe('not_found: No licence L-21 in the ledger.')
    expect(getProject(d.db, id)).toMatchObject({ status: 'approved', licensed: false })
    // The deal's own figures exactly are drawn in full.
    transition(d.db, d.bob, {
      id,
      to: 'licensed',
      licence: { number: 'L-21', authorizedTpp: 3 * H100_TPP, authorizedUnits: 3 },
    })
    expect(getLicence(d.db, d.bob, 'L-21').licence).toMatchObject({ remainingTpp: 0, remainingUnits: 0 })
  })

  it("refuses an expiry before the session's date, in the words the dialog quotes", () => {
    const d = desk()
    const id = approvedDeal(d, 'lapsed', 3)
    expect(
      refusal(() =>
        transition(d.db, d.bob, { id, to: 'licensed', licence: { number: 'L-22', expiresOn: '2025-02-28' } }),
      ),
    ).toBe(`forbidden: ${licenceExpiredWords('L-22', '2025-02-28')}`)
    expect(getProject(d.db, id)).toMatchObject({ status: 'approved', licensed: false })
  })
})

/**
 * A deal's draw on its licence is its lifecycle's: the licensed step commits the deal's TPP and units
 * once. A commit by hand naming the deal was drawn again by that step (or, after it, on top of it), so
 * the licence's used figures counted the deal twice.
 */
describe('a commit by hand for a deal', () => {
  const commit = (d: ReturnType<typeof desk>, number: string, n: number, projectId?: string) =>
    recordLicenceUsage(d.db, d.bob, {
      number,
      action: 'commit',
      tpp: n * H100_TPP,
      units: n,
      ...(projectId ? { projectId } : {}),
      reason: 'shipment recorded by hand',
    })

  it('is refused before the licensed step, which then draws the licence once', () => {
    const d = desk()
    licence(d, 'L-90')
    const id = approvedDeal(d, 'by hand first', 3)
    expect(refusal(() => commit(d, 'L-90', 3, id))).toMatch(
      /^conflict: Licence L-90 is drawn for deal D-000001 by the deal's own Record licence step/,
    )
    expect(getLicence(d.db, d.bob, 'L-90').usage).toEqual([])
    transition(d.db, d.bob, { id, to: 'licensed', licence: { number: 'L-90' } })
    transition(d.db, d.alice, { id, to: 'shipped', reason: 'left the dock' })
    expect(getLicence(d.db, d.bob, 'L-90').licence).toMatchObject({
      usedTpp: 3 * H100_TPP,
      usedUnits: 3,
      reservedTpp: 0,
      remainingTpp: 7 * H100_TPP,
      remainingUnits: 7,
    })
    expect(checkTotals(d.db)).toEqual([])
  })

  it('is refused after the licensed step, and so is a release of what the deal no longer holds', () => {
    const d = desk()
    licence(d, 'L-91')
    const id = approvedDeal(d, 'by hand after', 3)
    transition(d.db, d.bob, { id, to: 'licensed', licence: { number: 'L-91' } })
    expect(refusal(() => commit(d, 'L-91', 3, id))).toMatch(/^conflict: Licence L-91 is drawn for deal /)
    // The deal's hold went when it was licensed: there is nothing of it left to release.
    expect(
      refusal(() =>
        recordLicenceUsage(d.db, d.bob, {
          number: 'L-91',
          action: 'release',
          tpp: 3 * H100_TPP,
          units: 3,
          projectId: id,
          reason: 'undo',
        }),
      ),
    ).toMatch(/^conflict: Cannot release 47,496 TPP and 3 units of licence L-91 for deal D-000001/)
    expect(getLicence(d.db, d.bob, 'L-91').licence).toMatchObject({ usedTpp: 3 * H100_TPP, usedUnits: 3 })
  })

  it('is refused for a deal that never draws a licence, and an unknown licence is named as such', () => {
    const d = desk()
    licence(d, 'L-92')
    const id = approvedDeal(d, 'cancelled', 1)
    transition(d.db, d.alice, { id, to: 'cancelled', reason: 'customer withdrew' })
    expect(refusal(() => commit(d, 'L-92', 1, id))).toMatch(/^conflict: Licence L-92 is drawn for deal /)
    expect(refusal(() => commit(d, 'L-404', 1, id))).toMatch(/^not_found: No licence L-404/)
  })

  it("still records a use outside the deal book, naming no deal, beside the deals' own draws", () => {
    const d = desk()
    licence(d, 'L-93')
    commit(d, 'L-93', 2)
    const id = approvedDeal(d, 'beside', 3)
    transition(d.db, d.bob, { id, to: 'licensed', licence: { number: 'L-93' } })
    expect(getLicence(d.db, d.bob, 'L-93').licence).toMatchObject({
      usedTpp: 5 * H100_TPP,
      usedUnits: 5,
      remainingUnits: 5,
    })
  })

  it('written by an older ledger, is counted by the licensed step, which commits only the rest', () => {
    const d = desk()
    licence(d, 'L-94')
    licence(d, 'L-95')
    const part = approvedDeal(d, 'part by hand', 3)
    const whole = approvedDeal(d, 'all by hand', 2)
    // As recordUsage wrote them before it refused commits naming a deal (the entries stay: append-only).
    const legacy = (number: string, projectId: string, n: number) =>
      appendEntry(d.db, d.bob, {
        bucket: `licence:${number}`,
        action: 'commit',
        tpp: n * H100_TPP,
        units: n,
        projectId,
        reason: 'shipment recorded by hand',
      })
    legacy('L-94', part, 1)
    legacy('L-95', whole, 2)
    transition(d.db, d.bob, { id: part, to: 'licensed', licence: { number: 'L-94' } })
    transition(d.db, d.bob, { id: whole, to: 'licensed', licence: { number: 'L-95' } })
    const l94 = getLicence(d.db, d.bob, 'L-94')
    expect(l94.licence).toMatchObject({ usedTpp: 3 * H100_TPP, usedUnits: 3 })
    expect(l94.usage.map((u) => [u.action, u.units])).toEqual([
      ['commit', 1],
      ['commit', 2],
    ])
    const l95 = getLicence(d.db, d.bob, 'L-95')
    expect(l95.licence).toMatchObject({ usedTpp: 2 * H100_TPP, usedUnits: 2 })
    expect(l95.usage).toHaveLength(1)
    expect(getProject(d.db, whole)).toMatchObject({ status: 'licensed', licenceNumber: 'L-95' })
    expect(checkTotals(d.db)).toEqual([])
  })
})

/** What the deal panel says of each licence the deal draws on. */
const said = (l: DealLicences) => l.licences.map((x) => expiryInWords(x, l))

/**
 * Why the deal panel holds Mark shipped for the deal's licence, or null: renderer lifecycleRules reads
 * `licenceNotInForceRefusal` on the deal's `licences.forDeal`, as here.
 */
const shipNote = (d: ReturnType<typeof desk>, id: string) =>
  licenceNotInForceRefusal(dealLicences(d.db, d.bob, id))

describe("a licence's expiry, where a deal draws on it", () => {
  it('warns, before and after Record licence, that the licence expires before the planned ship date', () => {
    const d = desk()
    licence(d, 'L-1', '2025-03-31')
    const id = approvedDeal(d, 'expiring', 3, '2025-04-15')
    // Typed at Record licence: the licence is read as the deal would draw on it.
    const before = dealLicences(d.db, d.bob, id, 'L-1')
    expect(before).toMatchObject({
      dealId: id,
      sessionDate: '2025-03-01',
      plannedDate: '2025-04-15',
      toShip: true,
      licences: [],
      candidate: { number: 'L-1', granted: false, expiry: 'expires_before_ship' },
    })
    expect(expiryInWords(before.candidate!, before)).toEqual({
      text: "Licence L-1 expires on 2025-03-31, before the deal's planned ship date 2025-04-15: shipping on that date needs a licence in force. Ship by 2025-03-31, or have the licence renewed.",
      warn: true,
    })
    // The ledger does not refuse it (the deal may ship earlier than planned); it draws on it.
    transition(d.db, d.bob, { id, to: 'licensed', licence: { number: 'L-1' } })
    const after = dealLicences(d.db, d.bob, id)
    expect(after.licences).toMatchObject([
      {
        number: 'L-1',
        granted: true,
        committedTpp: 3 * H100_TPP,
        committedUnits: 3,
        reservedTpp: 0,
        expiry: 'expires_before_ship',
        licence: { expiresOn: '2025-03-31', expired: false, usedUnits: 3 },
      },
    ])
    expect(said(after)[0]!.warn).toBe(true)
    expect(shipNote(d, id)).toBeNull()
  })

  it("says the licence has expired on the session's date, and holds Mark shipped as the ledger refuses it", () => {
    const d = desk()
    licence(d, 'L-2', '2025-03-31')
    const id = approvedDeal(d, 'expiring', 3, '2025-03-20')
    transition(d.db, d.bob, { id, to: 'licensed', licence: { number: 'L-2' } })
    expect(dealLicences(d.db, d.bob, id).licences[0]!.expiry).toBe('in_force')
    expect(said(dealLicences(d.db, d.bob, id))).toEqual([
      {
        text: 'Licence L-2 is in force until 2025-03-31, past the planned ship date 2025-03-20.',
        warn: false,
      },
    ])
    d.wait(30) // 2025-03-31, the last day: still in force, and the deal ships.
    expect(dealLicences(d.db, d.bob, id).licences[0]!.expiry).toBe('in_force')
    expect(shipNote(d, id)).toBeNull()
    d.wait(1) // 2025-04-01
    const lapsed = dealLicences(d.db, d.bob, id)
    expect(lapsed).toMatchObject({ sessionDate: '2025-04-01', licences: [{ expiry: 'expired' }] })
    const words =
      'Licence L-2 expired on 2025-03-31 (today is 2025-04-01): it can no longer be drawn on, and the deal cannot ship under it. The deal may be closed unshipped.'
    expect(said(lapsed)).toEqual([{ text: words, warn: true }])
    expect(expiredLicenceRefusal(lapsed)).toBe(words)
    // The panel and the ledger agree: Mark shipped is held, and the ledger refuses it.
    expect(shipNote(d, id)).toBe(words)
    expect(refusal(() => transition(d.db, d.alice, { id, to: 'shipped' }))).toMatch(
      /^conflict: Deal D-000001 cannot be marked shipped: its licence L-2 expired on 2025-03-31/,
    )
    // Closed unshipped, the deal ships no more: the expiry is said, not warned of.
    transition(d.db, d.alice, { id, to: 'closed', reason: 'licence lapsed unused' })
    expect(said(dealLicences(d.db, d.bob, id))).toEqual([
      { text: 'Licence L-2 expired on 2025-03-31.', warn: false },
    ])
  })

  it('reads a licence held for the deal, one with no expiry, and a number the ledger has not recorded', () => {
    const d = desk()
    licence(d, 'L-3', '2025-02-28')
    licence(d, 'L-4')
    licence(d, 'L-5', '2025-12-31')
    const id = approvedDeal(d, 'expiring', 3, '2025-04-15')
    // Held by hand while BIS decides: a licence the deal draws on, though not (yet) its own.
    recordLicenceUsage(d.db, d.bob, {
      number: 'L-5',
      action: 'reserve',
      tpp: 3 * H100_TPP,
      units: 3,
      projectId: id,
      reason: 'held while BIS decides',
    })
    const l = dealLicences(d.db, d.bob, id, 'L-3')
    expect(l.licences).toMatchObject([
      { number: 'L-5', granted: false, reservedTpp: 3 * H100_TPP, reservedUnits: 3, expiry: 'in_force' },
    ])
    // An expired licence typed at Record licence is warned of; the ledger refuses to draw on it.
    expect(l.candidate).toMatchObject({ number: 'L-3', expiry: 'expired' })
    expect(expiryInWords(l.candidate!, l)).toEqual({
      text: 'Licence L-3 expired on 2025-02-28 (today is 2025-03-01): it can no longer be drawn on, and the deal cannot ship under it. Record a licence in force for the deal.',
      warn: true,
    })
    expect(
      refusal(() => transition(d.db, d.bob, { id, to: 'licensed', licence: { number: 'L-3' } })),
    ).toMatch(/^forbidden: Licence L-3 expired on 2025-02-28; it cannot be drawn on/)
    expect(dealLicences(d.db, d.bob, id, 'L-4').candidate).toMatchObject({ expiry: 'no_expiry' })
    expect(expiryInWords(dealLicences(d.db, d.bob, id, 'L-4').candidate!, l)).toEqual({
      text: 'Licence L-4 records no expiry date.',
      warn: false,
    })
    expect(dealLicences(d.db, d.bob, id, 'L-NEW').candidate).toMatchObject({
      number: 'L-NEW',
      licence: null,
      expiry: 'not_recorded',
    })
    // Licensed under L-4, the hold on L-5 is released: the deal draws on L-4 alone.
    transition(d.db, d.bob, { id, to: 'licensed', licence: { number: 'L-4' } })
    expect(dealLicences(d.db, d.bob, id).licences.map((x) => [x.number, x.granted])).toEqual([['L-4', true]])
  })

  it('is read through the contract, for a deal the ledger has or refused as not found', async () => {
    const d = desk()
    licence(d, 'L-6', '2025-03-31')
    const id = approvedDeal(d, 'expiring', 3, '2025-04-15')
    d.db.close()
    const session = openSession({ ledgerPath: d.path, host: 'test', actor: 'bob', now: d.now })
    try {
      const read = await session.dispatch('licences.forDeal', { id, number: 'L-6' })
      expect(read).toMatchObject({
        ok: true,
        value: { dealId: id, candidate: { expiry: 'expires_before_ship' } },
      })
      expect(await session.dispatch('licences.forDeal', { id: 'D-404' })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      })
      expect(await session.dispatch('licences.forDeal', { id, extra: 1 })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      })
    } finally {
      session.close()
    }
  })
})
