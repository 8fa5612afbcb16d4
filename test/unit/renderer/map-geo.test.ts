import { describe, expect, it } from 'vitest'
import type { Topology } from 'topojson-specification'
import atlas from 'world-atlas/countries-50m.json'
import type { CountryRow } from '../../../shared/domain/country'
import { buildWorldShapes, iso2OfNumeric, SMALL_COUNTRY_AREA } from '../../../renderer/src/map/geo'
import { fillKey, LEGENDS } from '../../../renderer/src/map/fills'

const row = (over: Partial<CountryRow>): CountryRow => ({
  iso2: 'XX',
  name: 'X',
  groups: [],
  tier: null,
  ...over,
})

describe('world map geometry', () => {
  const shapes = buildWorldShapes(atlas as unknown as Topology, 960, 440)
  const byIso = new Map(shapes.countries.map((c) => [c.iso2, c]))

  it('maps the atlas numeric ids to ISO alpha-2', () => {
    expect(iso2OfNumeric('458')).toBe('MY')
    expect(iso2OfNumeric(4)).toBe('AF')
    expect(iso2OfNumeric(undefined)).toBeNull()
    expect(iso2OfNumeric('')).toBeNull()
  })

  it('draws the export destinations the desk cares about, small ones included, and leaves Antarctica out', () => {
    for (const code of ['MY', 'SG', 'HK', 'MO', 'AE', 'IN', 'CN', 'US', 'TW', 'BH'])
      expect(byIso.has(code), code).toBe(true)
    expect(byIso.has('AQ')).toBe(false)
    expect(shapes.sphere).toMatch(/^M/)
  })

  it('puts the largest polygon first, so a click on the first path lands on the mainland', () => {
    const my = byIso.get('MY')!
    expect(my.paths.length).toBeGreaterThan(1)
    expect(my.area).toBeGreaterThan(SMALL_COUNTRY_AREA)
    // Inside the projected frame.
    expect(my.centroid[0]).toBeGreaterThan(0)
    expect(my.centroid[0]).toBeLessThan(960)
  })

  it('marks city states as small (they get a clickable marker)', () => {
    expect(byIso.get('SG')!.area).toBeLessThan(SMALL_COUNTRY_AREA)
    expect(byIso.get('MO')!.area).toBeLessThan(SMALL_COUNTRY_AREA)
  })
})

describe('map fills', () => {
  it('colours by tier, with no tier as neutral', () => {
    expect(fillKey('tier', row({ tier: 1 }))).toBe('tier-1')
    expect(fillKey('tier', row({ tier: 3 }))).toBe('tier-3')
    expect(fillKey('tier', row({ tier: null }))).toBe('none')
    expect(fillKey('tier', undefined)).toBe('none')
  })

  it('colours % used on the 80/90/95/100 ladder', () => {
    expect(fillKey('pct', row({ pctUsed: null }))).toBe('none')
    expect(fillKey('pct', row({ pctUsed: 79.99 }))).toBe('pct-ok')
    expect(fillKey('pct', row({ pctUsed: 80 }))).toBe('pct-watch')
    expect(fillKey('pct', row({ pctUsed: 90 }))).toBe('pct-warn')
    expect(fillKey('pct', row({ pctUsed: 95 }))).toBe('pct-high')
    expect(fillKey('pct', row({ pctUsed: 100 }))).toBe('pct-over')
    expect(fillKey('pct', row({ pctUsed: 140 }))).toBe('pct-over')
  })

  it('colours groups: D:5 first, D:1/D:4 only outside A:5/A:6', () => {
    expect(fillKey('groups', row({ groups: ['D:1', 'D:3', 'D:4', 'D:5'] }))).toBe('grp-d5')
    expect(fillKey('groups', row({ groups: ['D:1', 'D:4'] }))).toBe('grp-d14')
    expect(fillKey('groups', row({ groups: ['A:5', 'D:1'] }))).toBe('grp-a5')
    expect(fillKey('groups', row({ groups: [] }))).toBe('none')
  })

  it('has a legend entry for every key it produces', () => {
    const keys = (m: keyof typeof LEGENDS) => new Set(LEGENDS[m].map((e) => e.key))
    expect(keys('pct')).toEqual(new Set(['pct-ok', 'pct-watch', 'pct-warn', 'pct-high', 'pct-over', 'none']))
    expect(keys('tier').has('tier-2')).toBe(true)
  })
})
