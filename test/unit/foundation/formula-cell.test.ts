import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { neutraliseCell, restoreCell } from '../../../shared/formula-cell'

describe('neutraliseCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
    // Text that already looks neutralised keeps its own apostrophe through a reader that restores.
    [`'=SUM(A1)`, `''=SUM(A1)`],
    [`''-1`, `'''-1`],
  ])('prefixes a formula-like cell %j with an apostrophe', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected)
  })

  it.each(['Acme Cloud', '1,000', '15,832,000', '', '–', ' =not at start', "'already quoted", "'", 'a=b'])(
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

describe('restoreCell', () => {
  it.each([
    [`'=SUM(A1)`, '=SUM(A1)'],
    [`'-3`, '-3'],
    [`'+1`, '+1'],
    [`'@x`, '@x'],
    [`'\tx`, '\tx'],
    [`'\rx`, '\rx'],
    [`''=x`, `'=x`],
  ])('takes the apostrophe off %j', (input, expected) => {
    expect(restoreCell(input)).toBe(expected)
  })

  it.each(["'text", "'", "''", "' =x", '=SUM(A1)', '-3', 'O’Brien', "d'Arc"])(
    'leaves %j as it is',
    (input) => {
      expect(restoreCell(input)).toBe(input)
    },
  )

  // Characters the two functions care about, so that the runs of apostrophes and formula starts are
  // tried often, not once in a thousand strings.
  const awkward = fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', ' ', 'a', '1') })

  it('gives back what neutraliseCell was given, for every text', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), awkward), (s) => restoreCell(neutraliseCell(s)) === s))
  })
})
