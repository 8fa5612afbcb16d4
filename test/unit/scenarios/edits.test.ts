import { describe, expect, it } from 'vitest'
import { applyScenarioEdits } from '../../../shared/scenarios/edits'
import { getPack } from '../../../shared/rules/packs'
import { evaluate } from '../../../shared/rules/evaluator'
import type { DealBook, RulePack } from '../../../shared/rules/types'

const diffusion = getPack('us-ai-diffusion-2025')!
const enforced = getPack('us-advanced-computing-2025-05')!
const meta = { id: 'scn-test', title: 'Test scenario', author: 'alice', date: '2026-11-26' }

function ok(result: ReturnType<typeof applyScenarioEdits>): RulePack {
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.pack
}

const india = (tpp: number, id = 'd1', date = '2025-03-01'): DealBook => ({
  deals: [
    {
      id,
      date,
      consignee: 'Pune Research',
      consigneeHq: 'IN',
      parentHq: null,
      destination: 'IN',
      lines: [{ chip: { name: 'custom', tpp }, quantity: 1 }],
    },
  ],
})

describe('scenario edits', () => {
  it('makes a validated scenario pack that cites the scenario and leaves the base untouched', () => {
    const before = JSON.stringify(diffusion)
    const pack = ok(applyScenarioEdits(diffusion, [{ kind: 'lpp_limit', tpp: 10_000_000 }], meta))
    expect(pack).toMatchObject({ id: 'scn-test', status: 'scenario', basedOn: 'us-ai-diffusion-2025' })
    expect(pack.caps.lpp!.limitTpp).toMatchObject({ value: 10_000_000, confidence: 'unconfirmed' })
    expect(pack.caps.lpp!.limitTpp.citation).toContain('Test scenario')
    expect(JSON.stringify(diffusion)).toBe(before)
  })

  it('changes determinations: a lower LPP limit turns an LPP deal into a licence requirement', () => {
    const book = india(20_000_000)
    const [base] = evaluate(book, diffusion)
    expect(base!.authorization).toBe('LPP')
    const lower = ok(applyScenarioEdits(diffusion, [{ kind: 'lpp_limit', tpp: 10_000_000 }], meta))
    const [what] = evaluate(book, lower)
    expect(what!.authorization).toBe('LICENSE')
    expect(what!.licenseRequired).toBe(true)
  })

  it('moves a country into tier 1 so AIA applies', () => {
    const pack = ok(applyScenarioEdits(diffusion, [{ kind: 'move_tier', country: 'IN', tier: 1 }], meta))
    const [d] = evaluate(india(100_000_000), pack)
    expect(d!.tier).toBe(1)
    expect(d!.authorization).toBe('AIA')
  })

  it('moves a country into tier 3 with what tier 3 means: presumption of denial, no LPP, NAC or VEU', () => {
    const pack = ok(applyScenarioEdits(diffusion, [{ kind: 'move_tier', country: 'IN', tier: 3 }], meta))
    // A licence to India: the review policy for tier 3 (D:5 and Macau), citing the scenario.
    const [licence] = evaluate(india(100_000_000), pack)
    expect(licence).toMatchObject({
      tier: 3,
      reviewPolicy: 'presumption_of_denial',
      outcome: 'likely_denied',
    })
    // What LPP allowed to India before, it no longer does.
    const small = india(1_000_000)
    expect(evaluate(small, diffusion)[0]!.authorization).toBe('LPP')
    const [lpp] = evaluate(small, pack)
    expect(lpp!.authorization).toBe('LICENSE')
    expect(lpp!.reviewPolicy).toBe('presumption_of_denial')
    // A VEU's deployment there is refused too.
    const veu = india(1_000_000)
    veu.deals[0]!.veu = { id: 'UVEU-US-1', kind: 'UVEU', hq: 'US' }
    veu.deals[0]!.authorization = 'UVEU'
    veu.installedBase = [{ veu: 'UVEU-US-1', country: 'US', tpp: 1_000_000_000 }]
    expect(evaluate(veu, pack)[0]!.authorization).not.toBe('UVEU')
    // Every rule set changed says it is the scenario's, not the regulation's.
    expect(pack.licensing.headquarters.countries).toContain('IN')
    expect(pack.licensing.headquarters.confidence).toBe('unconfirmed')
    expect(diffusion.licensing.headquarters.countries).not.toContain('IN')
  })

  it('moves Macau out of tier 3 by name and out of the rules that named it for being in tier 3', () => {
    const pack = ok(applyScenarioEdits(diffusion, [{ kind: 'move_tier', country: 'MO', tier: 2 }], meta))
    expect(pack.countries.tiers!.tier3.countries).not.toContain('MO')
    expect(pack.licensing.headquarters.countries).not.toContain('MO')
  })

  it('refuses moving a D:5 country out of tier 3 without a group change', () => {
    const result = applyScenarioEdits(diffusion, [{ kind: 'move_tier', country: 'CN', tier: 2 }], meta)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues[0]!.path).toBe('edits.0.country')
  })

  it('refuses edits the base pack has nothing for', () => {
    const result = applyScenarioEdits(
      enforced,
      [
        { kind: 'move_tier', country: 'IN', tier: 1 },
        { kind: 'lpp_limit', tpp: 1 },
      ],
      meta,
    )
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual(['edits.0.tier', 'edits.1.kind'])
  })

  it('a government arrangement doubles the allocation', () => {
    const pack = ok(
      applyScenarioEdits(
        diffusion,
        [{ kind: 'government_arrangement', country: 'IN', from: '2025-01-13' }],
        meta,
      ),
    )
    const book: DealBook = {
      deals: [
        { ...india(790_000_000, 'a').deals[0]!, licensed: true, authorization: 'LICENSE' },
        { ...india(100_000_000, 'b', '2025-03-02').deals[0]!, licensed: true, authorization: 'LICENSE' },
      ],
    }
    const base = evaluate(book, diffusion)
    expect(base[1]!.reviewPolicy).toBe('policy_of_denial')
    const doubled = evaluate(book, pack)
    const cap = doubled[1]!.caps.find((c) => c.bucket === 'country:IN')!
    expect(cap.limit).toBe(1_580_000_000)
    expect(doubled[1]!.reviewPolicy).toBe('presumption_of_approval')
  })
})
