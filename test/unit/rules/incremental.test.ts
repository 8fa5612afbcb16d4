import { describe, expect, it } from 'vitest'
import {
  bucketsForDeal,
  createEvaluationState,
  evaluate,
  evaluateDeal,
} from '../../../shared/rules/evaluator'
import type { Deal } from '../../../shared/rules/types'
import { pack } from './helpers'

const diffusion = pack('us-ai-diffusion-2025')
const lppDeal = (id: string, quantity: number, date = '2025-03-01'): Deal => ({
  id,
  date,
  consignee: 'Sao Paulo Labs',
  consigneeHq: 'BR',
  parentHq: null,
  destination: 'BR',
  lines: [{ chip: { name: 'Unit-10k', tpp: 10_000 }, quantity }],
})

describe('incremental evaluation (ledger API)', () => {
  it('opening balances from the ledger set `before`', () => {
    const state = createEvaluationState(diffusion, { used: { 'lpp:Sao Paulo Labs:2025': 20_000_000 } })
    const d = evaluateDeal(state, lppDeal('x', 700))
    expect(d.caps[0]).toMatchObject({
      bucket: 'lpp:Sao Paulo Labs:2025',
      before: 20_000_000,
      after: 27_000_000,
      exceeded: true,
    })
    expect(d.authorization).toBe('LICENSE')
  })

  it('dryRun previews without consuming; a real run consumes', () => {
    const state = createEvaluationState(diffusion)
    evaluateDeal(state, lppDeal('a', 1000), { dryRun: true })
    expect(state.used.size).toBe(0)
    evaluateDeal(state, lppDeal('a', 1000))
    expect(state.used.get('lpp:Sao Paulo Labs:2025')).toBe(10_000_000)
  })

  it('evaluate() equals evaluateDeal over the ordered book and orders by date then id', () => {
    const book = {
      deals: [
        lppDeal('b', 1500, '2025-03-02'),
        lppDeal('c', 1500, '2025-03-01'),
        lppDeal('a', 1000, '2025-03-02'),
      ],
    }
    const out = evaluate(book, diffusion)
    expect(out.map((d) => d.dealId)).toEqual(['c', 'a', 'b'])
    expect(out.map((d) => d.authorization)).toEqual(['LPP', 'LPP', 'LICENSE'])
  })

  it('auto picks the governing pack per deal and shares the usage across packs', () => {
    const out = evaluate(
      {
        deals: [
          lppDeal('early', 10, '2025-02-01'),
          lppDeal('late', 10, '2025-06-01'),
          lppDeal('old', 10, '2020-01-01'),
        ],
      },
      'auto',
    )
    expect(out.map((d) => [d.dealId, d.packId, d.outcome])).toEqual([
      ['old', 'auto', 'not_determinable'],
      ['early', 'us-ai-diffusion-2025', 'allowed'],
      ['late', 'us-advanced-computing-2025-05', 'allowed'],
    ])
  })

  it('auto does not apply the 2025-05 pack before 2024-05-30, when its groups and § 740.8 began to hold', () => {
    const [d] = evaluate({ deals: [lppDeal('cyprus-era', 10, '2024-03-01')] }, 'auto')
    expect(d).toMatchObject({ packId: 'auto', outcome: 'not_determinable', licenseRequired: null })
    expect(d!.missing).toEqual([
      'a rule pack governing 2024-03-01 (the timeline starts 2024-05-30); pin a pack',
    ])
  })

  it('the diffusion pack, pinned after 2026, follows the dated group changes (Cambodia leaves D:5 and tier 3)', () => {
    const cambodia = (id: string, date: string): Deal => ({
      id,
      date,
      consignee: 'Phnom Penh Compute',
      consigneeHq: 'KH',
      parentHq: null,
      destination: 'KH',
      lines: [{ chip: 'H100', quantity: 8 }],
    })
    const [before, after] = evaluate(
      { deals: [cambodia('before', '2026-02-03'), cambodia('after', '2026-02-04')] },
      diffusion,
    )
    expect(before).toMatchObject({ tier: 3, reviewPolicy: 'presumption_of_denial' })
    expect(before!.groups).toContain('D:5')
    expect(after!.tier).toBe(2)
    expect(after!.groups).not.toContain('D:5')
  })

  it('bucketsForDeal lists the buckets a deal could touch', () => {
    const deal: Deal = { ...lppDeal('v', 1), veu: { id: 'hs', kind: 'UVEU', hq: 'US' } }
    expect(bucketsForDeal(deal, diffusion).map((b) => b.bucket)).toEqual([
      'country:BR',
      'lpp:Sao Paulo Labs:2025',
      'uveu:hs:BR',
      'uveu:hs:tier1',
      'uveu:hs:us',
    ])
    expect(bucketsForDeal(deal, pack('us-advanced-computing-2026'))).toEqual([])
  })

  it('is total: garbage in gives not_determinable, never a throw', () => {
    const state = createEvaluationState('auto')
    const garbage = [
      { id: 'g1', date: 'yesterday', consignee: 'x', lines: [] },
      {
        id: 'g2',
        date: '2025-06-01',
        consignee: 'x',
        consigneeHq: 'IN',
        parentHq: null,
        destination: 'IN',
        lines: [{ chip: { name: 'y' }, quantity: 1 }],
      },
      {
        id: 'g3',
        date: '2025-06-01',
        consignee: 'x',
        consigneeHq: 'IN',
        parentHq: null,
        destination: 'IN',
        lines: [{ chip: 'H100', quantity: -1 }],
      },
      {
        id: 'g4',
        date: '2025-06-01',
        consignee: 'x',
        consigneeHq: 'IN',
        destination: 'IN',
        lines: [{ chip: 'H100', quantity: 1 }],
      },
      {
        id: 'g5',
        date: '2025-06-01',
        consignee: 'x',
        consigneeHq: 'IN',
        parentHq: null,
        destination: 'IN',
        lines: null,
      },
    ] as unknown as Deal[]
    for (const g of garbage) {
      const d = evaluateDeal(state, g)
      expect(d.outcome, g.id).toBe('not_determinable')
      expect(d.missing.length, g.id).toBeGreaterThan(0)
      expect(d.warnings.some((w) => w.code === 'missing_data')).toBe(true)
    }
  })

  it('a government-to-government arrangement doubles the allocation (scenario)', () => {
    const scenario = structuredClone(diffusion)
    scenario.countries.governmentArrangements.push({
      country: 'ID',
      from: '2025-01-01',
      citation: 'what-if',
      confidence: 'unconfirmed',
    })
    const deal: Deal = {
      ...lppDeal('g', 1000),
      consignee: 'Jakarta',
      consigneeHq: 'ID',
      destination: 'ID',
      licensed: true,
      lines: [{ chip: { name: 'u', tpp: 1_000_000 }, quantity: 1000 }],
    }
    const d = evaluateDeal(createEvaluationState(scenario), deal)
    expect(d.caps[0]).toMatchObject({ bucket: 'country:ID', limit: 1_580_000_000, exceeded: false })
    expect(d.reviewPolicy).toBe('presumption_of_approval')
  })
})
