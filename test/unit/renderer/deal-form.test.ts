import { describe, expect, it } from 'vitest'
import {
  CUSTOM_CHIP,
  customSpec,
  emptyCustom,
  emptyForm,
  emptyLine,
  problemsSentence,
  toFields,
  type DealForm,
} from '../../../renderer/src/screens/projects/dealForm'
import { readChipFigures } from '../../../renderer/src/screens/chips/chipFigures'

function form(patch: Partial<DealForm> = {}): DealForm {
  return {
    ...emptyForm('2026-03-01'),
    name: 'Test deal',
    consignee: 'Acme',
    lines: [{ ...emptyLine('nvidia-h100-sxm'), quantity: '50' }],
    ...patch,
  }
}

describe('toFields: missing and invalid are told apart', () => {
  it('saves a valid line', () => {
    const r = toFields(form())
    expect(r.missing).toEqual([])
    expect(r.invalid).toEqual([])
    expect(r.fields.lines).toEqual([{ chip: 'nvidia-h100-sxm', quantity: 50 }])
  })

  it('a negative quantity is invalid, not missing, and makes no line', () => {
    const r = toFields(form({ lines: [{ ...emptyLine('nvidia-h100-sxm'), quantity: '-50' }] }))
    expect(r.missing).toEqual([])
    expect(r.invalid).toEqual(['line 1: quantity must be a whole number of at least 1'])
    expect(r.fields.lines).toEqual([])
    expect(problemsSentence(r)).toBe(
      'Before saving, correct: line 1: quantity must be a whole number of at least 1.',
    )
  })

  it.each(['0', '2.5', 'ten', '1e3'])('refuses the quantity %j', (quantity) => {
    const r = toFields(form({ lines: [{ ...emptyLine('nvidia-h100-sxm'), quantity }] }))
    expect(r.invalid).toEqual(['line 1: quantity must be a whole number of at least 1'])
  })

  it('an empty quantity is missing', () => {
    const r = toFields(form({ name: '', lines: [{ ...emptyLine('nvidia-h100-sxm'), quantity: '' }] }))
    expect(r.missing).toEqual(['deal name', 'line 1: quantity (whole units, at least 1)'])
    expect(r.invalid).toEqual([])
    expect(problemsSentence(r)).toBe(
      'Before saving, fill in: deal name; line 1: quantity (whole units, at least 1).',
    )
  })

  it('says both when both happen', () => {
    const r = toFields(form({ name: '', lines: [{ ...emptyLine('nvidia-h100-sxm'), quantity: '-1' }] }))
    expect(problemsSentence(r)).toBe(
      'Before saving, fill in: deal name. Correct: line 1: quantity must be a whole number of at least 1.',
    )
  })
})

describe('customSpec: a line’s custom chip', () => {
  it('refuses a negative die area by its label, and does not call TPP missing when it is invalid', () => {
    const c = customSpec({ ...emptyCustom(), name: 'X1', tpp: '-5', dieArea: '-500' })
    expect(c.spec).toBeNull()
    expect(c.missing).toEqual([])
    expect(c.invalid).toEqual(['TPP must be a positive number', 'die area must be a positive number of mm²'])
    expect(c.invalidKeys).toEqual(['tpp', 'dieArea'])
  })

  it('builds the spec from valid figures', () => {
    const c = customSpec({ ...emptyCustom(), name: ' X1 ', tops: '800', bitLength: '8', dieArea: '500' })
    expect(c.spec).toEqual({ name: 'X1', datacenter: true, tops: 800, bitLength: 8, dieArea: 500 })
  })

  it('reads the figures exactly as the Chips form does (the same numbers reach the classifier)', () => {
    const typed = [
      { tpp: '1,600', tops: '', bitLength: '', dieArea: ' 814 ', dramBandwidth: '3350.5' },
      { tpp: '', tops: '989.4', bitLength: '16', dieArea: '.5', dramBandwidth: '1e3' },
      { tpp: '-5', tops: '0x10', bitLength: '8.5', dieArea: '0', dramBandwidth: '129' },
      { tpp: '4800', tops: '800', bitLength: '129', dieArea: '1,000,000', dramBandwidth: ' ' },
    ]
    for (const figures of typed) {
      const c = customSpec({ ...emptyCustom(), name: 'X1', ...figures })
      const read = readChipFigures(figures)
      expect(c.invalidKeys).toEqual(read.invalid)
      if (c.spec) expect(c.spec).toEqual({ name: 'X1', datacenter: true, ...read.values })
    }
    expect(customSpec({ ...emptyCustom(), name: 'X1', ...typed[0]! }).spec).toEqual({
      name: 'X1',
      datacenter: true,
      tpp: 1600,
      dieArea: 814,
      dramBandwidth: 3350.5,
    })
  })

  it('in a deal, each problem is named with its line', () => {
    const line = { ...emptyLine(CUSTOM_CHIP), quantity: '10' }
    line.custom = { ...emptyCustom(), name: '', tpp: '1600', bitLength: '8.5' }
    const r = toFields(form({ lines: [line] }))
    expect(r.missing).toEqual(['line 1: chip name'])
    expect(r.invalid).toEqual(['line 1: bit length must be a whole number from 1 to 128'])
  })
})
