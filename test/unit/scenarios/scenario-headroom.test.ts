import { describe, expect, it } from 'vitest'
import { countriesHandlers } from '../../../electron/core/handlers/countries'
import { headroomHandlers } from '../../../electron/core/handlers/headroom'
import type { HandlerContext } from '../../../electron/core/context'
import { headroomUnder } from '../../../electron/core/scenario-headroom'
import { headroomBuckets } from '../../../electron/db/capacity'
import { openLedger } from '../../../electron/db/ledger'
import { createScenario } from '../../../electron/db/scenarios'
import { loadSamplePortfolio } from '../../../electron/sample/load-sample'
import { tempLedgerPath } from '../helpers/temp-ledger'

const DATE = '2025-06-30'

/** The sample portfolio on a new ledger, with one scenario of the framework as written. */
function sampleWith(title: string, edits: Parameters<typeof createScenario>[2]['edits']) {
  const db = openLedger(tempLedgerPath())
  loadSamplePortfolio(db, 'desk.officer')
  return { db, scenario: createScenario(db, 'alice', { basedOn: 'us-ai-diffusion-2025', title, edits }) }
}
/** Malaysia's allocation doubles from 2026-06-01. */
const MALAYSIA_G2G = [{ kind: 'government_arrangement' as const, country: 'MY', from: '2026-06-01' }]

describe('the headroom board under a pinned scenario', () => {
  it("shows the base pack's buckets against the scenario's limits, as the Countries grid does", async () => {
    const db = openLedger(tempLedgerPath())
    loadSamplePortfolio(db, 'desk.officer')
    const scenario = createScenario(db, 'alice', {
      basedOn: 'us-ai-diffusion-2025',
      title: 'Allocation 400M, LPP halved',
      edits: [
        { kind: 'allocation_limit', tpp: 400_000_000 },
        { kind: 'lpp_limit', tpp: 13_450_000 },
      ],
    })
    // No cap is recorded under the scenario itself (licences are listed under every pack): the board
    // showed no regulatory bucket.
    expect(headroomBuckets(db, { packId: scenario.id }).filter((b) => b.kind !== 'licence')).toEqual([])

    const base = headroomBuckets(db, { packId: 'us-ai-diffusion-2025', asOf: DATE })
    const what = headroomUnder(db, { packId: scenario.id, asOf: DATE }, DATE)
    expect(what.map((b) => b.bucket)).toEqual(base.map((b) => b.bucket))

    const my = what.find((b) => b.bucket === 'country:MY')!
    const used = my.committed + my.reserved
    expect(my).toMatchObject({ limit: 400_000_000, remaining: 400_000_000 - used })
    expect(my.pctUsed).toBe(Math.round((used / 400_000_000) * 10000) / 100)
    // The same figures as the Countries grid under the same pin.
    const ctx = { ledger: db, now: () => new Date(`${DATE}T12:00:00Z`) } as unknown as HandlerContext
    const country = (
      await countriesHandlers['countries.list']!({ packId: scenario.id, asOf: DATE }, ctx)
    ).find((c) => c.iso2 === 'MY')!
    expect([country.allocation, country.remaining]).toEqual([my.limit, my.remaining])

    for (const lpp of what.filter((b) => b.kind === 'lpp')) expect(lpp.limit).toBe(13_450_000)
    // Buckets the scenario does not change keep their recorded limits.
    const others = what.filter((b) => b.kind !== 'country' && b.kind !== 'lpp')
    for (const b of others) expect(b).toEqual(base.find((x) => x.bucket === b.bucket))
    db.close()
  })
})

