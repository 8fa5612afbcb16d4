import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkTotals, headroomBuckets, projectHoldings } from '../../../electron/db/capacity'
import { openLedger, type Ledger } from '../../../electron/db/ledger'
import { createLicence, getLicence, listLicences, recordLicenceUsage } from '../../../electron/db/licences'
import { claimsOf } from '../../../electron/db/evaluation'
import {
  createDraft,
  getProject,
  storedDeterminations,
  transition,
  updateDraft,
} from '../../../electron/db/projects'
import type { Actor } from '../../../electron/db/statements'
import { createUser } from '../../../electron/db/users'
import { PROJECT_TRANSITIONS, type ProjectFields, type ProjectStatus } from '../../../shared/domain/project'
import { REVIEWER_STEPS } from '../../../shared/domain/four-eyes'
import { AppError } from '../../../shared/ipc/result'
import { tempLedgerPath } from '../helpers/temp-ledger'
import { lppDeal } from './helpers'

/**
 * Conservation of capacity over random lifecycles on a real ledger file: whatever legal steps the
 * desk takes (returned, edited and resubmitted; cancelled after approval; licensed then shipped; a
 * licence drawn by several deals, expiring while deals wait), every bucket's running totals are the
 * sums of its entries, a deal holds a reservation exactly while it is in review or approved, nothing
 * committed ever goes back, headroom is limit − committed − reserved to the TPP, and no licence is
 * drawn past what it authorizes or shipped under after it expired. A deal draws a licence once, through
 * its licensed step, whatever the desk commits by hand on licences, naming the deal or not.
 */

/** A session clock that ticks a second per reading and can be moved on by whole days. */
function desk(): { db: Ledger; alice: Actor; bob: Actor; today: () => string; wait: (days: number) => void } {
  let t = Date.parse('2025-02-01T09:00:00.000Z')
  const now = () => new Date((t += 1000))
  const db = openLedger(tempLedgerPath())
  const admin: Actor = { name: 'admin', now }
  createUser(db, admin, { name: 'alice', role: 'preparer' })
  createUser(db, admin, { name: 'bob', role: 'reviewer' })
  return {
    db,
    alice: { name: 'alice', now },
    bob: { name: 'bob', now },
    today: () => new Date(t).toISOString().slice(0, 10),
    wait: (days) => void (t += days * 86_400_000),
  }
}

/** A chip whose TPP has a fraction, so TPP × quantity needs rounding on its way into the ledger. */
const FRACTIONAL = { name: 'Frac-X', tpp: 4999.7, datacenter: true }

const TEMPLATES: ReadonlyArray<(qty: number, date: string) => ProjectFields> = [
  (qty, date) => lppDeal({ plannedDate: date, lines: [{ chip: 'H100', quantity: qty }] }),
  (qty, date) =>
    lppDeal({
      consignee: 'Other Co',
      authorization: 'LICENSE',
      plannedDate: date,
      lines: [{ chip: 'H100', quantity: qty }],
    }),
  (qty, date) => lppDeal({ plannedDate: date, lines: [{ chip: FRACTIONAL, quantity: qty }] }),
  (qty, date) =>
    lppDeal({
      consignee: 'Other Co',
      authorization: 'LICENSE',
      plannedDate: date,
      lines: [
        { chip: FRACTIONAL, quantity: qty },
        { chip: 'H100', quantity: 1 },
      ],
    }),
  // Large enough that two of them compete for the consignee's LPP (26.9M TPP a year).
  (qty, date) => lppDeal({ plannedDate: date, lines: [{ chip: 'H100', quantity: qty * 100 }] }),
]
// All in the diffusion pack's time; two LPP years would need two packs.
const DATES = ['2025-02-10', '2025-03-20', '2025-04-30']
// L-1 and L-2 are recorded by the first deal licensed under them; L-3 is on record from the start
// (for Other Co in India), so a use by hand can name a deal before any licensed step.
const LICENCES = ['L-1', 'L-2', 'L-3']
const RECORDED = 'L-3'
const EXPIRIES = [undefined, '2025-03-15', '2025-06-30']

