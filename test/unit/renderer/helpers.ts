import type { HeadroomRow } from '../../../shared/domain/headroom'
import type { PortfolioReport, ReportHeader, ReportKind, ReportPack } from '../../../shared/ipc/ops/reports'

/** Fixtures for renderer tests: headroom rows as the sample ledger holds them, and report data around them. */

/**
 * Malaysia's allocation as the sample ledger records it under the diffusion framework (703,968,000 of
 * 790,000,000 TPP), for renderer tests to vary: a scenario's limit, another bucket.
 */
export const MY_ALLOCATION: HeadroomRow = {
  bucket: 'country:MY',
  kind: 'country',
  label: 'Country allocation, Malaysia',
  country: 'MY',
  consignee: null,
  veu: null,
  period: null,
  limit: 790_000_000,
  committed: 703_968_000,
  reserved: 0,
  installedBase: 0,
  remaining: 86_032_000,
  pctUsed: 89.11,
  alertLevel: '80',
  limitUnits: null,
  committedUnits: 0,
  reservedUnits: 0,
  packId: 'us-ai-diffusion-2025',
  updatedAt: '2026-01-01T00:00:00.000Z',
}

/** NVEU-IN-0007's 2025-Q2 quarter in India as the sample records it: a VEU cap no scenario edits. */
export const NVEU_IN_Q2: HeadroomRow = {
  ...MY_ALLOCATION,
  bucket: 'nveu:NVEU-IN-0007:IN:2025-Q2',
  kind: 'nveu',
  label: 'NVEU NVEU-IN-0007, India, 2025-Q2',
  country: 'IN',
  veu: 'NVEU-IN-0007',
  period: '2025-Q2',
  limit: 949_500_000,
  committed: 474_960_000,
  installedBase: 400_000_000,
  remaining: 74_540_000,
  pctUsed: 92.15,
  alertLevel: '90',
}

/** What every report prints on every page, under `pack` (none: no pack governs). */
export function reportHeader(kind: ReportKind, pack: ReportPack | null = null): ReportHeader {
  return {
    kind,
    title: kind,
    documentNumber: `HR-${kind.toUpperCase()}-2025-06-30`,
    marking: 'CONFIDENTIAL',
    printedAt: '2025-06-30T10:00:00.000Z',
    pack,
    fingerprint: { headHash: 'ab'.repeat(32), events: 0 },
    appVersion: 'test',
    ledgerName: 'ledger.sqlite',
  }
}

/** A portfolio with no open deals whose caps are `rows` (as alerts and as risks). */
export function portfolioData(
  capsPackId: string,
  capsRecordedUnder: string,
  rows: HeadroomRow[] = [],
  pack: ReportPack | null = null,
): PortfolioReport {
  return {
    header: reportHeader('portfolio', pack),
    deals: [],
    listedLimit: 2000,
    truncated: false,
    byStatus: [],
    byCountry: [],
    totals: { deals: 0, units: 0, tpp: 0, h100e: 0 },
    capsPackId,
    capsRecordedUnder,
    alerts: rows,
    risks: rows,
  }
}
