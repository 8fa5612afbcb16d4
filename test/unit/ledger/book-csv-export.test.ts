import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decimalText, exportBookCsv, writeDealBookCsv } from '../../../electron/db/book-csv'
import { exportBook, importBook } from '../../../electron/db/interchange'
import { openLedger } from '../../../electron/db/ledger'
import { EXTENSION_KEYS } from '../../../electron/db/ledger-book'
import { loadSamplePortfolio } from '../../../electron/sample/load-sample'
import type { LedgerBook } from '../../../shared/domain/ledger'
import { CSV_COLUMNS, parseDealBookCsv } from '../../../shared/rules/book'
import { tempLedgerPath } from '../helpers/temp-ledger'
import { frozenClock } from './helpers'

/** The deal book out of a real ledger file as interchange CSV, and back in. */

const now = frozenClock('2026-01-01T00:00:00.000Z')
const alice = { name: 'alice', now }

const EXTENSION = new Set<string>(EXTENSION_KEYS)

/** A deal as interchange v1 has it: the JSON export's deal without the ledger extension. */
const interchangeDeal = (deal: LedgerBook['deals'][number]) =>
  Object.fromEntries(Object.entries(deal).filter(([key]) => !EXTENSION.has(key)))

const line = (chip: unknown, quantity = 1) => ({ chip, quantity })

/** Deals with the values a desk types and a spreadsheet mangles, each field CSV v1 has a column for. */
const AWKWARD = {
  deals: [
    {
      id: 'D,1 "quoted"',
      name: 'Paris cluster',
      date: '2025-12-31',
      consignee: 'Société Générale, "SG"',
      consigneeHq: 'FR',
      parentHq: null,
      destination: 'FR',
      site: 'Paris\r\nLa Défense, bât. "B"',
      authorization: 'LICENSE',
      datacenter: true,
      certifications: ['us-supply-sufficient', 'recipient-security-kyc'],
      transaction: 'reexport',
      status: 'approved',
      preparer: 'ålice',
      reviewer: 'bøb',
      notes: 'not in the CSV',
      lines: [
        line('H100', 1000),
        line({ name: 'Edge Q, "v2"', tpp: 4000.25, dieArea: 700, dramBandwidth: 2000 }, 99_999_999),
        line({ name: 'Tiny', tops: 10.5, bitLength: 8 }, 3),
        line({ name: 'NVIDIA H200 SXM', dramBandwidth: 4800 }, 7),
      ],
    },
    {
      id: '=HYPERLINK("http://example.invalid")',
      date: '2026-01-01',
      consignee: '-minus\nand a second line',
      consigneeHq: 'IN',
      parentHq: 'US',
      destination: 'IN',
      site: '\tTabbed bay',
      authorization: 'LPP',
      licensed: true,
      datacenter: false,
      lines: [line('@at-chip-name-not-in-catalogue', 2), line('+plus', 5)],
    },
    {
      id: '株式会社-3',
      date: '2024-02-29',
      consignee: '株式会社 テスト',
      consigneeHq: 'JP',
      destination: 'JP',
      site: "'=already an apostrophe",
      veu: { id: 'UVEU-JP, "A"', kind: 'UVEU', hq: 'JP' },
      certifications: ['-leading-minus'],
      transaction: 'export',
      lines: [line({ name: "'+Quoted spec", tpp: 0.0000001 }, 1)],
    },
    {
      id: 'plain-4',
      date: '2025-06-30',
      consignee: "O'Brien AI",
      lines: [line({ name: 'Big', tpp: 123_456_789_012.5 }, 1000)],
    },
  ],
}

