import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { CountryStatement } from '../../../renderer/src/reports/CountryStatement'
import { PortfolioReport } from '../../../renderer/src/reports/PortfolioReport'
import type { HeadroomRow } from '../../../shared/domain/headroom'
import type {
  CountryReport,
  PortfolioReport as PortfolioData,
  ReportPack,
} from '../../../shared/ipc/ops/reports'
import { MY_ALLOCATION, NVEU_IN_Q2, portfolioData, reportHeader } from './helpers'

const SCENARIO = 'scn-allocation-400m'

/** The pack a report is printed under: a what-if scenario of the diffusion framework, or the framework. */
const packOf = (packId: string): ReportPack => ({
  id: packId,
  title: packId,
  status: packId === SCENARIO ? 'scenario' : 'as_written',
  effectiveDate: '2025-01-15',
  version: 'abcdef012345',
  auto: false,
  asOf: '2025-06-30',
})

/**
 * Malaysia's allocation and NVEU-IN-0007's quarter as `reports.portfolio` lists them under `packId`:
 * under the scenario the allocation is measured against its 400M (`limitPackId`), the VEU cap as recorded.
 */
function portfolio(packId: string): PortfolioData {
  const my: HeadroomRow =
    packId === SCENARIO
      ? {
          ...MY_ALLOCATION,
          limit: 400_000_000,
          remaining: -303_968_000,
          pctUsed: 175.99,
          alertLevel: '100',
          limitPackId: SCENARIO,
        }
      : MY_ALLOCATION
  return portfolioData(packId, 'us-ai-diffusion-2025', [my, NVEU_IN_Q2], packOf(packId))
}

/** India's statement under the scenario: its other caps are the recorded VEU caps, none the scenario's. */
function india(): CountryReport {
  return {
    header: reportHeader('country', packOf(SCENARIO)),
    country: { iso2: 'IN', name: 'India', tier: 2, groups: [] },
    bucket: null,
    allocation: 400_000_000,
    licensed: 0,
    reserved: 0,
    remaining: 400_000_000,
    pctUsed: 0,
    alertLevel: 'none',
    deals: [],
    points: [],
    book: [],
    otherBuckets: [NVEU_IN_Q2],
  }
}

const paper = {
  portfolio: (data: PortfolioData) =>
    renderToStaticMarkup(createElement(PortfolioReport, { data, paper: 'a4', orientation: 'landscape' })),
  country: (data: CountryReport) =>
    renderToStaticMarkup(createElement(CountryStatement, { data, paper: 'a4', orientation: 'portrait' })),
}

const text = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&rsquo;|’/g, "'")
    .replace(/\s+/g, ' ')
    .trim()

/** The header cells of the first table holding `first`, and the cells of its row that begins with it. */
function tableRow(html: string, first: string): { header: string[]; cells: string[] } {
  const table = [...html.matchAll(/<table[^]*?<\/table>/g)].map((m) => m[0]).find((t) => t.includes(first))
  if (!table) throw new Error(`no table with ${first}`)
  const cellsOf = (row: string) => [...row.matchAll(/<t[hd][^>]*>([^]*?)<\/t[hd]>/g)].map((m) => text(m[1]!))
  const header = cellsOf(table.match(/<thead>[^]*?<\/thead>/)![0])
  const row = [...table.matchAll(/<tr>[^]*?<\/tr>/g)]
    .map((m) => cellsOf(m[0]))
    .find((cells) => cells[0] === first)
  if (!row) throw new Error(`no row ${first}`)
  return { header, cells: row }
}

/** The cell of `row` under the column headed `column`. */
const under = ({ header, cells }: { header: string[]; cells: string[] }, column: string) =>
  cells[header.indexOf(column)]

describe('bucket tables printed under a what-if scenario', () => {
  it("name whose limit each portfolio row is: the scenario's allocation, the recorded VEU cap", () => {
    const html = paper.portfolio(portfolio(SCENARIO))
    const my = tableRow(html, 'Country allocation, Malaysia')
    expect(my.header.slice(0, 4)).toEqual(['Bucket', 'Period', 'Limit', 'Limit from'])
    expect(under(my, 'Limit')).toBe('400,000,000')
    expect(under(my, 'Limit from')).toBe(`scenario ${SCENARIO}`)
    // The scenario does not edit the VEU caps: the row is measured against the recorded pack's.
    const nveu = tableRow(html, 'NVEU NVEU-IN-0007, India, 2025-Q2')
    expect(under(nveu, 'Limit')).toBe('949,500,000')
    expect(under(nveu, 'Limit from')).toBe('us-ai-diffusion-2025')
    expect(text(html)).toContain('Other caps keep the limits recorded: the Limit from column names')
  })

  it("say the country's other caps are the recorded pack's, not the scenario's", () => {
    const html = paper.country(india())
    const nveu = tableRow(html, 'NVEU NVEU-IN-0007, India, 2025-Q2')
    expect(under(nveu, 'Limit')).toBe('949,500,000')
    expect(under(nveu, 'Limit from')).toBe('us-ai-diffusion-2025')
    // The note said every row was measured against the scenario's limits; none of these is.
    expect(text(html)).not.toContain("measured against the scenario's limits")
    expect(text(html)).toContain(
      "The scenario's limits replace only the country allocation and the LPP limit",
    )
  })

  it('are printed as before under a built-in pack, whose limits are all its own', () => {
    const html = paper.portfolio(portfolio('us-ai-diffusion-2025'))
    const my = tableRow(html, 'Country allocation, Malaysia')
    expect(my.header).not.toContain('Limit from')
    expect(under(my, 'Limit')).toBe('790,000,000')
  })
})
