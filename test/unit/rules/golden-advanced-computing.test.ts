import { beforeAll, describe, expect, it } from 'vitest'
import type { Determination } from '../../../shared/rules/types'
import { determinations } from './helpers'

/** Golden cases for the enforced advanced-computing regime (ear-country-groups-and-licensing.md §2). */
describe('us-advanced-computing-2025-05 golden book', () => {
  let d: Record<string, Determination>
  beforeAll(() => {
    d = determinations('advanced-computing-2025-golden.json', 'us-advanced-computing-2025-05')
  })

  it('has no tiers and no caps', () => {
    for (const x of Object.values(d)) {
      expect(x.tier).toBeNull()
      expect(x.caps).toEqual([])
    }
  })

  it('NLR for the US, Germany and India (not D:1/D:4/D:5)', () => {
    for (const id of ['us-domestic', 't1-germany', 'india'])
      expect(d[id]).toMatchObject({ licenseRequired: false, authorization: 'NLR', outcome: 'allowed' })
  })

  it("Israel's A:6 membership excludes it from the D:4 destination test", () => {
    expect(d['israel-a6']).toMatchObject({
      groups: ['A:6', 'D:3', 'D:4'],
      licenseRequired: false,
      authorization: 'NLR',
    })
    expect(d['israel-a6']!.steps.some((s) => s.text.includes('also in A:6'))).toBe(true)
  })

  it('D:4 destinations (Saudi Arabia, UAE in 2025) need a licence with a presumption of approval', () => {
    for (const id of ['saudi-d4', 'uae-d4'])
      expect(d[id]).toMatchObject({
        licenseRequired: true,
        reviewPolicy: 'presumption_of_approval',
        outcome: 'license_required',
      })
  })

  it('China, Macau and Cambodia (D:5 in 2025): licence with presumption of denial', () => {
    for (const id of ['china', 'macau', 'cambodia-2025'])
      expect(d[id]).toMatchObject({
        licenseRequired: true,
        reviewPolicy: 'presumption_of_denial',
        outcome: 'likely_denied',
      })
    expect(d['macau']!.groups).toEqual(['D:1', 'D:3', 'D:4'])
  })

  it('headquarters rule in Germany: datacenter 3A090.a denied; non-datacenter items may use NAC with 25-day notice', () => {
    expect(d['hq-rule-germany-dc']).toMatchObject({
      reasons: [expect.objectContaining({ kind: 'headquarters' })],
      reviewPolicy: 'presumption_of_denial',
    })
    expect(d['hq-rule-germany-edge']).toMatchObject({
      licenseRequired: false,
      authorization: 'NAC',
      outcome: 'allowed_with_notice',
    })
    expect(d['hq-rule-germany-edge']!.steps.some((s) => s.text.includes('25 calendar days'))).toBe(true)
    expect(d['hq-rule-germany-b']).toMatchObject({ eccn: '3A090.b', authorization: 'NAC' })
  })

  it('3A090.b: ACA to Vietnam (D:1), NAC to China (D:5)', () => {
    expect(d['vietnam-b-aca']).toMatchObject({ authorization: 'ACA', outcome: 'allowed' })
    expect(d['china-b-nac']).toMatchObject({ authorization: 'NAC', outcome: 'allowed_with_notice' })
  })

  it('in-country transfers within D:5 and Macau: ACA, not NAC (which covers exports and reexports only)', () => {
    // 15 CFR 740.8(b): ACA also covers "transfers (in-country) within Macau and destinations in D:5".
    for (const id of ['china-b-transfer', 'macau-b-transfer'])
      expect(d[id]).toMatchObject({
        licenseRequired: false,
        authorization: 'ACA',
        available: ['ACA', 'LICENSE'],
        outcome: 'allowed',
      })
    // A reexport to China is still NAC's.
    expect(d['china-b-reexport']).toMatchObject({ authorization: 'NAC', outcome: 'allowed_with_notice' })
    // Datacenter-class 3A090.a: neither exception, and the licence explains both refusals.
    const dc = d['china-dc-transfer']!
    expect(dc).toMatchObject({ authorization: 'LICENSE', available: ['LICENSE'], licenseRequired: true })
    const texts = dc.steps.map((s) => s.text)
    expect(texts).toContain('ACA not available: datacenter-class 3A090.a items are excluded.')
    expect(texts).toContain('NAC not available: NAC covers export and reexport only, not a transfer.')
  })

  it('H20 to China: not 3A090, but the is-informed requirement applies (end use), policy unpublished', () => {
    expect(d['china-h20']).toMatchObject({
      eccn: 'none',
      licenseRequired: true,
      reviewPolicy: null,
      outcome: 'license_required',
    })
    expect(d['china-h20']!.reasons[0]!.kind).toBe('end_use')
  })

  it('missing data is not determinable and names what is missing', () => {
    expect(d['unknown-chip']).toMatchObject({
      outcome: 'not_determinable',
      licenseRequired: null,
      authorization: null,
    })
    expect(d['unknown-chip']!.missing[0]).toContain('Mystery X1')
    expect(d['missing-destination']).toMatchObject({ outcome: 'not_determinable', missing: ['destination'] })
  })
})

