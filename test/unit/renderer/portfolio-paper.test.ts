import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { PortfolioReport } from '../../../renderer/src/reports/PortfolioReport'
import type { PortfolioReport as PortfolioData } from '../../../shared/ipc/ops/reports'

function portfolio(capsPackId: string, capsRecordedUnder: string): PortfolioData {
  return {
    header: {
      kind: 'portfolio',
      title: 'Portfolio report',
      documentNumber: 'HR-PORT-2025-06-30',
      marking: 'CONFIDENTIAL',
      printedAt: '2025-06-30T10:00:00.000Z',
      pack: null,
      fingerprint: { headHash: 'ab'.repeat(32), events: 0 },
      appVersion: 'test',
      ledgerName: 'ledger.sqlite',
    },
    deals: [],
    listedLimit: 2000,
    truncated: false,
    byStatus: [],
    byCountry: [],
    totals: { deals: 0, units: 0, tpp: 0, h100e: 0 },
    capsPackId,
    capsRecordedUnder,
    alerts: [],
    risks: [],
  }
}

const paper = (data: PortfolioData): string =>
  renderToStaticMarkup(createElement(PortfolioReport, { data, paper: 'a4', orientation: 'landscape' }))
    .replace(/<style>[^]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&rsquo;|’/g, "'")
    .replace(/\s+/g, ' ')

describe('the portfolio on paper', () => {
  it("says which recorded buckets a scenario's caps are measured on", () => {
    const text = paper(portfolio('scn-1', 'us-ai-diffusion-2025'))
    expect(text).toContain('Caps checked: those of rule pack scn-1 , the what-if scenario')
    expect(text).toContain(
      "recorded under us-ai-diffusion-2025 , the pack it copies, are measured against the scenario's",
    )
    const pack = paper(portfolio('us-ai-diffusion-2025', 'us-ai-diffusion-2025'))
    expect(pack).toContain(
      'Caps checked: those of rule pack us-ai-diffusion-2025 , the pack this report is printed under',
    )
  })
})