type Cmd =
  | { k: 'create'; tpl: number; qty: number; date: number }
  | { k: 'step'; deal: number; pick: number; licence: number; expiry: number; authorized: number | null }
  | { k: 'edit'; deal: number; qty: number; date: number }
  | { k: 'wait'; days: number }
  | { k: 'hold'; deal: number; licence: number; release: boolean; qty: number }
  | { k: 'use'; deal: number; licence: number; named: boolean; qty: number }

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('create' as const),
      tpl: fc.nat(3),
      qty: fc.integer({ min: 1, max: 21 }),
      date: fc.nat(2),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      k: fc.constant('step' as const),
      deal: fc.nat(3),
      pick: fc.nat(9),
      licence: fc.nat(2),
      expiry: fc.nat(2),
      authorized: fc.option(fc.integer({ min: 0, max: 3_000_000 }), { nil: null }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('edit' as const),
      deal: fc.nat(7),
      qty: fc.integer({ min: 1, max: 21 }),
      date: fc.nat(2),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ k: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 40 }) }),
  },
  // A hold on a licence taken or given back by hand for a deal (licences.recordUsage).
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('hold' as const),
      deal: fc.nat(3),
      licence: fc.nat(2),
      release: fc.boolean(),
      qty: fc.integer({ min: 1, max: 5 }),
    }),
  },
  // A use of a licence committed by hand (licences.recordUsage), for a deal or outside the book.
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('use' as const),
      deal: fc.nat(3),
      licence: fc.nat(2),
      named: fc.boolean(),
      qty: fc.integer({ min: 1, max: 5 }),
    }),
  },
)

interface Snapshot {
  committed: Map<string, number>
  entries: number
}

function snapshot(db: Ledger): Snapshot {
  const rows = db.prepare('SELECT bucket, committed, committed_units FROM capacity_bucket').all() as Array<{
    bucket: string
    committed: number
    committed_units: number
  }>
  return {
    committed: new Map(rows.map((r) => [r.bucket, r.committed * 1e9 + r.committed_units])),
    entries: db.prepare('SELECT count(*) FROM capacity_entry').pluck().get() as number,
  }
}

function checkInvariants(db: Ledger, who: Actor, ids: readonly string[], before: Snapshot): void {
  // Running totals are the sums of the entries, in TPP and in units.
  expect(checkTotals(db)).toEqual([])
  const units = db
    .prepare(
      `SELECT b.bucket FROM capacity_bucket b LEFT JOIN (
         SELECT bucket, sum(CASE action WHEN 'commit' THEN units ELSE 0 END) AS c,
           sum(CASE action WHEN 'reserve' THEN units WHEN 'release' THEN -units ELSE 0 END) AS r
         FROM capacity_entry GROUP BY bucket) e ON e.bucket = b.bucket
       WHERE b.committed_units != coalesce(e.c, 0) OR b.reserved_units != coalesce(e.r, 0)
         OR b.reserved < 0 OR b.reserved_units < 0`,
    )
    .pluck()
    .all()
  expect(units).toEqual([])
  // Committed never goes back.
  const after = snapshot(db)
  for (const [bucket, c] of before.committed)
    expect(after.committed.get(bucket) ?? 0).toBeGreaterThanOrEqual(c)
  // Headroom = limit − committed − reserved, exactly, in whole TPP.
  for (const r of headroomBuckets(db)) {
    expect(Number.isInteger(r.committed) && Number.isInteger(r.reserved)).toBe(true)
    if (r.limit !== null) expect(r.remaining).toBe(r.limit - r.installedBase - r.committed - r.reserved)
  }
  // A deal holds a reservation exactly while it is in review or approved.
  for (const id of ids) {
    const p = getProject(db, id)
    const holding = [...projectHoldings(db, id).values()]
    const reserved = holding.reduce((n, h) => n + h.reserved + h.reservedUnits, 0)
    const committed = holding.reduce((n, h) => n + h.committed, 0)
    if (p.status === 'in_review' || p.status === 'approved')
      expect(reserved, `${id} ${p.status}`).toBeGreaterThan(0)
    else expect(reserved, `${id} ${p.status}`).toBe(0)
    // An approved deal holds what its approval decided (a route changed since submission moved it).
    const approval = storedDeterminations(db, id).findLast((s) => s.stage === 'approve')?.determination
    if (p.status === 'approved' && approval && approval.authorization !== 'LICENSE') {
      const held = [...projectHoldings(db, id)]
        .filter(([bucket, h]) => !bucket.startsWith('licence:') && h.reserved > 0)
        .map(([bucket, h]) => `${bucket} ${h.reserved}`)
      expect(held.sort(), id).toEqual(
        claimsOf(approval)
          .map((c) => `${c.bucket} ${c.tpp}`)
          .sort(),
      )
    }
    if (p.status === 'draft' || p.status === 'returned' || p.status === 'in_review')
      expect(committed, `${id} ${p.status}`).toBe(0)
    // A licensed deal's record names its licence's own authorized figures, and drew on it once: the
    // one commit naming the deal on any licence. A deal not licensed drew on none.
    const drawn = [...projectHoldings(db, id)].filter(
      ([bucket, h]) => bucket.startsWith('licence:') && (h.committed > 0 || h.committedUnits > 0),
    )
    if (p.licensed) {
      const { licence, usage } = getLicence(db, who, p.licenceNumber!)
      expect(p.authorizedTpp).toBe(licence.authorizedTpp)
      expect(p.authorizedUnits).toBe(licence.authorizedUnits)
      expect(usage.filter((u) => u.projectId === id && u.action === 'commit')).toHaveLength(1)
      expect(
        drawn.map(([bucket]) => bucket),
        id,
      ).toEqual([`licence:${p.licenceNumber}`])
    } else expect(drawn, `${id} ${p.status}`).toEqual([])
  }
  // No licence is drawn past what it authorizes.
  for (const l of listLicences(db, who)) {
    expect(l.remainingTpp, l.number).toBeGreaterThanOrEqual(0)
    expect(l.remainingUnits, l.number).toBeGreaterThanOrEqual(0)
  }
}