describe("the headroom board's scenario limits follow the header's as-of date", () => {
  it('reads a dated scenario edit on the as-of date the board is given, not on today', async () => {
    // Malaysia's allocation doubles from 2026-06-01 under the scenario; the desk looks at 2025-03-01
    // on 2026-11-27: the board said 1,580,000,000 (today's figure) while Countries said 790,000,000.
    const { db, scenario } = sampleWith('Malaysia G2G from mid 2026', MALAYSIA_G2G)
    const ctx = { ledger: db, now: () => new Date('2026-11-27T12:00:00Z') } as unknown as HandlerContext
    const board = await headroomHandlers['headroom.buckets']!({ packId: scenario.id, on: '2025-03-01' }, ctx)
    const my = board.find((b) => b.bucket === 'country:MY')!
    const country = (
      await countriesHandlers['countries.list']!({ packId: scenario.id, asOf: '2025-03-01' }, ctx)
    ).find((c) => c.iso2 === 'MY')!
    expect(my.limit).toBe(790_000_000)
    expect([my.limit, my.remaining, my.pctUsed]).toEqual([
      country.allocation,
      country.remaining,
      country.pctUsed,
    ])
    // The board still lists every period: the date only reads the limits (LPP 2025 is kept in 2026).
    const later = await headroomHandlers['headroom.buckets']!({ packId: scenario.id, on: '2026-11-01' }, ctx)
    expect(later.find((b) => b.bucket === 'country:MY')!.limit).toBe(1_580_000_000)
    expect(later.map((b) => b.bucket)).toEqual(board.map((b) => b.bucket))
    db.close()
  })
})

describe("a bucket's history under a pinned scenario", () => {
  it("is measured against the scenario's limit on the board's date, as the board lists the bucket", async () => {
    const { db, scenario } = sampleWith('Malaysia G2G from mid 2026', MALAYSIA_G2G)
    const ctx = { ledger: db, now: () => new Date('2026-11-27T12:00:00Z') } as unknown as HandlerContext
    const history = headroomHandlers['headroom.history']!
    const buckets = headroomHandlers['headroom.buckets']!
    // The allocation-over-time chart drew the stored 790,000,000 under the scenario while the board's
    // grid and the Countries card said 1,580,000,000.
    for (const on of ['2025-03-01', '2026-11-01']) {
      const h = await history({ bucket: 'country:MY', limit: 5000, packId: scenario.id, on }, ctx)
      const row = (await buckets({ packId: scenario.id, on }, ctx)).find((b) => b.bucket === 'country:MY')!
      expect(h.bucket).toEqual(row)
      expect(h.bucket.limitPackId).toBe(scenario.id)
      for (const p of h.points) expect(p.remaining).toBe(row.limit! - p.committed - p.reserved)
    }
    const later = await history(
      { bucket: 'country:MY', limit: 5000, packId: scenario.id, on: '2026-11-01' },
      ctx,
    )
    expect(later.bucket.limit).toBe(1_580_000_000)
    expect(later.points.at(-1)!.remaining).toBe(1_580_000_000 - 703_968_000)

    // Without a scenario, the recorded limit, and no other pack named.
    const stored = await history({ bucket: 'country:MY', limit: 5000 }, ctx)
    expect(stored.bucket.limit).toBe(790_000_000)
    expect(stored.bucket).not.toHaveProperty('limitPackId')
    const pinned = await history({ bucket: 'country:MY', limit: 5000, packId: 'us-ai-diffusion-2025' }, ctx)
    expect(pinned).toEqual(stored)
    // A kind the scenario does not measure again keeps its recorded limit.
    const nveu = 'nveu:NVEU-IN-0007:IN:2025-Q1'
    expect(await history({ bucket: nveu, limit: 5000, packId: scenario.id, on: '2026-11-01' }, ctx)).toEqual(
      await history({ bucket: nveu, limit: 5000 }, ctx),
    )
    db.close()
  })

  it("names the scenario on the board's rows whose limit is the scenario's, and only on those", () => {
    const { db, scenario } = sampleWith('LPP halved', [{ kind: 'lpp_limit', tpp: 13_450_000 }])
    const rows = headroomUnder(db, { packId: scenario.id, asOf: DATE }, DATE)
    for (const r of rows)
      expect([r.bucket, r.limitPackId]).toEqual([
        r.bucket,
        r.kind === 'country' || r.kind === 'lpp' ? scenario.id : undefined,
      ])
    expect(rows.some((r) => r.kind === 'lpp')).toBe(true)
    // Under a built-in pack no row names another pack's limit.
    for (const r of headroomUnder(db, { packId: 'us-ai-diffusion-2025', asOf: DATE }, DATE))
      expect(r).not.toHaveProperty('limitPackId')
    db.close()
  })
})
