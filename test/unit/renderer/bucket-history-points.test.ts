import { describe, expect, it } from 'vitest'
import type { HeadroomHistory } from '../../../shared/domain/headroom'
import { dayOfEntry, historyPoints } from '../../../renderer/src/charts/bucketHistoryPoints'

const entry = (id: number, at: string, committed: number, reserved: number, projectId: string | null) => ({
  id,
  bucket: 'country:MY',
  action: 'commit' as const,
  tpp: 0,
  units: 0,
  projectId,
  packId: null,
  actor: 'root',
  at,
  reason: projectId ? null : 'opening balance',
  committed,
  reserved,
  remaining: null,
})

const history = {
  bucket: { limit: 790_000_000 },
  points: [
    entry(1, '2026-11-26T22:51:55.652Z', 379_968_000, 0, 'SMPL-25-001'),
    entry(12, '2026-11-26T22:51:55.652Z', 703_968_000, 0, 'SMPL-25-002'),
    entry(40, '2026-12-03T09:05:00.000Z', 703_968_000, 120_000_000, null),
  ],
} as unknown as HeadroomHistory

describe('historyPoints', () => {
  it('keeps one point per entry and labels each by the day the ledger recorded it', () => {
    const points = historyPoints(history)
    expect(points.map((p) => p.entry)).toEqual(['#1', '#12', '#40'])
    const dayOf = dayOfEntry(points)
    expect(points.map((p) => dayOf(p.entry))).toEqual(['2026-11-26', '2026-11-26', '2026-12-03'])
    expect(points[2]).toMatchObject({
      at: '2026-12-03 09:05 UTC',
      deal: 'opening balance',
      used: 823_968_000,
      committed: 703_968_000,
      limit: 790_000_000,
    })
  })
})
