import { describe, expect, it } from 'vitest'
import { parseDealBook } from '../../../shared/rules/book'
import type { BookError, BookParse } from '../../../shared/rules/types'

/** The CSV reader's edges: what a spreadsheet or another desk's tool writes, and what it must refuse. */

const HEADER = 'id,date,consignee,chip,quantity'
const csv = (...rows: string[]) => parseDealBook(rows.join('\n') + '\n', 'csv')

function errorsOf(r: BookParse): BookError[] {
  if (r.ok) throw new Error(`expected errors, got ${JSON.stringify(r.book)}`)
  return r.errors
}
function bookOf(r: BookParse) {
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.book
}

describe('deal-book CSV', () => {
  it('reads a BOM, CRLF line ends, a trailing empty line and quoted cells (commas, quotes, line breaks, any script) as written', () => {
    const text =
      '\uFEFF' +
      [
        HEADER,
        'A-1,2025-12-31,"Société Générale, ""SG""",H100,10',
        'A-1,2025-12-31,"Société Générale, ""SG""",B200,"1,000"',
        'B-2,2026-01-01,"株式会社\r\nテスト",H100,9',
        '',
        '',
      ].join('\r\n')
    const book = bookOf(parseDealBook(text, 'csv'))
    expect(book.deals).toEqual([
      {
        id: 'A-1',
        date: '2025-12-31',
        consignee: 'Société Générale, "SG"',
        lines: [
          { chip: 'H100', quantity: 10 },
          { chip: 'B200', quantity: 1000 },
        ],
      },
      {
        id: 'B-2',
        date: '2026-01-01',
        consignee: '株式会社\r\nテスト',
        lines: [{ chip: 'H100', quantity: 9 }],
      },
    ])
  })

  it('names the spreadsheet row past a blank line, and past a cell holding a line break (one row in a spreadsheet)', () => {
    expect(errorsOf(csv(HEADER, '', 'A,2025-01-01,Acme,H100,10', 'B,2025-01-01,Acme,H100,ten'))).toEqual([
      { row: 4, field: 'quantity', message: '"ten" is not a number' },
    ])
    expect(
      errorsOf(csv(HEADER, 'A,2025-01-01,"Acme\nCorp",H100,10', ',,,,', 'B,2025-01-01,Acme,H100,0')),
    ).toEqual([{ row: 4, field: 'quantity', message: 'must be at least 1' }])
  })

  it('reads only decimal figures: hex, binary or octal text is no number, and E notation must be written out', () => {
    const errors = errorsOf(
      csv(
        `${HEADER},chip.tpp`,
        'A,2025-01-01,Acme,Edge X,0x10,',
        'B,2025-01-01,Acme,Edge X,0b11,',
        'C,2025-01-01,Acme,Edge X,1,0o7',
        'D,2025-01-01,Acme,Edge X,1.23457E+15,',
        'E,2025-01-01,Acme,Edge X,1e3,',
      ),
    )
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'quantity'],
      [3, 'quantity'],
      [4, 'chip.tpp'],
      [5, 'quantity'],
      [6, 'quantity'],
    ])
    expect(errors[0]!.message).toBe('"0x10" is not a number')
    expect(errors[3]!.message).toBe(
      '"1.23457E+15" is in E notation: write the figure out in full (a spreadsheet writes E notation for a figure it has rounded)',
    )
    // What is a number: signs, decimals, grouped thousands; the checks after it say what is wrong.
    const ok = bookOf(
      csv(
        `${HEADER},chip.tpp`,
        'A,2025-01-01,Acme,Edge X,+12,".5"',
        'B,2025-01-01,Acme,Edge X,1 000,"1,500.25"',
      ),
    )
    expect(ok.deals.map((d) => d.lines[0])).toEqual([
      { chip: { name: 'Edge X', tpp: 0.5 }, quantity: 12 },
      { chip: { name: 'Edge X', tpp: 1500.25 }, quantity: 1000 },
    ])
    expect(errorsOf(csv(HEADER, 'A,2025-01-01,Acme,H100,-5', 'B,2025-01-01,Acme,H100,2.5'))).toEqual([
      { row: 2, field: 'quantity', message: 'must be at least 1' },
      { row: 3, field: 'quantity', message: 'must be a whole number' },
    ])
  })

  it('refuses the lines of one deal split apart by another deal (two deals given one id), naming both rows', () => {
    expect(
      errorsOf(
        csv(HEADER, 'A,2025-01-01,Acme,H100,10', 'B,2025-01-01,Acme,H100,10', 'A,2025-01-01,Acme,B200,10'),
      ),
    ).toEqual([
      {
        row: 4,
        field: 'id',
        message:
          'duplicate deal id "A": its lines begin at row 2, and a deal\'s lines go on consecutive rows',
      },
    ])
  })

  it('refuses deal-level cells that differ between the lines of one deal, naming the row and column', () => {
    expect(
      errorsOf(
        csv(
          'id,date,consignee,destination,chip,quantity',
          'A,2025-01-01,Acme,IN,H100,10',
          'A,2025-01-01,Acme,AE,B200,10',
        ),
      ),
    ).toEqual([{ row: 3, field: 'destination', message: 'differs from the first line of deal "A" (row 2)' }])
  })

  it('says a column given twice or without a name, and ignores an unnamed column with nothing in it', () => {
    expect(errorsOf(csv(`${HEADER},quantity`, 'A,2025-01-01,Acme,H100,10,20'))).toEqual([
      { row: 1, field: 'quantity', message: 'column given twice (columns 5 and 6)' },
    ])
    expect(errorsOf(csv(`${HEADER},`, 'A,2025-01-01,Acme,H100,10,x'))).toEqual([
      { row: 1, field: '(column 6)', message: 'a column with values has no name' },
    ])
    // Trailing separators, as a spreadsheet leaves after a cleared column: nothing to read, so ignored.
    expect(bookOf(csv(`${HEADER},,`, 'A,2025-01-01,Acme,H100,10,,')).deals).toHaveLength(1)
    expect(errorsOf(csv(`${HEADER},status`, 'A,2025-01-01,Acme,H100,10,shipped'))).toEqual([
      { row: 1, field: 'status', message: 'unknown column' },
    ])
  })

  it('takes off the apostrophe a formula-neutralising export puts before = + - @ tab or CR, and only that one', () => {
    const book = bookOf(
      csv(
        'id,date,consignee,site,certifications,chip,quantity,chip.tpp',
        `'=A,2025-01-01,'@Acme,"'\tBay 4",'-cert;x,'+Chip,'+12,'+4000.5`,
        `B,2025-01-01,"''=SUM(A1)",'plain,O’Brien,H100,1,`,
        `C,2025-01-01,' =spaced,d'Arc,,H100,1,`,
      ),
    )
    expect(book.deals).toEqual([
      {
        id: '=A',
        date: '2025-01-01',
        consignee: '@Acme',
        site: '\tBay 4',
        certifications: ['-cert', 'x'],
        lines: [{ chip: { name: '+Chip', tpp: 4000.5 }, quantity: 12 }],
      },
      // An apostrophe of the text's own before a formula character was written doubled.
      {
        id: 'B',
        date: '2025-01-01',
        consignee: "'=SUM(A1)",
        site: "'plain",
        certifications: ['O’Brien'],
        lines: [{ chip: 'H100', quantity: 1 }],
      },
      {
        id: 'C',
        date: '2025-01-01',
        consignee: "' =spaced",
        site: "d'Arc",
        lines: [{ chip: 'H100', quantity: 1 }],
      },
    ])
    // A neutralised negative figure is read as the number, and refused as one, not as text.
    expect(errorsOf(csv(HEADER, `A,2025-01-01,Acme,H100,'-3`))).toEqual([
      { row: 2, field: 'quantity', message: 'must be at least 1' },
    ])
  })

  it('reads an empty parentHq cell as no parent, and `unknown` (any case) or no column as not given', () => {
    const book = bookOf(
      csv(
        'id,date,consignee,parentHq,chip,quantity',
        'A,2025-01-01,Acme,,H100,1',
        'B,2025-01-01,Acme,unknown,H100,1',
        'C,2025-01-01,Acme,Unknown,H100,1',
        'D,2025-01-01,Acme,us,H100,1',
      ),
    )
    expect(book.deals.map((d) => ('parentHq' in d ? d.parentHq : 'not given'))).toEqual([
      null,
      'not given',
      'not given',
      'US',
    ])
    expect('parentHq' in bookOf(csv(HEADER, 'A,2025-01-01,Acme,H100,1')).deals[0]!).toBe(false)
  })

  it('refuses a row with more or fewer cells than the header, and an unclosed quote, by row', () => {
    const errors = errorsOf(
      csv(HEADER, 'A,2025-01-01,Acme,H100', 'B,2025-01-01,Acme,H100,10,extra', 'C,2025-01-01,"Acme,H100,10'),
    )
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, '(row)'],
      [3, '(row)'],
      [4, '(row)'],
    ])
    expect(errors[0]!.message).toBe('expected 5 cells as in the header, found 4')
  })
})
