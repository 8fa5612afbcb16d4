import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CHIP_CATALOGUE, findCatalogueChip } from '../../../shared/rules/catalogue'
import {
  DEFAULT_THRESHOLDS,
  classifyChip,
  classifyTpp,
  numericThresholds,
  resolveChip,
} from '../../../shared/rules/classifier'
import { loadPacks } from '../../../shared/rules/packs'

const T = DEFAULT_THRESHOLDS

describe('chip catalogue', () => {
  const expected: Record<string, [number, string, string | null]> = {
    'nvidia-h100-sxm': [15832, '3A090.a', 'a.1'],
    'nvidia-h100-nvl': [13364, '3A090.a', 'a.1'],
    'nvidia-h200-sxm': [15832, '3A090.a', 'a.1'],
    'nvidia-h20': [2368, 'none', null],
    'nvidia-h800-sxm': [15832, '3A090.a', 'a.1'],
    'nvidia-a100': [4992, '3A090.a', 'a.1'],
    'nvidia-a800': [4992, '3A090.a', 'a.1'],
    'nvidia-b100': [28000, '3A090.a', 'a.1'],
    'nvidia-b200': [36000, '3A090.a', 'a.1'],
    'nvidia-b300': [56000, '3A090.a', 'a.1'],
    'amd-mi210': [2896, '3A090.b', 'b.1'],
    'amd-mi250x': [6128, '3A090.a', 'a.1'],
    'amd-mi300x': [20919, '3A090.a', 'a.1'],
    'amd-mi325x': [20919, '3A090.a', 'a.1'],
    'amd-mi350x': [36910, '3A090.a', 'a.1'],
    'intel-gaudi-3': [29360, '3A090.a', 'a.1'],
    'google-tpu-v5p': [7344, '3A090.a', 'a.1'],
  }
  it.each(Object.entries(expected))('%s has the reference TPP and class', (id, [tpp, eccn, paragraph]) => {
    const c = classifyChip(findCatalogueChip(id)!)
    expect(c.tpp).toBe(tpp)
    expect(c.eccn).toBe(eccn)
    expect(c.paragraph).toBe(paragraph)
    expect(c.h100e).toBeCloseTo(tpp / 15832, 5)
  })
  it('marks derived and unconfirmed values as such', () => {
    expect(findCatalogueChip('Gaudi 3')!.throughputSource.confidence).toBe('derived')
    expect(findCatalogueChip('TPU v5p')!.throughputSource.confidence).toBe('derived')
    expect(findCatalogueChip('H100 PCIe')!.throughputSource.confidence).toBe('unconfirmed')
    for (const chip of CHIP_CATALOGUE) expect(chip.throughputSource.citation.length).toBeGreaterThan(10)
  })
  it('tags user figures unconfirmed, and a catalogue chip by its die-area source where the density decides', () => {
    expect(classifyChip({ name: 'Own board', tpp: 4000, dieArea: 600 })).toMatchObject({
      eccn: '3A090.a',
      paragraph: 'a.2',
      confidence: 'unconfirmed',
      citation: 'figures given by the user',
    })
    const chip = {
      id: 'x',
      vendor: 'X',
      name: 'X1',
      aliases: [],
      tpp: 2600,
      dieArea: 500,
      throughputSource: { citation: 'datasheet', confidence: 'primary' as const },
      dieAreaSource: { citation: 'teardown estimate', confidence: 'weak' as const },
    }
    // 2,600 TPP: the density decides, so the estimated die area bounds the classification's confidence.
    expect(classifyChip(chip)).toMatchObject({
      confidence: 'weak',
      citation: 'datasheet; die area: teardown estimate',
    })
    // 5,000 TPP is a.1 whatever the die area: the throughput source alone.
    expect(classifyChip({ ...chip, tpp: 5000 })).toMatchObject({
      confidence: 'primary',
      citation: 'datasheet',
    })
  })

  it('finds chips by id, name and alias, case-insensitively', () => {
    expect(findCatalogueChip('h100')!.id).toBe('nvidia-h100-sxm')
    expect(findCatalogueChip('NVIDIA H200 SXM')!.id).toBe('nvidia-h200-sxm')
    expect(findCatalogueChip('nope')).toBeUndefined()
  })
  it('an inline spec naming a catalogue chip takes its figures and adds the given fields', () => {
    const spec = resolveChip({ name: 'H200', dramBandwidth: 4800 })!
    expect(classifyChip(spec)).toMatchObject({
      tpp: 15832,
      dramBandwidth: 4800,
      catalogueId: 'nvidia-h200-sxm',
    })
  })
  it('highest TPP across precisions wins', () => {
    const c = classifyChip({
      name: 'x',
      precisions: [
        { tops: 100, bitLength: 16 },
        { tops: 500, bitLength: 4 },
        { tops: 150, bitLength: 8 },
      ],
    })
    expect(c.tpp).toBe(2000)
  })
  it('the shipped packs carry the default thresholds', () => {
    for (const p of loadPacks()) expect(numericThresholds(p.classification)).toEqual({ ...T })
  })
})

