import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { neutraliseCell } from '../../../shared/formula-cell'

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
