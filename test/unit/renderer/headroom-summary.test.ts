import { describe, expect, it } from 'vitest'
import type { AlertLevel, BucketKind, HeadroomRow } from '../../../shared/domain/headroom'
import { boardSummary, rowTotals } from '../../../renderer/src/screens/headroom/board'

const level = (pct: number | null): AlertLevel =>
  pct === null ? 'none' : pct >= 100 ? '100' : pct >= 95 ? '95' : pct >= 90 ? '90' : pct >= 80 ? '80' : 'none'

function row(
  bucket: string,
  kind: BucketKind,
  committed: number,
  limit: number | null,
  reserved = 0,
): HeadroomRow {
  const pctUsed = limit === null ? null : Math.round(((committed + reserved) / limit) * 10000) / 100
  return {
    bucket,
    kind,
    label: bucket,
    country: null,
    consignee: null,
    veu: null,
    period: null,
    limit,
    committed,
    reserved,
    installedBase: 0,
    remaining: limit === null ? null : limit - committed - reserved,
    pctUsed,
    alertLevel: level(pctUsed),
    limitUnits: null,
    committedUnits: 0,
    reservedUnits: 0,
    packId: null,
    updatedAt: '2026-01-01T00:00:00.000Z',
  }
}

// The sample portfolio pinned to us-advanced-computing-2026: only licences, each drawn down in full.
const licences = [
  row('licence:D900101', 'licence', 379_968_000, 379_968_000),
  row('licence:D900108', 'licence', 189_984_000, 189_984_000),
  row('licence:D900112', 'licence', 83_676_000, 83_676_000),
]

describe('boardSummary', () => {
  it('counts licences apart from regulatory buckets: a licence drawn down is not a cap used up', () => {
    expect(boardSummary(licences)).toEqual({
      regulatory: 0,
      regulatoryAt80: 0,
      regulatoryUsedUp: 0,
      licences: 3,
      licencesDrawnDown: 3,
    })
  })

  it('counts regulatory buckets at 80% or more and used up by the same rule, from the rows shown', () => {
    const rows = [
      ...licences,
      row('country:MY', 'country', 703_968_000, 790_000_000), // 89.1%
      row('country:IN', 'country', 189_984_000, 790_000_000), // 24.0%
      row('lpp:X:2025', 'lpp', 20_000_000, 26_900_000, 6_900_000), // 100% with the reservation
      row('uveu:U:IN', 'uveu_country', 47_496_000, null), // no limit: never an alert
    ]
    expect(boardSummary(rows)).toEqual({
      regulatory: 4,
      regulatoryAt80: 2,
      regulatoryUsedUp: 1,
      licences: 3,
      licencesDrawnDown: 3,
    })
  })
})

describe('rowTotals', () => {
  it('sums the Committed and Reserved columns over every row given, licences included', () => {
    expect(rowTotals(licences)).toEqual({ committed: 653_628_000, reserved: 0 })
    expect(rowTotals([...licences, row('lpp:X:2025', 'lpp', 1, 10, 2)])).toEqual({
      committed: 653_628_001,
      reserved: 2,
    })
  })
})
