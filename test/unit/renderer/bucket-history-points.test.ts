import { describe, expect, it } from 'vitest'
import type { CapacityAction, HeadroomHistory } from '../../../shared/domain/headroom'
import { dayOfEntry, historyPoints } from '../../../renderer/src/charts/bucketHistoryPoints'

const entry = (
  id: number,
  at: string,
  action: CapacityAction,
  tpp: number,
  projectId: string | null,
  dealDate: string | null,
) => ({
  id,
  bucket: 'country:MY',
  action,
  tpp,
  units: 0,
  projectId,
  dealDate,
  packId: null,
  actor: 'root',
  at,
  reason: projectId ? null : 'opening balance',
  // The ledger's running totals in the order recorded; the chart sums again in its own order.
  committed: -1,
  reserved: -1,
  remaining: null,
})

// The sample's shape: every deal's entries recorded on the day the book was loaded, the deals shipping
// months apart; one deal reserved, released and committed; an opening balance typed later with no deal.
const history = {
  bucket: { bucket: 'country:MY', limit: 790_000_000, committed: 703_968_000, reserved: 120_000_000 },
  points: [
    entry(1, '2026-11-26T22:51:55.652Z', 'commit', 324_000_000, 'SMPL-25-002', '2025-03-10'),
    entry(2, '2026-11-26T22:51:55.652Z', 'reserve', 379_968_000, 'SMPL-25-001', '2025-01-20'),
    entry(3, '2026-11-26T22:51:55.652Z', 'release', 379_968_000, 'SMPL-25-001', '2025-01-20'),
    entry(4, '2026-11-26T22:51:55.652Z', 'commit', 379_968_000, 'SMPL-25-001', '2025-01-20'),
    entry(40, '2026-12-03T09:05:00.000Z', 'reserve', 120_000_000, null, null),
  ],
} as unknown as HeadroomHistory

describe('historyPoints', () => {
  const points = historyPoints(history)

  it("places each entry at its deal's planned ship date, not the day it was recorded", () => {
    expect(points.map((p) => p.entry)).toEqual(['#2', '#3', '#4', '#1', '#40'])
    const dayOf = dayOfEntry(points)
    expect(points.map((p) => dayOf(p.entry))).toEqual([
      '2025-01-20',
      '2025-01-20',
      '2025-01-20',
      '2025-03-10',
      // No deal: the day the ledger recorded it.
      '2026-12-03',
    ])
    expect(points[4]).toMatchObject({ at: '2026-12-03 09:05 UTC', deal: 'opening balance' })
  })

  it('sums the entries in that order, ending at the bucket’s committed and reserved TPP', () => {
    expect(points.map((p) => [p.committed, p.used])).toEqual([
      [0, 379_968_000],
      [0, 0],
      [379_968_000, 379_968_000],
      [703_968_000, 703_968_000],
      [703_968_000, 823_968_000],
    ])
    const last = points.at(-1)!
    expect(last.committed).toBe(history.bucket.committed)
    expect(last.used).toBe(history.bucket.committed + history.bucket.reserved)
    expect(points.every((p) => p.limit === 790_000_000)).toBe(true)
  })
})