describe('3A090 threshold edges (property tests)', () => {
  const tpp = fc.double({ min: 0, max: 100_000, noNaN: true })
  const pd = fc.double({ min: 0, max: 100, noNaN: true })

  it('TPP ≥ 4800 is a.1 whatever the density, and needs no die area', () => {
    fc.assert(
      fc.property(fc.double({ min: 4800, max: 1e6, noNaN: true }), fc.option(pd, { nil: null }), (t, p) => {
        expect(classifyTpp(t, p)).toEqual({ eccn: '3A090.a', paragraph: 'a.1' })
      }),
    )
  })
  it('TPP < 1600 is never 3A090', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1600, maxExcluded: true, noNaN: true }),
        fc.option(pd, { nil: null }),
        (t, p) => {
          expect(classifyTpp(t, p)).toEqual({ eccn: 'none', paragraph: null })
        },
      ),
    )
  })
  it('1600 ≤ TPP < 4800 cannot be told without a die area', () => {
    fc.assert(
      fc.property(fc.double({ min: 1600, max: 4800, maxExcluded: true, noNaN: true }), (t) => {
        expect(classifyTpp(t, null)).toBeUndefined()
      }),
    )
  })
  it('the classification agrees with the written definition everywhere', () => {
    fc.assert(
      fc.property(tpp, pd, (t, p) => {
        const r = classifyTpp(t, p)!
        const a = t >= 4800 || (t >= 1600 && p >= 5.92)
        const b1 = t >= 2400 && t < 4800 && p >= 1.6 && p < 5.92
        const b2 = t >= 1600 && p >= 3.2 && p < 5.92
        expect(r.eccn).toBe(a ? '3A090.a' : b1 || b2 ? '3A090.b' : 'none')
      }),
    )
  })
  it('exact edges: 4800, 1600/5.92, 2400/1.6, 1600/3.2', () => {
    expect(classifyTpp(4799.999, 1)).toEqual({ eccn: 'none', paragraph: null })
    expect(classifyTpp(4800, null)!.paragraph).toBe('a.1')
    expect(classifyTpp(1600, 5.92)!.paragraph).toBe('a.2')
    expect(classifyTpp(1600, 5.919)!.paragraph).toBe('b.2')
    expect(classifyTpp(1599.99, 10)!.eccn).toBe('none')
    expect(classifyTpp(2400, 1.6)!.paragraph).toBe('b.1')
    expect(classifyTpp(2399.99, 1.6)!.eccn).toBe('none')
    expect(classifyTpp(2400, 1.59)!.eccn).toBe('none')
    expect(classifyTpp(1600, 3.2)!.paragraph).toBe('b.2')
    expect(classifyTpp(1600, 3.19)!.eccn).toBe('none')
  })
  it('classifyChip computes PD from the die area and H100e from 15,832', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 1, max: 5000, noNaN: true }),
        (t, area) => {
          const c = classifyChip({ name: 'x', tpp: t, dieArea: area })
          expect(c.performanceDensity!).toBeCloseTo(t / area, 4)
          expect(c.h100e!).toBeCloseTo(t / 15832, 4)
          expect(c.eccn).not.toBeNull()
        },
      ),
    )
  })
})
