import { beforeAll, describe, expect, it } from 'vitest'
import type { CapEffect, Determination } from '../../../shared/rules/types'
import { determinations } from './helpers'

/** Golden cases for the AI diffusion framework as written, built from ai-diffusion-rule.md and the EAR fact sheet. */
describe('us-ai-diffusion-2025 golden book', () => {
  let d: Record<string, Determination>
  beforeAll(() => {
    d = determinations('diffusion-golden.json', 'us-ai-diffusion-2025')
  })
  const cap = (id: string, kind: CapEffect['kind']) => d[id]!.caps.find((c) => c.kind === kind)!

  it('tier 1: Germany, German consignee with a US parent → AIA, no licence', () => {
    expect(d['t1-germany']).toMatchObject({
      tier: 1,
      eccn: '3A090.a',
      licenseRequired: false,
      authorization: 'AIA',
      outcome: 'allowed',
    })
  })

  it('tier 2: India, small order → LPP, no licence, counted against the consignee year', () => {
    const x = d['t2-india-small']!
    expect(x).toMatchObject({
      tier: 2,
      licenseRequired: false,
      authorization: 'LPP',
      outcome: 'allowed',
      reviewPolicy: null,
    })
    expect(cap('t2-india-small', 'lpp')).toMatchObject({
      bucket: 'lpp:Pune Research Institute:2025',
      before: 0,
      after: 1_583_200,
      counted: true,
    })
    expect(x.caps.some((c) => c.kind === 'country')).toBe(false)
  })

  it('tier 3: China → licence, presumption of denial', () => {
    expect(d['t3-china']).toMatchObject({
      tier: 3,
      licenseRequired: true,
      authorization: 'LICENSE',
      reviewPolicy: 'presumption_of_denial',
      outcome: 'likely_denied',
    })
  })

  it('LPP below, at and above the 26,900,000 limit, and its reset in a new calendar year', () => {
    expect(cap('lpp-1-below', 'lpp')).toMatchObject({
      limit: 26_900_000,
      before: 0,
      after: 20_000_000,
      exceeded: false,
    })
    expect(d['lpp-2-at']).toMatchObject({ authorization: 'LPP', outcome: 'allowed' })
    expect(cap('lpp-2-at', 'lpp')).toMatchObject({
      after: 26_900_000,
      remaining: 0,
      exceeded: false,
      counted: true,
    })
    expect(d['lpp-2-at']!.warnings.some((w) => w.code === 'threshold' && w.message.includes('100%'))).toBe(
      true,
    )
    const above = d['lpp-3-above']!
    expect(above).toMatchObject({
      authorization: 'LICENSE',
      licenseRequired: true,
      reviewPolicy: 'presumption_of_approval',
      outcome: 'license_required',
    })
    expect(cap('lpp-3-above', 'lpp')).toMatchObject({
      before: 26_900_000,
      after: 26_910_000,
      exceeded: true,
      counted: false,
    })
    expect(cap('lpp-4-new-year', 'lpp')).toMatchObject({
      bucket: 'lpp:Sao Paulo Labs:2026',
      before: 0,
      counted: true,
    })
    expect(d['lpp-4-new-year']!.authorization).toBe('LPP')
  })

  it('country allocation: licensed TPP reaches 790,000,000 (approval), the next application passes it (policy of denial)', () => {
    expect(d['alloc-1-reach']).toMatchObject({
      authorization: 'LICENSE',
      reviewPolicy: 'presumption_of_approval',
      outcome: 'license_required',
    })
    expect(cap('alloc-1-reach', 'country')).toMatchObject({
      bucket: 'country:ID',
      limit: 790_000_000,
      before: 0,
      after: 790_000_000,
      exceeded: false,
      counted: true,
    })
    expect(d['alloc-2-pass']).toMatchObject({ reviewPolicy: 'policy_of_denial', outcome: 'likely_denied' })
    expect(cap('alloc-2-pass', 'country')).toMatchObject({
      before: 790_000_000,
      exceeded: true,
      counted: false,
    })
  })

  it('NVEU: cumulative per-country quarter cap (Q1 633M exceeded, Q2 949.5M not)', () => {
    expect(cap('nveu-q1-over', 'nveu')).toMatchObject({
      bucket: 'nveu:johor-nveu:MY:2025-Q1',
      limit: 633_000_000,
      before: 600_000_000,
      after: 640_000_000,
      exceeded: true,
    })
    expect(d['nveu-q1-over']!.authorization).toBe('LICENSE')
    expect(d['nveu-q1-over']!.warnings.some((w) => w.code === 'requested_unavailable')).toBe(true)
    expect(d['nveu-q2-ok']).toMatchObject({
      authorization: 'NVEU',
      licenseRequired: false,
      outcome: 'allowed',
    })
    expect(cap('nveu-q2-ok', 'nveu')).toMatchObject({
      bucket: 'nveu:johor-nveu:MY:2025-Q2',
      limit: 949_500_000,
      counted: true,
      exceeded: false,
    })
    // VEU deals do not touch the country allocation.
    expect(d['nveu-q2-ok']!.caps.some((c) => c.kind === 'country')).toBe(false)
  })

  it('UVEU: a tier-2 country share above 7% is a breach', () => {
    expect(d['uveu-india-ok']!.authorization).toBe('UVEU')
    const ok = cap('uveu-india-ok', 'uveu_country')
    expect(ok.bucket).toBe('uveu:hyperscaler:IN')
    expect(ok.after).toBeCloseTo(60 / 1010, 6)
    expect(ok.exceeded).toBe(false)
    const breach = cap('uveu-india-breach', 'uveu_country')
    expect(breach.after).toBeCloseTo(80 / 1030, 6)
    expect(breach).toMatchObject({ limit: 0.07, bound: 'max', exceeded: true })
    expect(cap('uveu-india-breach', 'uveu_tier1')).toMatchObject({
      bound: 'min',
      limit: 0.75,
      exceeded: false,
    })
    expect(cap('uveu-india-breach', 'uveu_us')).toMatchObject({ bound: 'min', limit: 0.5, exceeded: false })
    expect(d['uveu-india-breach']!.authorization).not.toBe('UVEU')
    expect(d['uveu-india-breach']!.warnings.some((w) => w.code === 'requested_unavailable')).toBe(true)
  })

  it('headquarters rule: China-parented subsidiary in Malaysia → presumption of denial, no LPP', () => {
    const x = d['hq-rule-malaysia']!
    expect(x.reasons.map((r) => r.kind)).toEqual(['destination', 'headquarters'])
    expect(x).toMatchObject({ reviewPolicy: 'presumption_of_denial', outcome: 'likely_denied' })
    expect(x.available).not.toContain('LPP')
  })

  it('Macau and Hong Kong are tier 3 (Hong Kong evaluated as China, with a step saying so)', () => {
    expect(d['macau']).toMatchObject({ destination: 'MO', tier: 3, outcome: 'likely_denied' })
    expect(d['hong-kong']).toMatchObject({ destination: 'CN', tier: 3, outcome: 'likely_denied' })
    expect(d['hong-kong']!.steps.some((s) => s.text.includes('(HK) is evaluated as'))).toBe(true)
  })

  it('Israel is tier 2 under the framework (A:6 does not exempt 3A090.a from the worldwide requirement)', () => {
    expect(d['israel']).toMatchObject({ tier: 2, licenseRequired: false, authorization: 'LPP' })
  })

  it('US destination: NLR; 3A090.b to Vietnam: ACA', () => {
    expect(d['us-domestic']).toMatchObject({
      authorization: 'NLR',
      licenseRequired: false,
      outcome: 'allowed',
    })
    expect(d['mi210-vietnam']).toMatchObject({ eccn: '3A090.b', authorization: 'ACA', outcome: 'allowed' })
  })

  it('every determination that relies on secondary sources says so', () => {
    for (const x of Object.values(d)) {
      if (x.confidence !== 'primary') expect(x.warnings.some((w) => w.code === 'low_confidence')).toBe(true)
      expect(x.steps.length).toBeGreaterThan(0)
      for (const s of x.steps) expect(s.citation.length).toBeGreaterThan(0)
    }
  })
})
