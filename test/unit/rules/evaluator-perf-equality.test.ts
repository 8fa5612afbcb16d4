import { describe, expect, it } from 'vitest'
import { createEvaluationState, evaluate, evaluateDeal } from '../../../shared/rules/evaluator'
import { loadPacks } from '../../../shared/rules/packs'
import type { Deal, DealBook } from '../../../shared/rules/types'

// The evaluator shares frozen objects between determinations (line results per chip and quantity,
// classifications, steps). These tests check that a warm cache gives exactly what a cold one does.

const DESTS = ['US', 'DE', 'IN', 'AE', 'CN', 'HK', 'MO', 'IL', 'SA', 'VN', 'RU', 'SG']
const CHIPS = ['H100', 'H200', 'B200', 'A100', 'MI300X', 'H20', 'Gaudi 3', 'H100 NVL']

function book(n: number): DealBook {
  let s = 7
  const r = () => ((s = (s * 1103515245 + 12345) >>> 0) / 4294967296) as number
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
  const deals: Deal[] = []
  for (let i = 0; i < n; i++) {
    const destination = pick(DESTS)
    const deal: Deal = {
      id: `D${i}`,
      date: `${r() < 0.5 ? 2025 : 2026}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
      consignee: `C${Math.floor(r() * 30)}`,
      consigneeHq: r() < 0.8 ? destination : pick(DESTS),
      parentHq: r() < 0.3 ? pick(DESTS) : null,
      destination,
      // Integer quantities (shared line results) and a fractional one (built fresh).
      lines: [
        { chip: pick(CHIPS), quantity: 1 + Math.floor(r() * 50) },
        { chip: pick(CHIPS), quantity: r() < 0.1 ? 2.5 : 1 + Math.floor(r() * 50) },
      ],
    }
    const roll = r()
    if (roll < 0.1) deal.veu = { id: `veu-${Math.floor(r() * 3)}`, kind: 'UVEU', hq: 'US' }
    else if (roll < 0.2) deal.veu = { id: `nveu-${Math.floor(r() * 5)}`, kind: 'NVEU', hq: destination }
    else if (roll < 0.3) deal.licensed = true
    if (r() < 0.1) deal.datacenter = r() < 0.5
    deals.push(deal)
  }
  return { deals, installedBase: [{ veu: 'veu-0', country: 'US', tpp: 5e9 }] }
}

describe('evaluator caches', () => {
  const b = book(600)
  for (const pack of loadPacks()) {
    it(`a warm pack gives the same determinations as a cold copy (${pack.id})`, () => {
      evaluate(b, pack) // warm the per-pack caches
      const warm = JSON.stringify(evaluate(b, pack))
      const cold = JSON.stringify(evaluate(b, structuredClone(pack)))
      expect(warm).toBe(cold)
    })
  }

  it('inline chip specs (never shared) match the catalogue chips they name', () => {
    const pack = loadPacks()[2]!
    const named = evaluate(b, pack)
    const inline = evaluate(
      {
        ...b,
        deals: b.deals.map((d) => ({
          ...d,
          lines: d.lines.map((l) => ({ ...l, chip: { name: l.chip as string } })),
        })),
      },
      pack,
    )
    expect(inline.map((d) => [d.outcome, d.tpp, d.steps.length])).toEqual(
      named.map((d) => [d.outcome, d.tpp, d.steps.length]),
    )
  })

  it('past the bound on shared texts (10,000 per pack), determinations are built fresh and unchanged', () => {
    const diffusion = loadPacks().find((p) => p.id === 'us-ai-diffusion-2025')!
    // Every deal ships under its own NVEU, so each route step names a new VEU: more texts than the bound.
    const deals: Deal[] = Array.from({ length: 10_500 }, (_, i) => ({
      id: `V${i}`,
      date: '2025-06-02',
      consignee: `C${i}`,
      consigneeHq: 'IN',
      parentHq: null,
      destination: 'IN',
      lines: [{ chip: 'H100', quantity: 1 + (i % 7) }],
      veu: { id: `nveu-${i}`, kind: 'NVEU', hq: 'IN' },
    }))
    const pack = structuredClone(diffusion)
    const all = evaluate({ deals }, pack)
    expect(all.every((d) => d.authorization === 'NVEU')).toBe(true)
    // Deals are evaluated in id order within the date: the last ones come after the bound is reached.
    for (const d of [all[0]!, all[9_999]!, all[10_499]!]) {
      const alone = evaluate({ deals: deals.filter((x) => x.id === d.dealId) }, structuredClone(diffusion))
      expect(JSON.stringify(d)).toBe(JSON.stringify(alone[0]))
    }
  })

  it('determinations keep lists of their own: a later deal does not change an earlier one', () => {
    // Steps, warnings and lines are gathered in buffers reused from deal to deal; each determination
    // must take its own copies.
    const pack = loadPacks()[0]!
    const state = createEvaluationState(pack, { used: {}, installedBase: b.installedBase ?? [] })
    const made = b.deals.slice(0, 200).map((deal) => evaluateDeal(state, deal))
    const snapshot = JSON.stringify(made)
    const later = b.deals.slice(200, 400).map((deal) => evaluateDeal(state, deal))
    expect(JSON.stringify(made)).toBe(snapshot)
    const lists = new Set<unknown>()
    for (const d of [...made, ...later])
      for (const list of [d.steps, d.warnings, d.lines])
        if (list.length > 0) {
          expect(lists.has(list)).toBe(false)
          lists.add(list)
        }
    expect(made.every((d) => d.steps.length > 0)).toBe(true)
  })
})
