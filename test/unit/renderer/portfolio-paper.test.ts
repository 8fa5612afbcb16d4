import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { PortfolioReport } from '../../../renderer/src/reports/PortfolioReport'
import type { PortfolioReport as PortfolioData } from '../../../shared/ipc/ops/reports'
import { portfolioData } from './helpers'

const portfolio = (capsPackId: string, capsRecordedUnder: string) =>
  portfolioData(capsPackId, capsRecordedUnder)

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