describe('us-advanced-computing-2026 golden book', () => {
  let d: Record<string, Determination>
  beforeAll(() => {
    d = determinations('advanced-computing-2026-golden.json', 'us-advanced-computing-2026')
  })

  it('Cambodia: D:5 (denial) before 2026-02-04, D:1 only (approval) after', () => {
    expect(d['cambodia-before']).toMatchObject({
      groups: ['D:1', 'D:5'],
      reviewPolicy: 'presumption_of_denial',
      outcome: 'likely_denied',
    })
    expect(d['cambodia-after']).toMatchObject({
      groups: ['D:1'],
      reviewPolicy: 'presumption_of_approval',
      outcome: 'license_required',
    })
  })

  it('H200-class to China: case-by-case with all certifications, denial without', () => {
    expect(d['h200-china-certified']).toMatchObject({
      licenseRequired: true,
      reviewPolicy: 'case_by_case',
      outcome: 'license_required',
    })
    expect(d['h200-china-certified']!.warnings.filter((w) => w.code === 'unchecked_condition')).toHaveLength(
      2,
    )
    expect(d['h200-macau-certified']!.reviewPolicy).toBe('case_by_case')
    expect(d['h200-china-uncertified']).toMatchObject({
      reviewPolicy: 'presumption_of_denial',
      outcome: 'likely_denied',
    })
    expect(d['h200-china-uncertified']!.steps.some((s) => s.text.includes('recipient-security-kyc'))).toBe(
      true,
    )
    expect(d['h200-china-reexport']!.reviewPolicy).toBe('presumption_of_denial')
    expect(d['b200-china-certified']!.reviewPolicy).toBe('presumption_of_denial')
    expect(d['h200-china-before-rule']!.reviewPolicy).toBe('presumption_of_denial')
  })

  it('H200 to China without DRAM bandwidth is not determinable', () => {
    expect(d['h200-china-no-bandwidth']).toMatchObject({ outcome: 'not_determinable', licenseRequired: null })
    expect(d['h200-china-no-bandwidth']!.missing[0]).toContain('dramBandwidth')
  })

  it('UAE: D:4 licence before 2026-07-10; A:5 after, still named; approved entities use STA until expiry', () => {
    expect(d['uae-before']).toMatchObject({ groups: ['D:3', 'D:4'], reviewPolicy: 'presumption_of_approval' })
    expect(d['uae-after']).toMatchObject({
      groups: ['A:5'],
      licenseRequired: true,
      reviewPolicy: 'presumption_of_approval',
    })
    expect(d['uae-g42']).toMatchObject({ licenseRequired: false, authorization: 'STA', outcome: 'allowed' })
    expect(d['uae-g42']!.confidence).toBe('unconfirmed')
    expect(d['uae-microsoft']!.authorization).toBe('STA')
    expect(d['uae-g42-expired']!.authorization).toBe('LICENSE')
  })

  it('Israel stays excluded through A:6', () => {
    expect(d['israel-a6']).toMatchObject({ authorization: 'NLR', outcome: 'allowed' })
  })
})
