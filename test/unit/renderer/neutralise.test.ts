import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvField, neutraliseCell, safeFileName, toCsv } from '../../../renderer/src/grid/neutralise'

describe('neutraliseCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
  ])('prefixes a formula-like cell %j with an apostrophe', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected)
  })

  it.each(['Acme Cloud', '1,000', '15,832,000', '', '–', ' =not at start', "'already quoted", 'a=b'])(
    'leaves %j alone',
    (input) => {
      expect(neutraliseCell(input)).toBe(input)
    },
  )

  it('never leaves a cell that a spreadsheet would run as a formula', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = neutraliseCell(s)
        expect(/^[=+\-@\t\r]/.test(out)).toBe(false)
        // Nothing is lost: the original follows the optional apostrophe.
        expect(out === s || out === `'${s}`).toBe(true)
      }),
    )
  })
})

describe('CSV writing', () => {
  it('quotes fields with commas, quotes and line breaks', () => {
    expect(csvField('1,000')).toBe('"1,000"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('plain')).toBe('plain')
  })

  it('writes a header and rows with CRLF line ends', () => {
    expect(toCsv(['Name', 'TPP'], [['A', '1,000']])).toBe('Name,TPP\r\nA,"1,000"\r\n')
  })
})

describe('safeFileName', () => {
  it('removes path separators and reserved characters', () => {
    expect(safeFileName('../projects: 2026/11', 'csv')).toBe('-projects- 2026-11.csv')
    expect(safeFileName('   ', 'xlsx')).toBe('export.xlsx')
  })
})
