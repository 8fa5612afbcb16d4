import { describe, expect, it } from 'vitest'
import { exportBook, importBook } from '../../../electron/db/interchange'
import { openLedger } from '../../../electron/db/ledger'
import { projectDetail } from '../../../electron/db/projects'
import { tempLedgerPath } from '../helpers/temp-ledger'
import { frozenClock, openDesk } from './helpers'

/** Deal books in and out of a real ledger file, with the values a desk actually types. */

const now = frozenClock('2026-01-01T00:00:00.000Z')
const alice = { name: 'alice', now }

const count = (db: ReturnType<typeof openLedger>, table: string) =>
  db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()

describe('deal-book interchange: CSV rows and awkward values', () => {
  it('names the spreadsheet row of a CSV deal the ledger refuses, and records each deal’s first row as its import row', () => {
    const { db } = openDesk()
    expect(
      importBook(
        db,
        {
          deals: [{ id: 'C-2', date: '2025-01-01', consignee: 'X', lines: [{ chip: 'H100', quantity: 1 }] }],
        },
        alice,
      ).errors,
    ).toBeUndefined()
    const header = 'id,date,consignee,chip,quantity'
    const refused = importBook(
      db,
      [header, 'C-1,2025-01-01,X,H100,1', 'C-1,2025-01-01,X,B200,1', '', 'C-2,2025-01-01,X,H100,1', ''].join(
        '\n',
      ),
      alice,
      { format: 'csv' },
    )
    expect(refused.errors).toEqual([{ row: 5, field: 'id', message: 'deal C-2 is already in the ledger' }])
    expect(count(db, 'project')).toBe(1)

    const r = importBook(
      db,
      [header, 'C-1,2025-01-01,X,H100,1', 'C-1,2025-01-01,X,B200,1', '', 'C-3,2025-01-01,X,H100,1', ''].join(
        '\n',
      ),
      alice,
      { format: 'csv' },
    )
    expect(r.errors).toBeUndefined()
    // The row a reader finds the deal on in the batch's kept source, as the memo and the history say it.
    expect(projectDetail(db, 'C-1').importedFrom).toMatchObject({ row: 2, format: 'csv' })
    expect(projectDetail(db, 'C-3').importedFrom).toMatchObject({ row: 5, format: 'csv' })
    db.close()
  })

  it('keeps awkward values exactly through a CSV import and a JSON export: commas, quotes, line breaks, any script, year edges', () => {
    const db = openLedger(tempLedgerPath())
    const csv = [
      'id,date,consignee,consigneeHq,parentHq,destination,site,chip,quantity,chip.tpp,chip.dieArea,chip.dramBandwidth',
      '"D,1",2025-12-31,"Société Générale, ""SG""",FR,,FR,"Paris\nLa Défense",H100,"1,000",,,',
      '"D,1",2025-12-31,"Société Générale, ""SG""",FR,,FR,"Paris\nLa Défense",Edge Q,99999999,"4,000.25",700,2000',
      '株式会社-2,2026-01-01,株式会社 テスト,JP,JP,JP,,H200,7,,,4800',
      'D-3,2024-01-01,\'=HYPERLINK("x"),US,,US,,H100,1,,,',
    ].join('\r\n')
    const r = importBook(db, csv, alice, { format: 'csv' })
    expect(r.errors).toBeUndefined()
    const book = exportBook(db, { now })
    expect(
      book.deals.map(({ id, date, consignee, site, parentHq, lines }) => ({
        id,
        date,
        consignee,
        site,
        parentHq,
        lines,
      })),
    ).toEqual([
      {
        id: 'D,1',
        date: '2025-12-31',
        consignee: 'Société Générale, "SG"',
        site: 'Paris\nLa Défense',
        parentHq: null,
        lines: [
          { chip: 'H100', quantity: 1000 },
          { chip: { name: 'Edge Q', tpp: 4000.25, dieArea: 700, dramBandwidth: 2000 }, quantity: 99_999_999 },
        ],
      },
      {
        id: 'D-3',
        date: '2024-01-01',
        // The apostrophe a formula-neutralising export writes is taken off (docs/deal-book.md).
        consignee: '=HYPERLINK("x")',
        site: undefined,
        parentHq: null,
        lines: [{ chip: 'H100', quantity: 1 }],
      },
      {
        id: '株式会社-2',
        date: '2026-01-01',
        consignee: '株式会社 テスト',
        site: undefined,
        parentHq: 'JP',
        lines: [{ chip: { name: 'H200', dramBandwidth: 4800 }, quantity: 7 }],
      },
    ])
    db.close()
  })

  it('round-trips awkward values ledger → JSON export → empty ledger → export, deals, people, chips, parties, base and licences alike', () => {
    const a = openLedger(tempLedgerPath())
    const book = {
      parties: [
        { name: 'Société Générale, "SG"', hq: 'FR', parentHq: null },
        {
          name: '株式会社 テスト',
          hq: 'JP',
          veu: { id: 'NVEU-JP', kind: 'NVEU', hq: 'JP', countries: ['JP', 'SG'] },
        },
      ],
      chips: [{ id: 'edge-z', name: 'Edge Z, "v2"', tpp: 1234.5, dieArea: 800, dramBandwidth: 3000 }],
      installedBase: [{ veu: 'UVEU-1', country: 'IN', tpp: 1000 }],
      licences: [
        {
          number: 'L-1',
          authorizedTpp: 9_000_000_000,
          authorizedUnits: 100,
          holder: 'Hölder\nline two',
          consignee: '株式会社 テスト',
          destination: 'JP',
          issuedOn: '2025-01-01',
          expiresOn: '2026-12-31',
          notes: '  spaced, "quoted"  ',
        },
      ],
      deals: [
        {
          id: 'D,1',
          name: 'Name with, comma and "quotes"\nand a line break',
          date: '2025-12-31',
          consignee: 'Société Générale, "SG"',
          destination: 'FR',
          site: '  site with spaces  ',
          notes: '  note\r\nline  ',
          endUser: '=HYPERLINK("x")',
          preparer: 'ålice',
          reviewer: 'bøb',
          status: 'approved',
          lines: [
            {
              chip: { name: 'Inline Q', tpp: 4000.25, dieArea: 700, dramBandwidth: 2000 },
              quantity: 99_999_999,
            },
            { chip: 'Edge Z, "v2"', quantity: 3 },
          ],
        },
        {
          id: '株式会社-2',
          date: '2026-01-01',
          consignee: '株式会社 テスト',
          consigneeHq: 'JP',
          parentHq: 'JP',
          destination: 'JP',
          status: 'shipped',
          preparer: '-minus',
          reviewer: '@at',
          licenceNumber: 'L-1',
          lines: [{ chip: { name: 'H200', dramBandwidth: 4800 }, quantity: 7 }],
          certifications: ['us-supply-sufficient'],
          transaction: 'reexport',
          datacenter: false,
        },
        {
          id: 'D-3',
          date: '2024-01-01',
          consignee: '+plus',
          lines: [{ chip: { name: 'Tiny', tops: 10, bitLength: 8 }, quantity: 1 }],
          licensed: true,
          status: 'cancelled',
        },
      ],
    }
    const first = importBook(a, JSON.stringify(book), alice)
    expect(first.errors).toBeUndefined()
    const exported = exportBook(a, { now })
    const b = openLedger(tempLedgerPath())
    expect(importBook(b, JSON.stringify(exported), alice).errors).toBeUndefined()
    expect({ ...exportBook(b, { now }), exportedAt: exported.exportedAt }).toEqual(exported)
    // And what went in is what came out, field by field.
    const d1 = exported.deals.find((d) => d.id === 'D,1')!
    expect(d1).toMatchObject({
      name: book.deals[0]!.name,
      site: '  site with spaces  ',
      notes: '  note\r\nline  ',
      endUser: '=HYPERLINK("x")',
      preparer: 'ålice',
      reviewer: 'bøb',
      status: 'approved',
      lines: book.deals[0]!.lines,
    })
    expect(exported.deals.find((d) => d.id === '株式会社-2')).toMatchObject({
      preparer: '-minus',
      reviewer: '@at',
      licenceNumber: 'L-1',
      status: 'shipped',
    })
    expect(exported.parties).toEqual(book.parties)
    expect(exported.chips).toEqual(book.chips)
    expect(exported.installedBase).toEqual(book.installedBase)
    expect((exported as unknown as { licences: unknown }).licences).toEqual(book.licences)
    a.close()
    b.close()
  })

  it('refuses, in JSON and CSV alike, a deal the deal editor could not save: over 100,000,000 units a line or 200 lines', () => {
    const { db } = openDesk()
    const line = (quantity: number) => ({ chip: 'H100', quantity })
    const deal = (id: string, lines: unknown[]) => ({ id, date: '2025-01-01', consignee: 'X', lines })
    const json = importBook(
      db,
      JSON.stringify({
        deals: [
          deal('J-1', [line(100_000_000)]),
          deal('J-2', [line(1), line(100_000_001)]),
          deal(
            'J-3',
            Array.from({ length: 201 }, () => line(1)),
          ),
        ],
      }),
      alice,
    )
    expect(json.errors).toEqual([
      { row: 2, field: 'lines.1.quantity', message: 'at most 100,000,000 units a line' },
      { row: 3, field: 'lines', message: 'at most 200 lines a deal' },
    ])
    const csv = importBook(
      db,
      ['id,date,consignee,chip,quantity', 'C-1,2025-01-01,X,H100,"1,000,000,000"', ''].join('\n'),
      alice,
      { format: 'csv' },
    )
    expect(csv.errors).toEqual([{ row: 2, field: 'quantity', message: 'at most 100,000,000 units a line' }])
    expect(count(db, 'project')).toBe(0)
    db.close()
  })
  it('refuses, in JSON and CSV alike, a deal whose names, ids or chip figures the deal editor would not save', () => {
    const { db } = openDesk()
    const long = (n: number) => 'x'.repeat(n)
    const deal = (id: string, extra: object) => ({
      id,
      date: '2025-01-01',
      consignee: 'X',
      lines: [{ chip: 'H100', quantity: 1 }],
      ...extra,
    })
    // At the limits: accepted (checked first on their own, then refused with the rest below).
    const atLimits = deal(long(100), {
      consignee: long(200),
      site: long(200),
      certifications: Array.from({ length: 20 }, (_, i) => `cert-${i}`),
    })
    const json = importBook(
      db,
      JSON.stringify({
        deals: [
          atLimits,
          deal(long(101), {}),
          deal('J-3', { consignee: long(201) }),
          deal('J-4', { site: long(201) }),
          deal('J-5', { certifications: Array.from({ length: 21 }, (_, i) => `cert-${i}`) }),
          deal('J-6', { lines: [{ chip: { name: 'Inline', tops: 1000, bitLength: 8.5 }, quantity: 1 }] }),
          deal('J-7', { lines: [{ chip: { name: long(201), tpp: 5000 }, quantity: 1 }] }),
        ],
      }),
      alice,
    )
    expect(json.errors).toEqual([
      { row: 2, field: 'id', message: 'at most 100 characters' },
      { row: 3, field: 'consignee', message: 'at most 200 characters' },
      { row: 4, field: 'site', message: 'at most 200 characters' },
      { row: 5, field: 'certifications', message: 'at most 20 certifications' },
      { row: 6, field: 'lines.0.chip.bitLength', message: 'must be a whole number' },
      { row: 7, field: 'lines.0.chip.name', message: 'at most 200 characters' },
    ])
    const csv = importBook(
      db,
      ['id,date,consignee,chip,quantity', `C-1,2025-01-01,${long(201)},H100,1`, ''].join('\n'),
      alice,
      { format: 'csv' },
    )
    expect(csv.errors).toEqual([{ row: 2, field: 'consignee', message: 'at most 200 characters' }])
    expect(count(db, 'project')).toBe(0)
    expect(importBook(db, JSON.stringify({ deals: [atLimits] }), alice).errors).toBeUndefined()
    expect(count(db, 'project')).toBe(1)
    db.close()
  })
})