function run(cmds: readonly Cmd[]): void {
  const { db, alice, bob, today, wait } = desk()
  const ids: string[] = []
  createLicence(db, bob, {
    number: RECORDED,
    consignee: 'Other Co',
    destination: 'IN',
    authorizedTpp: 3_000_000,
    authorizedUnits: 200,
    expiresOn: '2025-06-30',
  })
  try {
    for (const c of cmds) {
      const before = snapshot(db)
      let refused = false
      try {
        if (c.k === 'create') {
          ids.push(createDraft(db, alice, TEMPLATES[c.tpl]!(c.qty, DATES[c.date]!)).id)
        } else if (c.k === 'wait') {
          wait(c.days)
        } else if (ids.length) {
          const id = ids[c.deal % ids.length]!
          const p = getProject(db, id)
          if (c.k === 'use') {
            recordLicenceUsage(db, bob, {
              number: LICENCES[c.licence]!,
              action: 'commit',
              tpp: c.qty * 15_832,
              units: c.qty,
              ...(c.named ? { projectId: id } : {}),
              reason: 'used by hand',
            })
          } else if (c.k === 'hold') {
            recordLicenceUsage(db, bob, {
              number: LICENCES[c.licence]!,
              action: c.release ? 'release' : 'reserve',
              tpp: c.qty * 15_832,
              units: c.qty,
              projectId: id,
              reason: 'held by hand',
            })
          } else if (c.k === 'edit') {
            if (p.status !== 'draft' && p.status !== 'returned') continue
            const tpl = TEMPLATES[p.consignee === 'Other Co' ? 1 : 0]!
            updateDraft(db, alice, {
              ...p,
              ...tpl(c.qty, DATES[c.date]!),
              lines: p.lines.map((l) => ({ ...l, quantity: c.qty })),
            })
          } else {
            const next = PROJECT_TRANSITIONS[p.status].filter((s) => s !== 'draft')
            if (!next.length) continue
            // Mostly forward (the first step listed), so long lifecycles are reached.
            const to: ProjectStatus = c.pick < 6 ? next[0]! : next[c.pick % next.length]!
            // The recorded licence is named alone, as the desk draws on a licence it has on record.
            const licence =
              to === 'licensed' && LICENCES[c.licence] === RECORDED
                ? { number: RECORDED }
                : to === 'licensed'
                  ? {
                      number: LICENCES[c.licence]!,
                      ...(EXPIRIES[c.expiry] ? { expiresOn: EXPIRIES[c.expiry]! } : {}),
                      ...(c.authorized !== null ? { authorizedTpp: c.authorized, authorizedUnits: 200 } : {}),
                    }
                  : undefined
            transition(db, REVIEWER_STEPS.includes(to) ? bob : alice, {
              id,
              to,
              reason: `to ${to}`,
              ...(licence ? { licence } : {}),
            })
            // Shipping under a licence is refused once the licence has expired.
            const shipped = getProject(db, id)
            if (to === 'shipped' && shipped.licensed) {
              const { licence: l } = getLicence(db, bob, shipped.licenceNumber!)
              if (l.expiresOn !== null)
                expect(today() <= l.expiresOn, `${id} shipped under ${l.number}`).toBe(true)
            }
          }
        }
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        refused = true
      }
      // A refused step writes nothing.
      if (refused) expect(snapshot(db).entries).toBe(before.entries)
      checkInvariants(db, bob, ids, before)
    }
  } finally {
    db.close()
  }
}

describe('capacity is conserved over any legal lifecycle', () => {
  it('keeps totals, reservations, commitments, headroom and licences exact over random lifecycles', () => {
    fc.assert(
      fc.property(fc.array(cmd, { minLength: 5, maxLength: 50 }), (cmds) => run(cmds)),
      { numRuns: 60 },
    )
  }, 120_000)
})
