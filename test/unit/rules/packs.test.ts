import { describe, expect, it } from 'vitest'
import { geographyOf } from '../../../shared/rules/geography'
import { getPack, loadPacks } from '../../../shared/rules/packs'
import { validatePack } from '../../../shared/rules/schema'
import { governingPack } from '../../../shared/rules/timeline'
import type { Cited } from '../../../shared/rules/types'
import { pack } from './helpers'

describe('built-in packs', () => {
  it('ships the three packs, valid against the schema', () => {
    expect(loadPacks().map((p) => [p.id, p.status, p.effectiveDate])).toEqual([
      ['us-ai-diffusion-2025', 'as_written', '2025-01-13'],
      ['us-advanced-computing-2025-05', 'enforced', '2025-05-13'],
      ['us-advanced-computing-2026', 'enforced', '2026-01-15'],
    ])
    for (const p of loadPacks()) expect(validatePack(JSON.parse(JSON.stringify(p))).ok).toBe(true)
  })

  it('carries the reference numbers with their confidence', () => {
    const diff = pack('us-ai-diffusion-2025')
    expect(diff.caps.lpp!.limitTpp).toMatchObject({ value: 26_900_000, confidence: 'secondary' })
    expect(diff.caps.countryAllocation!.limitTpp).toMatchObject({ value: 790_000_000, confidence: 'primary' })
    expect(diff.caps.countryAllocation!.governmentIncrease.value).toBe(1)
    expect(diff.caps.nveu!.schedule.map((q) => q.limitTpp)).toEqual([
      633_000_000, 949_500_000, 1_266_000_000, 1_582_500_000, 1_899_000_000, 2_690_250_000, 3_481_500_000,
      4_272_750_000, 5_064_000_000, 5_064_000_000, 5_064_000_000, 5_064_000_000,
    ])
    expect(diff.caps.uveu!.tier2CountryMaxShare.value).toBe(0.07)
    expect(diff.caps.uveu!.tier1MinShare.value).toBe(0.75)
    expect(diff.caps.uveu!.usMinShareForUsHq.value).toBe(0.5)
    expect(diff.countries.tiers!.tier1.value).toHaveLength(19)
    expect(diff.exceptions.lpp!.notificationRequired.value).toBeNull()
    const y26 = pack('us-advanced-computing-2026')
    expect(y26.reviewPolicies.chinaCaseByCase!.maxTppExclusive.value).toBe(21_000)
    expect(y26.reviewPolicies.chinaCaseByCase!.maxDramBandwidthExclusive.value).toBe(6_500)
    expect(y26.countries.tiers).toBeNull()
  })

  it('every number has a citation and a confidence', () => {
    const walk = (v: unknown, path: string): void => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}.${i}`))
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>
        for (const [k, x] of Object.entries(o)) {
          if (typeof x === 'number' && path.indexOf('alertThresholds') === -1 && k !== 'schemaVersion') {
            expect(typeof o.citation, `${path}.${k}`).toBe('string')
            expect(typeof o.confidence, `${path}.${k}`).toBe('string')
          }
          walk(x, `${path}.${k}`)
        }
      }
    }
    for (const p of loadPacks()) walk(p, p.id)
  })

  it('country groups: January 2025 state, Cambodia and UAE changes dated in the 2026 pack', () => {
    const g25 = geographyOf(pack('us-advanced-computing-2025-05'))
    expect(g25.view('KH', '2026-06-01').groupList).toEqual(['D:1', 'D:5'])
    expect(g25.view('MO', '2025-06-01').groupList).toEqual(['D:1', 'D:3', 'D:4'])
    const g26 = geographyOf(pack('us-advanced-computing-2026'))
    expect(g26.view('KH', '2026-02-03').groupList).toEqual(['D:1', 'D:5'])
    expect(g26.view('KH', '2026-02-04').groupList).toEqual(['D:1'])
    expect(g26.view('AE', '2026-07-09').groupList).toEqual(['D:3', 'D:4'])
    expect(g26.view('AE', '2026-07-10').groupList).toEqual(['A:5'])
    expect(g26.canonical('HK').code).toBe('CN')
    const gd = geographyOf(pack('us-ai-diffusion-2025'))
    expect(gd.view('US', '2025-02-01').tier).toBe(1)
    expect(gd.view('TW', '2025-02-01').tier).toBe(1)
    expect(gd.view('IN', '2025-02-01').tier).toBe(2)
    expect(gd.view('MO', '2025-02-01').tier).toBe(3)
    expect(gd.view('KH', '2025-02-01').tier).toBe(3)
  })
})

describe('validatePack', () => {
  it('refuses a bad pack and names every bad field by path', () => {
    const bad = JSON.parse(JSON.stringify(getPack('us-ai-diffusion-2025'))) as Record<string, unknown> & {
      caps: { lpp: { limitTpp: Cited<unknown> } }
    }
    bad.caps.lpp.limitTpp.value = -5
    ;(bad.countries as { groups: Record<string, Cited<string[]>> }).groups['D:5']!.value.push('ZZ')
    delete (bad as Record<string, unknown>).title
    bad.status = 'scenario'
    const countries = bad.countries as { cautions: Array<{ from: string; until: string }> }
    countries.cautions[0]!.until = countries.cautions[0]!.from
    const r = validatePack(bad)
    expect(r.ok).toBe(false)
    if (r.ok) return
    const paths = r.issues.map((i) => i.path)
    expect(paths).toContain('caps.lpp.limitTpp.value')
    expect(paths).toContain('title')
    expect(paths.some((p) => p.startsWith('countries.groups.D:5.value.'))).toBe(true)
    expect(paths).toContain('basedOn')
    expect(paths).toContain('countries.cautions.0.until')
  })

  it('accepts a scenario copy with basedOn (e.g. a doubled allocation for India)', () => {
    const s = JSON.parse(JSON.stringify(getPack('us-ai-diffusion-2025')))
    s.id = 'scenario-india-g2g'
    s.status = 'scenario'
    s.basedOn = 'us-ai-diffusion-2025'
    s.countries.governmentArrangements.push({
      country: 'IN',
      from: '2025-01-13',
      citation: 'what-if',
      confidence: 'unconfirmed',
    })
    expect(validatePack(s).ok).toBe(true)
  })
})

describe('timeline', () => {
  it.each([
    ['2023-11-16', undefined],
    // Cyprus left D:5 and ACA existed only from then: earlier dates are not covered by a shipped pack.
    ['2024-05-29', undefined],
    ['2024-05-30', 'us-advanced-computing-2025-05'],
    ['2024-06-01', 'us-advanced-computing-2025-05'],
    ['2025-01-13', 'us-ai-diffusion-2025'],
    ['2025-05-12', 'us-ai-diffusion-2025'],
    ['2025-05-13', 'us-advanced-computing-2025-05'],
    ['2026-01-14', 'us-advanced-computing-2025-05'],
    ['2026-01-15', 'us-advanced-computing-2026'],
    ['2027-06-01', 'us-advanced-computing-2026'],
  ])('%s → %s', (date, id) => {
    expect(governingPack(date)?.id).toBe(id)
  })
})
