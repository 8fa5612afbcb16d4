import { describe, expect, it } from 'vitest'
import { headroomUnder } from '../../../electron/core/scenario-headroom'
import { headroomOf } from '../../../electron/db/capacity'
import { recordInstalledBase, upsertParty } from '../../../electron/db/parties'
import { createDraft, transition } from '../../../electron/db/projects'
import { createScenario } from '../../../electron/db/scenarios'
import { countryReport } from '../../../electron/reports/country'
import type { ReportEnv } from '../../../electron/reports/header'
import { portfolioReport } from '../../../electron/reports/portfolio'
import { loadSamplePortfolio } from '../../../electron/sample/load-sample'
import { lppDeal, openDesk, type Desk } from '../ledger/helpers'

const DATE = '2025-06-30'
const envOf = (desk: Desk): ReportEnv => ({
  db: desk.db,
  ledgerPath: desk.path,
  appVersion: '0.1.0-test',
  actor: desk.alice,
  now: () => new Date(`${DATE}T10:00:00.000Z`),
})

/** The sample portfolio and a what-if that cuts the allocation to 400M and halves the LPP limit. */
function whatIf() {
  const desk = openDesk()
  loadSamplePortfolio(desk.db, desk.alice)
  const scenario = createScenario(desk.db, desk.alice, {
    basedOn: 'us-ai-diffusion-2025',
    title: 'Allocation 400M, LPP halved',
    edits: [
      { kind: 'allocation_limit', tpp: 400_000_000 },
      { kind: 'lpp_limit', tpp: 13_450_000 },
    ],
  })
  return { desk, scenario }
}

describe('reports printed under a pinned scenario', () => {
  it("check the caps the Headroom board shows under it: the base pack's buckets against the scenario's limits", () => {
    const { desk, scenario } = whatIf()
    const board = headroomUnder(desk.db, { packId: scenario.id, asOf: DATE }, DATE).filter(
      (b) => b.kind !== 'licence' && b.limit !== null && b.committed + b.reserved !== 0,
    )
    // Malaysia's 704M is over a 400M allocation: the board shows it exceeded.
    expect(board.find((b) => b.bucket === 'country:MY')).toMatchObject({
      limit: 400_000_000,
      alertLevel: '100',
    })

    const r = portfolioReport(envOf(desk), { packId: scenario.id, asOf: DATE })
    expect(r.capsPackId).toBe(scenario.id)
    expect(r.capsRecordedUnder).toBe('us-ai-diffusion-2025')
    expect(r.alerts.find((b) => b.bucket === 'country:MY')).toMatchObject({
      limit: 400_000_000,
      alertLevel: '100',
    })
    expect(r.risks.length).toBeGreaterThan(0)
    for (const b of r.risks) expect(board).toContainEqual(b)
  })

  it("lists the country's other caps against the scenario's limits", () => {
    const { desk, scenario } = whatIf()
    const r = countryReport(envOf(desk), { country: 'IN', packId: scenario.id, asOf: DATE })
    const board = headroomUnder(desk.db, { packId: scenario.id, asOf: DATE, country: 'IN' }, DATE).filter(
      (b) => b.kind !== 'country',
    )
    expect(board.length).toBeGreaterThan(0)
    expect(r.otherBuckets).toEqual(board)
    for (const b of r.otherBuckets.filter((x) => x.kind === 'lpp')) expect(b.limit).toBe(13_450_000)
    expect(r.allocation).toBe(400_000_000)
  })

  it("mark the rows measured against the scenario's limits, which the papers' Limit from column names", () => {
    const { desk, scenario } = whatIf()
    const portfolio = portfolioReport(envOf(desk), { packId: scenario.id, asOf: DATE })
    expect(new Set(portfolio.risks.map((b) => b.kind))).toEqual(new Set(['country', 'lpp', 'nveu']))
    // The scenario edits the allocation and the LPP limit, not the VEU caps: those stay recorded.
    for (const b of portfolio.risks)
      expect([b.bucket, b.limitPackId]).toEqual([
        b.bucket,
        b.kind === 'country' || b.kind === 'lpp' ? scenario.id : undefined,
      ])
    // India's other caps are its VEU deployments (LPP buckets belong to consignees, not countries): none
    // is measured against the scenario's limits, as its statement used to say they all were.
    const india = countryReport(envOf(desk), { country: 'IN', packId: scenario.id, asOf: DATE })
    expect(india.otherBuckets.map((b) => b.kind).sort()).toEqual(['nveu', 'uveu_country'])
    expect(india.otherBuckets.every((b) => b.limitPackId === undefined)).toBe(true)
  })

  it('keep a built-in pack to the buckets recorded under it', () => {
    const { desk } = whatIf()
    const r = portfolioReport(envOf(desk), { packId: 'us-ai-diffusion-2025', asOf: DATE })
    expect(r.capsRecordedUnder).toBe('us-ai-diffusion-2025')
    expect(r.alerts.find((b) => b.bucket === 'country:MY')?.limit).toBe(790_000_000)
  })
})

describe('the portfolio alerts', () => {
  it('keep a VEU bucket whose installed base alone passes a threshold, as the Headroom board shows it', () => {
    const desk = openDesk()
    const veu = { id: 'NVEU-IN-0099', kind: 'NVEU' as const, hq: 'IN', countries: ['IN'] }
    upsertParty(desk.db, desk.alice, { name: 'Godavari Compute', hq: 'IN', parentHq: null, veu })
    recordInstalledBase(desk.db, desk.alice, { veu: veu.id, country: 'IN', tpp: 900_000_000 })
    // A deal opens the 2025-Q2 bucket, then is cancelled: the bucket holds nothing of its own, but the
    // installed base fills 900M of its 949.5M cap.
    createDraft(desk.db, desk.alice, {
      id: 'D-1',
      ...lppDeal({ consignee: 'Godavari Compute', plannedDate: '2025-04-15', authorization: 'NVEU', veu }),
    })
    transition(desk.db, desk.alice, { id: 'D-1', to: 'in_review' })
    transition(desk.db, desk.bob, { id: 'D-1', to: 'cancelled', reason: 'Customer withdrew' })
    const bucket = headroomOf(desk.db, 'nveu:NVEU-IN-0099:IN:2025-Q2')!
    expect(bucket).toMatchObject({ committed: 0, reserved: 0, installedBase: 900_000_000, alertLevel: '90' })

    const r = portfolioReport(envOf(desk), { packId: 'us-ai-diffusion-2025', asOf: '2025-04-30' })
    expect(r.alerts).toContainEqual(bucket)
    expect(r.risks).toContainEqual(bucket)
  })
})
