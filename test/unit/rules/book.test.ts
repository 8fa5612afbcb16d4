import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDealBook } from '../../../shared/rules/book'
import { evaluate } from '../../../shared/rules/evaluator'
import { fixture, loadBook, pack } from './helpers'

describe('deal-book parser', () => {
  it('reads the CSV sample: lines of one deal share an id; empty parentHq is null; inline chips', () => {
    const book = loadBook('mixed.csv')
    expect(book.deals.map((d) => [d.id, d.lines.length])).toEqual([
      ['d1', 2],
      ['d2', 1],
      ['d3', 1],
    ])
    expect(book.deals[0]!.parentHq).toBeNull()
    expect(book.deals[1]!.certifications).toHaveLength(4)
    expect(book.deals[1]!.lines[0]!.chip).toEqual({ name: 'H200', dramBandwidth: 4800 })
    expect(book.deals[2]).toMatchObject({
      datacenter: false,
      lines: [{ chip: { name: 'Custom Edge', tpp: 3000, dieArea: 1000 }, quantity: 20 }],
    })
    const by = Object.fromEntries(evaluate(book, 'auto').map((d) => [d.dealId, d]))
    const [d1, d2, d3] = [by.d1, by.d2, by.d3]
    expect(d1).toMatchObject({
      packId: 'us-advanced-computing-2025-05',
      tpp: 100 * 15832 + 50 * 36000,
      authorization: 'NLR',
    })
    expect(d2).toMatchObject({ packId: 'us-advanced-computing-2026', reviewPolicy: 'case_by_case' })
    expect(d3).toMatchObject({ eccn: '3A090.b', authorization: 'NLR' })
  })

  it('reports CSV errors by spreadsheet row and column and returns no book', () => {
    const r = parseDealBook(readFileSync(fixture('invalid.csv'), 'utf8'), 'csv')
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, field: 'date' }),
        expect.objectContaining({ row: 4, field: 'consigneeHq' }),
        expect.objectContaining({ row: 4, field: 'quantity' }),
      ]),
    )
  })

  it('reads a CSV comma only as a thousands separator: "1,5" is no number, never 15', () => {
    const header = 'id,date,consignee,chip,quantity,chip.tpp,chip.dieArea'
    const ok = parseDealBook(
      [
        header,
        'g1,2025-06-01,Grouped,Edge X,"1,500","1,500.5","12,345,678"',
        'g2,2025-06-01,Grouped,H100,1_000,,',
      ].join('\n'),
      'csv',
    )
    if (!ok.ok) throw new Error(JSON.stringify(ok.errors))
    expect(ok.book.deals.map((d) => d.lines[0])).toEqual([
      { chip: { name: 'Edge X', tpp: 1500.5, dieArea: 12_345_678 }, quantity: 1500 },
      { chip: 'H100', quantity: 1000 },
    ])

    const bad = parseDealBook(
      [header, 'b1,2025-06-01,Commas,H100,"1,5",,', 'b2,2025-06-01,Commas,Edge X,10,"1,50","15,0000"'].join(
        '\n',
      ),
      'csv',
    )
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    expect(bad.errors).toEqual(
      expect.arrayContaining([
        { row: 2, field: 'quantity', message: '"1,5" is not a number' },
        { row: 3, field: 'chip.tpp', message: '"1,50" is not a number' },
        { row: 3, field: 'chip.dieArea', message: '"15,0000" is not a number' },
      ]),
    )
  })

  it('reports JSON errors by deal row and field path', () => {
    const r = parseDealBook(
      JSON.stringify({
        deals: [
          { id: 'a', date: '2025-01-01', consignee: 'A', lines: [{ chip: 'H100', quantity: 1 }] },
          {
            id: 'b',
            date: '2025-02-30',
            consignee: 'B',
            destinaton: 'IN',
            lines: [{ chip: 'H100', quantity: 0 }],
          },
          {
            id: 'a',
            date: '2025-01-01',
            consignee: 'C',
            lines: [{ chip: { name: 'x', tops: 5 }, quantity: 1 }],
          },
        ],
        installedBase: [{ veu: 'v', country: 'IN', tpp: -1 }],
      }),
      'json',
    )
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, field: 'date' }),
        expect.objectContaining({ row: 2, message: expect.stringContaining('destinaton') }),
        expect.objectContaining({ row: 2, field: 'lines.0.quantity' }),
        expect.objectContaining({ row: 3, field: 'lines.0.chip.bitLength' }),
        expect.objectContaining({ row: null, field: 'installedBase.0.tpp' }),
      ]),
    )
  })

  it('says a date of the right form is not a real day, and a word given for a number is not a number, in the doc’s words', () => {
    const base = { id: 'a', consignee: 'A' }
    const r = parseDealBook(
      JSON.stringify({
        deals: [
          { ...base, date: '2026-02-30', lines: [{ chip: 'H100', quantity: 1 }] },
          { ...base, id: 'b', date: '30/01/2026', lines: [{ chip: 'H100', quantity: 'ten' }] },
          { ...base, id: 'c', date: '2026-01-30', lines: [{ chip: 'H100', quantity: true }] },
        ],
        installedBase: [{ veu: 'v', country: 'IN', tpp: 'lots' }],
      }),
      'json',
    )
    expect(r).toEqual({
      ok: false,
      errors: [
        { row: 1, field: 'date', message: '2026-02-30 is not a real date' },
        { row: 2, field: 'date', message: 'expected a date YYYY-MM-DD' },
        { row: 2, field: 'lines.0.quantity', message: '"ten" is not a number' },
        { row: 3, field: 'lines.0.quantity', message: 'true is not a number' },
        { row: null, field: 'installedBase.0.tpp', message: '"lots" is not a number' },
      ],
    })
  })

  it('refuses a chip figure of 0 or below, and says what is wrong with it rather than "not a number"', () => {
    const base = { consignee: 'A', date: '2026-01-30' }
    const r = parseDealBook(
      JSON.stringify({
        deals: [
          { ...base, id: 'a', lines: [{ chip: { name: 'Custom Zero', tpp: 0 }, quantity: 1000 }] },
          { ...base, id: 'b', lines: [{ chip: { name: 'Minus', tpp: -100 }, quantity: 1 }] },
          { ...base, id: 'c', lines: [{ chip: { name: 'No TOPS', tops: 0, bitLength: 8 }, quantity: 1 }] },
          {
            ...base,
            id: 'd',
            lines: [{ chip: { name: 'No BW', tpp: 15_000, dramBandwidth: 0 }, quantity: 1 }],
          },
        ],
        installedBase: [{ veu: 'v', country: 'IN', tpp: -5 }],
      }),
      'json',
    )
    expect(r).toEqual({
      ok: false,
      errors: [
        { row: 1, field: 'lines.0.chip.tpp', message: 'must be greater than 0' },
        { row: 2, field: 'lines.0.chip.tpp', message: 'must be greater than 0' },
        { row: 3, field: 'lines.0.chip.tops', message: 'must be greater than 0' },
        { row: 4, field: 'lines.0.chip.dramBandwidth', message: 'must be greater than 0' },
        { row: null, field: 'installedBase.0.tpp', message: 'must be 0 or more' },
      ],
    })
  })

  it('flags duplicate ids and bad JSON', () => {
    const dup = parseDealBook(
      JSON.stringify({
        deals: [1, 2].map(() => ({
          id: 'x',
          date: '2025-01-01',
          consignee: 'A',
          lines: [{ chip: 'H100', quantity: 1 }],
        })),
      }),
      'json',
    )
    expect(dup).toEqual({ ok: false, errors: [{ row: 2, field: 'id', message: 'duplicate deal id "x"' }] })
    expect(parseDealBook('{', 'json').ok).toBe(false)
  })

  it('lower-case ISO codes are accepted and upper-cased', () => {
    const r = parseDealBook(
      JSON.stringify({
        deals: [
          {
            id: 'x',
            date: '2025-06-01',
            consignee: 'A',
            consigneeHq: 'in',
            parentHq: null,
            destination: 'in',
            lines: [{ chip: 'H100', quantity: 1 }],
          },
        ],
      }),
      'json',
    )
    expect(r.ok && r.book.deals[0]!.destination).toBe('IN')
  })

  it("reads an NVEU party's countries (upper-cased), names a bad one, and keeps them off deals and UVEUs", () => {
    const book = (veu: Record<string, unknown>, onDeal = false) =>
      JSON.stringify({
        deals: [
          {
            id: 'x',
            date: '2025-06-01',
            consignee: 'A',
            destination: 'IN',
            lines: [{ chip: 'H100', quantity: 1 }],
            ...(onDeal ? { veu } : {}),
          },
        ],
        parties: [{ name: 'A', hq: 'IN', veu }],
      })
    const nveu = (countries: unknown) => ({ id: 'NVEU-1', kind: 'NVEU', hq: 'IN', countries })
    const ok = parseDealBook(book(nveu(['in', 'AE'])), 'json')
    expect(ok.ok && ok.book.parties![0]!.veu).toEqual({
      id: 'NVEU-1',
      kind: 'NVEU',
      hq: 'IN',
      countries: ['IN', 'AE'],
    })
    const bad = parseDealBook(book(nveu(['IN', 'XX'])), 'json')
    expect(bad.ok).toBe(false)
    if (!bad.ok)
      expect(bad.errors).toContainEqual(expect.objectContaining({ field: 'parties.0.veu.countries.1' }))
    expect(parseDealBook(book(nveu([])), 'json').ok).toBe(false)
    const uveu = parseDealBook(book({ id: 'U-1', kind: 'UVEU', hq: 'US', countries: ['US'] }), 'json')
    expect(!uveu.ok && uveu.errors.map((e) => e.message)).toContain('only an NVEU has countries')
    // A deal names its VEU; what the authorization covers is the party's (the ledger keeps it there).
    expect(parseDealBook(book(nveu(['IN']), true), 'json').ok).toBe(false)
  })

  it('the golden books parse and evaluate under every pack without throwing', () => {
    for (const name of [
      'diffusion-golden.json',
      'advanced-computing-2025-golden.json',
      'advanced-computing-2026-golden.json',
    ]) {
      for (const id of [
        'us-ai-diffusion-2025',
        'us-advanced-computing-2025-05',
        'us-advanced-computing-2026',
      ]) {
        expect(evaluate(loadBook(name), pack(id)).length).toBeGreaterThan(0)
      }
    }
  })
})
