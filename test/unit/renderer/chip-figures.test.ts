import { describe, expect, it } from 'vitest'
import {
  CHIP_FIGURES,
  QUANTITY,
  figureMessage,
  figureProblem,
  readChipFigures,
  readFigure,
} from '../../../renderer/src/screens/chips/chipFigures'
import { eccnText, missingText } from '../../../renderer/src/screens/chips/columns'
import type { ClassifiedChip } from '../../../shared/rules/types'

describe('readFigure', () => {
  it.each([
    ['', { state: 'empty' }],
    ['  ', { state: 'empty' }],
    ['1600', { state: 'ok', value: 1600 }],
    ['1,600', { state: 'ok', value: 1600 }],
    ['812.5', { state: 'ok', value: 812.5 }],
    ['.5', { state: 'ok', value: 0.5 }],
  ])('reads %j as %j', (text, expected) => {
    expect(readFigure(text, CHIP_FIGURES.dieArea)).toEqual(expected)
  })

  it.each(['-500', '0', '0.0', 'abc', '1e3', '0x10', '+5', '5 mm', 'NaN', 'Infinity'])(
    'refuses %j as invalid, never as "not given"',
    (text) => {
      expect(readFigure(text, CHIP_FIGURES.dieArea).state).toBe('invalid')
    },
  )

  it('asks whole numbers where the rule says so, and keeps to the maximum', () => {
    expect(readFigure('8.5', CHIP_FIGURES.bitLength).state).toBe('invalid')
    expect(readFigure('129', CHIP_FIGURES.bitLength).state).toBe('invalid')
    expect(readFigure('128', CHIP_FIGURES.bitLength)).toEqual({ state: 'ok', value: 128 })
    expect(readFigure('-50', QUANTITY)).toEqual({ state: 'invalid' })
    expect(readFigure('2.5', QUANTITY)).toEqual({ state: 'invalid' })
    expect(readFigure('100,000,001', QUANTITY)).toEqual({ state: 'invalid', aboveMax: true })
  })

  it('takes a comma only between thousands, in groups of three', () => {
    expect(readFigure('1,500', QUANTITY)).toEqual({ state: 'ok', value: 1500 })
    expect(readFigure('12,345,678', QUANTITY)).toEqual({ state: 'ok', value: 12_345_678 })
    expect(readFigure('1,500.5', CHIP_FIGURES.tpp)).toEqual({ state: 'ok', value: 1500.5 })
    expect(readFigure(' 1 500 ', QUANTITY)).toEqual({ state: 'ok', value: 1500 })
  })

  it.each(['1,5', '1,50', '15,0000', ',500', '1,500,', '1,,500', '1.5,00', '1,500 000', '1 5'])(
    'refuses %j as invalid, never reads it as the digits without the comma',
    (text) => {
      expect(readFigure(text, QUANTITY)).toEqual({ state: 'invalid' })
      expect(readFigure(text, CHIP_FIGURES.tpp)).toEqual({ state: 'invalid' })
    },
  )
})

describe('figure messages name the field in the form’s words', () => {
  it('for each figure of a custom chip', () => {
    expect(figureMessage(CHIP_FIGURES.dieArea)).toBe('Die area: a positive number of mm²')
    expect(figureMessage(CHIP_FIGURES.tpp)).toBe('TPP: a positive number')
    expect(figureMessage(CHIP_FIGURES.tops)).toBe('Dense TOPS: a positive number')
    expect(figureMessage(CHIP_FIGURES.bitLength)).toBe('Bit length: a whole number from 1 to 128')
    expect(figureMessage(CHIP_FIGURES.dramBandwidth)).toBe('DRAM bandwidth: a positive number of GB/s')
  })
  it('for a quantity, with what is wrong with it', () => {
    expect(figureProblem(QUANTITY)).toBe('quantity must be a whole number of at least 1')
    expect(figureProblem(QUANTITY, true)).toBe('quantity must be at most 100,000,000')
    expect(figureMessage(QUANTITY)).toBe('Quantity: a whole number of at least 1')
  })
})

describe('readChipFigures', () => {
  it('keeps valid figures, names the invalid ones and leaves out the empty ones', () => {
    expect(readChipFigures({ tpp: '1,600', dieArea: '-500', dramBandwidth: '', tops: undefined })).toEqual({
      values: { tpp: 1600 },
      invalid: ['dieArea'],
    })
  })
})

describe('eccnText', () => {
  const chip = (missing: string[]): ClassifiedChip =>
    ({ eccn: null, paragraph: null, missing }) as unknown as ClassifiedChip
  it('says what is missing with the screen’s labels, not the field names', () => {
    expect(eccnText(chip(['dieArea']))).toBe('Not determinable: missing die area')
    expect(eccnText(chip(['tpp']))).toBe('Not determinable: missing TPP')
    expect(missingText(['tpp', 'dieArea'])).toBe('TPP, die area')
  })
})
