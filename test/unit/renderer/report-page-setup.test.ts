import { describe, expect, it } from 'vitest'
import { parseReportRequest, reportQuery, type ReportHeader } from '../../../shared/ipc/ops/reports'
import { cssString, pageRule } from '../../../renderer/src/reports/page-setup'

const header: ReportHeader = {
  kind: 'audit',
  title: 'Audit extract',
  documentNumber: 'HR-AUDIT-ALL-start-2025-03-20',
  marking: 'CONFIDENTIAL — EXPORT CONTROLLED',
  printedAt: '2025-03-20T10:00:00.000Z',
  pack: null,
  fingerprint: { headHash: 'ab'.repeat(32), events: 3 },
  appVersion: '0.1.0',
  ledgerName: 'ledger.sqlite',
}

describe('print page rule', () => {
  it('escapes desk text so it cannot end the CSS string or the style element', () => {
    expect(cssString('A "B" \\ </style>')).toBe('"A \\22 B\\22  \\5c  \\3c /style\\3e "')
    expect(cssString('SECRET — X')).toBe('"SECRET \\2014  X"')
  })

  it('puts marking, document number, print date, fingerprint and page N of M in the page margin boxes', () => {
    const rule = pageRule(header, 'letter', 'landscape')
    expect(rule).toContain('size: letter landscape')
    expect(rule).toContain('@top-center { content: "CONFIDENTIAL \\2014  EXPORT CONTROLLED"')
    expect(rule).toContain('@bottom-center { content: "CONFIDENTIAL \\2014  EXPORT CONTROLLED"')
    expect(rule).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages)')
    expect(rule).toContain('"HR-AUDIT-ALL-start-2025-03-20"')
    expect(rule).toContain('"Printed 2025-03-20 10:00 UTC" "\\A " "Ledger abababababab"')
    expect(pageRule(header, 'a4', 'portrait')).toContain('size: A4 portrait')
  })
})

describe('report route', () => {
  it('reads back the request it writes', () => {
    const req = {
      kind: 'audit' as const,
      paper: 'letter' as const,
      orientation: 'portrait' as const,
      projectId: 'D 1&x',
      from: '2025-01-01',
    }
    expect(parseReportRequest(new URLSearchParams(reportQuery(req)))).toEqual({
      ...req,
      country: undefined,
      packId: undefined,
      asOf: undefined,
      to: undefined,
    })
    expect(parseReportRequest(new URLSearchParams('kind=portfolio'))).toMatchObject({
      paper: 'a4',
      orientation: 'landscape',
    })
    expect(parseReportRequest(new URLSearchParams('kind=nope'))).toBeNull()
  })
})
