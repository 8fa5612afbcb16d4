import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT_STATUSES } from '../../../shared/domain/project'
import { parseDealBook } from '../../../shared/rules/book'
import { evaluate } from '../../../shared/rules/evaluator'
import type { Outcome } from '../../../shared/rules/types'

// The ledger's extension fields (shared/domain/ledger.ts LedgerDealExtension) and the book header:
// the rule engine's parser is strict, so they are taken off before checking the interchange part.
const EXTENSION = [
  'name',
  'status',
  'endUser',
  'notes',
  'preparer',
  'reviewer',
  'licenceNumber',
  'authorizedTpp',
  'authorizedUnits',
]

const raw = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../../electron/sample/portfolio.json'), 'utf8'),
) as {
  format: string
  version: number
  deals: Array<Record<string, unknown>>
}

function interchangePart(): string {
  const { format: _format, version: _version, ...book } = raw
  const deals = raw.deals.map((d) =>
    Object.fromEntries(Object.entries(d).filter(([k]) => !EXTENSION.includes(k))),
  )
  return JSON.stringify({ ...book, deals })
}

describe('sample portfolio (electron/sample/portfolio.json)', () => {
  const parsed = parseDealBook(interchangePart(), 'json')

  it('is a valid interchange v1 book once the ledger extension is set aside', () => {
    expect(parsed.ok ? [] : parsed.errors).toEqual([])
    expect(raw.format).toBe('headroom-deal-book')
    expect(raw.version).toBe(1)
  })

  it('has about 40 deals over 2025-01 … 2026-10 in every lifecycle status', () => {
    expect(raw.deals.length).toBeGreaterThanOrEqual(35)
    expect(raw.deals.length).toBeLessThanOrEqual(45)
    const dates = raw.deals.map((d) => d.date as string).sort()
    expect(dates[0]! >= '2025-01-01' && dates[0]! < '2025-02-01').toBe(true)
    expect(dates.at(-1)! >= '2026-10-01' && dates.at(-1)! <= '2026-10-31').toBe(true)
    expect(new Set(raw.deals.map((d) => d.status))).toEqual(new Set(PROJECT_STATUSES))
  })

  it('keeps four eyes: a reviewed deal has a reviewer who is not its preparer', () => {
    for (const d of raw.deals) {
      if (d.status === 'draft' || d.status === 'in_review')
        expect(d.reviewer ?? null, String(d.id)).toBeNull()
      else expect(d.reviewer, String(d.id)).toBeTruthy()
      expect(d.reviewer, String(d.id)).not.toBe(d.preparer)
    }
  })

  it('gives licence numbers exactly to the licensed deals (and closed ones that were licensed)', () => {
    for (const d of raw.deals) {
      if (d.status === 'licensed') expect(d.licenceNumber, String(d.id)).toMatch(/^D9\d{5}$/)
      if (d.licenceNumber) expect(['licensed', 'closed'], String(d.id)).toContain(d.status)
    }
    const numbers = raw.deals.map((d) => d.licenceNumber).filter(Boolean)
    expect(new Set(numbers).size).toBe(numbers.length)
  })

  it('evaluates to a realistic spread: allowed, LPP, licences, likely denials, and one incomplete draft', () => {
    if (!parsed.ok) throw new Error('book invalid')
    const ds = evaluate(parsed.book, 'auto')
    const count = (o: Outcome) => ds.filter((d) => d.outcome === o).length
    expect(count('allowed')).toBeGreaterThanOrEqual(10)
    expect(count('license_required')).toBeGreaterThanOrEqual(10)
    expect(count('likely_denied')).toBeGreaterThanOrEqual(2)
    expect(ds.filter((d) => d.authorization === 'LPP').length).toBeGreaterThanOrEqual(3)
    expect(
      ds.filter((d) => d.authorization === 'NVEU' || d.authorization === 'UVEU').length,
    ).toBeGreaterThanOrEqual(3)
    // Only the deliberately incomplete draft is not determinable.
    const nd = ds.filter((d) => d.outcome === 'not_determinable')
    expect(nd.map((d) => d.dealId)).toEqual(['SMPL-26-040'])
    expect(raw.deals.find((d) => d.id === 'SMPL-26-040')?.status).toBe('draft')
    // A cloud region in Malaysia that runs into the country allocation.
    expect(ds.some((d) => d.caps.some((c) => c.bucket === 'country:MY' && c.exceeded))).toBe(true)
  })

  it('uses clearly fictional parties, including the ones the brief asks for', () => {
    const names = (
      raw as unknown as {
        parties: Array<{
          name: string
          hq?: string
          parentHq?: string | null
          veu?: { kind: string; hq: string }
        }>
      }
    ).parties
    expect(names.find((p) => p.hq === 'SG' && p.parentHq === 'CN')).toBeTruthy()
    expect(names.find((p) => p.veu?.kind === 'UVEU' && p.veu.hq === 'US')).toBeTruthy()
    expect(names.find((p) => p.veu?.kind === 'NVEU' && p.hq === 'IN')).toBeTruthy()
    for (const country of ['MY', 'IN', 'AE', 'SA', 'PL'])
      expect(
        raw.deals.some((d) => d.destination === country),
        country,
      ).toBe(true)
  })
})
