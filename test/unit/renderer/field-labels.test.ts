import { capitalised } from '../../../renderer/src/format'
import { describe, expect, it } from 'vitest'
import {
  CHIP_FIGURE_KEYS,
  CHIP_FIGURES,
  QUANTITY,
  THROUGHPUT_NEEDED,
  figureLabel,
  figureMessage,
  figureProblem,
  inputLabel,
  readChipFigures,
  throughputTyped,
  type ChipFigureKey,
} from '../../../renderer/src/screens/chips/chipFigures'
import { missingText } from '../../../renderer/src/screens/chips/columns'
import {
  CUSTOM_CHIP,
  CUSTOM_CHIP_NAME,
  LINE_CHIP,
  customSpec,
  emptyCustom,
  emptyForm,
  emptyLine,
  lineFieldLabel,
  toFields,
  type DealForm,
} from '../../../renderer/src/screens/projects/dealForm'
import { missingInWords } from '../../../renderer/src/screens/projects/missingWords'

/** A deal whose one line is a custom chip with `figures` typed (TPP 1600 unless replaced). */
function customDeal(figures: Partial<Record<ChipFigureKey, string>>, quantity = '10'): DealForm {
  const line = { ...emptyLine(CUSTOM_CHIP), quantity }
  line.custom = { ...emptyCustom(), name: 'X1', tpp: '1600', ...figures }
  return { ...emptyForm('2026-03-01'), name: 'Deal', consignee: 'Acme', lines: [line] }
}

const INVALID: Record<ChipFigureKey, string> = {
  tpp: '-1',
  tops: '0',
  bitLength: '8.5',
  dieArea: '-500',
  dramBandwidth: 'fast',
}

describe('one table of a deal line’s field labels', () => {
  it('gives every chip figure one label, distinct from the others', () => {
    expect(CHIP_FIGURE_KEYS).toEqual(['tpp', 'tops', 'bitLength', 'dieArea', 'dramBandwidth'])
    const labels = CHIP_FIGURE_KEYS.map((k) => CHIP_FIGURES[k].label)
    for (const label of labels) expect(label.trim()).not.toBe('')
    expect(new Set([...labels, QUANTITY.label, LINE_CHIP, CUSTOM_CHIP_NAME]).size).toBe(labels.length + 3)
  })

  it('labels the inputs with it (with the unit where there is one)', () => {
    expect(CHIP_FIGURE_KEYS.map((k) => inputLabel(CHIP_FIGURES[k]))).toEqual([
      'TPP',
      'Dense TOPS (or TFLOPS)',
      'Bit length',
      'Die area (mm²)',
      'DRAM bandwidth (GB/s)',
    ])
    for (const k of CHIP_FIGURE_KEYS)
      expect(inputLabel(CHIP_FIGURES[k]).startsWith(capitalised(CHIP_FIGURES[k].label))).toBe(true)
  })

  it.each(CHIP_FIGURE_KEYS)('%s: the message, "To correct" and "missing" lists use its label', (k) => {
    const label = CHIP_FIGURES[k].label
    expect(figureLabel(k)).toBe(label)
    expect(lineFieldLabel(k)).toBe(label)
    expect(figureMessage(CHIP_FIGURES[k]).startsWith(`${capitalised(label)}: `)).toBe(true)
    // The deal editor's "To correct" list.
    const r = toFields(customDeal({ [k]: INVALID[k] }))
    expect(r.invalid).toEqual([`line 1: ${figureProblem(CHIP_FIGURES[k])}`])
    expect(r.invalid[0]!.startsWith(`line 1: ${label} must be `)).toBe(true)
    // The determination's "missing" list, as the engine names a line's figure.
    expect(missingInWords(`lines[0].${k} for "X1"`)).toBe(`line 1: ${label} for "X1"`)
    // The chips screen's "missing" list, as the classifier names a figure.
    expect(missingText([k])).toBe(label)
  })

  it('a line’s quantity and chip take the same words in the form and in the determination', () => {
    expect(lineFieldLabel('quantity')).toBe(QUANTITY.label)
    expect(missingInWords('lines[0].quantity')).toBe(`line 1: ${QUANTITY.label}`)
    expect(toFields(customDeal({}, '-1')).invalid).toEqual([`line 1: ${figureProblem(QUANTITY)}`])
    expect(toFields(customDeal({}, '')).missing).toEqual([
      `line 1: ${QUANTITY.label} (whole units, at least 1)`,
    ])
    expect(missingInWords('lines[0].chip "X9"')).toBe(`line 1: ${LINE_CHIP} "X9"`)
    const noChip = toFields({ ...customDeal({}), lines: [{ ...emptyLine(''), quantity: '1' }] })
    expect(noChip.missing).toEqual([`line 1: ${LINE_CHIP}`])
  })

  it('a custom chip’s missing name and throughput are said in its labels', () => {
    expect(THROUGHPUT_NEEDED).toBe('TPP, or dense TOPS and bit length')
    const c = customSpec({ ...emptyCustom(), dieArea: '500' })
    expect(c.missing).toEqual([CUSTOM_CHIP_NAME, THROUGHPUT_NEEDED])
  })

  it('leaves a name that is not a figure as it is', () => {
    expect(figureLabel('toString')).toBeUndefined()
    expect(missingText(['hbm'])).toBe('hbm')
    expect(missingInWords('lines[0].hbm')).toBe('line 1: hbm')
  })
})

describe('throughputTyped', () => {
  it.each([
    [{ tpp: '1600' }, true],
    [{ tpp: '-1' }, true],
    [{ tops: '800', bitLength: '8' }, true],
    [{ tops: '800', bitLength: '' }, false],
    [{ tops: '', bitLength: '8' }, false],
    [{ dieArea: '500' }, false],
  ])('%j: %s', (typed, expected) => {
    expect(throughputTyped(readChipFigures(typed))).toBe(expected)
  })
})

describe('toFields reads each line once for its editor', () => {
  it('hands back each line’s quantity and custom chip as read', () => {
    const deal = customDeal({ dieArea: '-500' }, '12')
    deal.lines.push({ ...emptyLine('nvidia-h100-sxm'), quantity: 'ten' })
    const r = toFields(deal)
    expect(r.lines).toEqual([
      { quantity: { state: 'ok', value: 12 }, custom: customSpec(deal.lines[0]!.custom) },
      { quantity: { state: 'invalid' }, custom: null },
    ])
    expect(r.lines[0]!.custom!.invalidKeys).toEqual(['dieArea'])
  })
})