describe('deal-book CSV export', () => {
  it('writes every deal and line of a real ledger so that the book reader gives back the JSON export’s deals', () => {
    const a = openLedger(tempLedgerPath())
    expect(importBook(a, JSON.stringify(AWKWARD), alice).errors).toBeUndefined()
    const csv = exportBookCsv(a)
    expect(csv.notCarried).toEqual([])
    expect(csv).toMatchObject({ deals: 4, lines: 8 })

    // The file: a BOM, the reader's header, CRLF, formula-like text neutralised, figures as decimals.
    expect(csv.text.startsWith(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)).toBe(true)
    expect(csv.text.endsWith('\r\n')).toBe(true)
    const rows = csv.text.split('\r\n')
    expect(rows).toContain(
      `"'=HYPERLINK(""http://example.invalid"")",2026-01-01,"'-minus\nand a second line",IN,US,IN,'\tTabbed bay,LPP,true,,,,false,,,'@at-chip-name-not-in-catalogue,2,,,,,`,
    )
    expect(csv.text).toContain(`,''=already an apostrophe,`)
    expect(csv.text).toContain(`,unknown,`) // a parent not given, beside null (empty) and US
    expect(csv.text).toContain(`,0.0000001,`)
    expect(csv.text).toContain(`,123456789012.5,`)

    const read = parseDealBookCsv(csv.text)
    if (!read.ok) throw new Error(JSON.stringify(read.errors))
    const json = exportBook(a, { now })
    expect(read.book.deals).toEqual(json.deals.map(interchangeDeal))
    // Every deal's lines on consecutive rows, in id order as the ledger sorts them.
    expect(read.rows).toEqual([[2, 3], [4, 5, 6, 7], [8], [9]])

    // Into another ledger: the same deals and lines, as drafts (licensed ones licensed), and the same text.
    const b = openLedger(tempLedgerPath())
    expect(importBook(b, csv.text, alice, { format: 'csv' }).errors).toBeUndefined()
    const again = exportBook(b, { now })
    expect(again.deals.map(interchangeDeal)).toEqual(json.deals.map(interchangeDeal))
    expect(again.deals.map((d) => [d.id, d.status, d.preparer])).toEqual([
      ['=HYPERLINK("http://example.invalid")', 'licensed', 'alice'],
      ['D,1 "quoted"', 'draft', 'alice'],
      ['plain-4', 'draft', 'alice'],
      ['株式会社-3', 'draft', 'alice'],
    ])
    expect(exportBookCsv(b).text).toBe(csv.text)
    a.close()
    b.close()
  })

  it('carries the sample portfolio whole: every deal and line as the JSON export has it', () => {
    const db = openLedger(tempLedgerPath())
    expect(loadSamplePortfolio(db, alice).errors).toBeUndefined()
    const csv = exportBookCsv(db)
    expect(csv.notCarried).toEqual([])
    const read = parseDealBookCsv(csv.text)
    if (!read.ok) throw new Error(JSON.stringify(read.errors))
    expect(read.book.deals).toEqual(exportBook(db, { now }).deals.map(interchangeDeal))
    db.close()
  })

  it('says, deal by deal and field by field, what the CSV cannot carry as the ledger has it', () => {
    const db = openLedger(tempLedgerPath())
    const deal = (id: string, extra: object) => ({
      id,
      date: '2025-01-01',
      consignee: 'Acme',
      lines: [line('H100')],
      ...extra,
    })
    const book = {
      deals: [
        deal('N-1', { site: '  spaced site  ' }),
        deal('N-2', { certifications: ['a;b', 'c'] }),
        deal('N-3', { certifications: [] }),
        deal('N-4', {
          lines: [
            line('H100'),
            line({ name: 'Multi', precisions: [{ tops: 100, bitLength: 8 }], datacenter: false }),
            line({ name: 'H100' }),
          ],
        }),
        deal('N-5', {}),
      ],
    }
    expect(importBook(db, JSON.stringify(book), alice).errors).toBeUndefined()
    const { notCarried, deals } = exportBookCsv(db)
    expect(deals).toBe(5)
    expect(notCarried.map((n) => [n.deal, n.field])).toEqual([
      ['N-1', 'site'],
      ['N-2', 'certifications'],
      ['N-3', 'certifications'],
      ['N-4', 'lines.1.chip'],
      ['N-4', 'lines.2.chip'],
    ])
    expect(notCarried[0]!.message).toBe(
      'leading and trailing spaces are not kept (the reader trims every cell); reads back as "spaced site", not "  spaced site  "',
    )
    expect(notCarried[1]!.message).toMatch(/separated by ; or \|.*reads back as \["a","b","c"\]/)
    expect(notCarried[2]!.message).toMatch(/an empty list.*reads back as not given, not \[\]/)
    expect(notCarried[3]!.message).toMatch(/^an inline spec's precisions, datacenter have no CSV column/)
    expect(notCarried[4]!.message).toMatch(/^an inline spec without figures .* reads back as "H100"/)
    db.close()
  })

  it('names a deal the reader would refuse as a whole, and still compares the others', () => {
    // Not a deal a ledger holds today; one an older build's laxer checks might have let in.
    const deal = (id: string, quantity: number, site?: string) => ({
      id,
      date: '2025-01-01',
      consignee: 'Acme',
      ...(site === undefined ? {} : { site }),
      lines: [line('H100', quantity) as never],
    })
    expect(writeDealBookCsv([deal('A', 0), deal('B', 1, ' spaced '), deal('C', 1)]).notCarried).toEqual([
      { deal: 'A', field: 'quantity', message: 'the CSV reader refuses it: must be at least 1' },
      expect.objectContaining({ deal: 'B', field: 'site' }),
    ])
  })

  it('leaves sample deals out when asked, as the JSON export does', () => {
    const db = openLedger(tempLedgerPath())
    const one = { deals: [{ id: 'S-1', date: '2025-01-01', consignee: 'Acme', lines: [line('H100')] }] }
    expect(importBook(db, JSON.stringify(one), alice, { sample: true }).errors).toBeUndefined()
    expect(importBook(db, JSON.stringify(AWKWARD), alice).errors).toBeUndefined()
    expect(exportBookCsv(db).deals).toBe(5)
    const own = exportBookCsv(db, { includeSample: false })
    expect(own.deals).toBe(4)
    expect(own.text).not.toContain('S-1')
    db.close()
  })
})

describe('decimalText', () => {
  it.each([
    [12, '12'],
    [-3, '-3'],
    [1.5, '1.5'],
    [1e21, '1000000000000000000000'],
    [-1.25e22, '-12500000000000000000000'],
    [1e-7, '0.0000001'],
    [-1.5e-7, '-0.00000015'],
    [123.456e-10, '0.0000000123456'],
  ])('writes %d as %j', (n, text) => {
    expect(decimalText(n)).toBe(text)
  })

  it('keeps a figure String would write in E notation, which the reader refuses, readable', () => {
    // Past what a ledger stores (a deal's TPP is a 64-bit integer there), so written from a book.
    const deal = {
      id: 'E',
      date: '2025-01-01',
      consignee: 'X',
      lines: [line({ name: 'Huge', tpp: 1.5e21 }) as never],
    }
    const csv = writeDealBookCsv([deal])
    expect(csv.text).toContain(',1500000000000000000000,')
    expect(csv.notCarried).toEqual([])
  })

  it('writes every finite figure as a plain decimal that reads back as the same number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = decimalText(n)
        return /^-?\d+(?:\.\d+)?$/.test(text) && Number(text) === n
      }),
    )
  })
})
