import { describe, expect, it } from 'vitest'
import type { AlertLevel, BucketKind, HeadroomRow } from '../../../shared/domain/headroom'
import {
  boardSummary,
  limitPackName,
  limitPacksWords,
  lppByConsignee,
  recordedPackIds,
  rowTotals,
  staleNote,
} from '../../../renderer/src/screens/headroom/board'

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

/** A row recorded under `packId`, measured against `limitPackId`'s limit when given (a scenario's). */
const under = (r: HeadroomRow, packId: string | null, limitPackId?: string): HeadroomRow => ({
  ...r,
  packId,
  ...(limitPackId ? { limitPackId } : {}),
})

describe("the pack a chart's limit belongs to", () => {
  it('is the scenario whose limit replaced the recorded one, else the recorded pack', () => {
    const my = row('country:MY', 'country', 703_968_000, 790_000_000)
    expect(limitPackName(under(my, 'us-ai-diffusion-2025'))).toBe('us-ai-diffusion-2025')
    expect(limitPackName(under(my, 'us-ai-diffusion-2025', 'scn-g2g'))).toBe('scenario scn-g2g')
    expect(limitPackName(licences[0]!)).toBeNull()
  })

  it('names one pack alone, and under auto each pack with what it covers', () => {
    const my = under(row('country:MY', 'country', 1, 10), 'us-ai-diffusion-2025')
    const inn = under(row('country:IN', 'country', 1, 10), 'us-ai-diffusion-2025')
    const ae = under(row('country:AE', 'country', 1, 10), 'other-pack')
    const item = (b: HeadroomRow) => b.bucket.slice(8)
    expect(limitPacksWords([my, inn, ...licences], item)).toBe('us-ai-diffusion-2025')
    expect(limitPacksWords([my, ae, inn], item)).toBe('us-ai-diffusion-2025 (MY, IN); other-pack (AE)')
    expect(limitPacksWords(licences, item)).toBe('')
    expect(recordedPackIds([ae, my, inn, ...licences])).toEqual(['other-pack', 'us-ai-diffusion-2025'])
  })

  it("draws every pack's LPP limit: under auto the first bucket's limit is not every pack's", () => {
    const rows = [
      under(row('lpp:A:2025', 'lpp', 7_916_000, 26_900_000), 'us-ai-diffusion-2025'),
      under(row('lpp:B:2025', 'lpp', 12_665_600, 26_900_000), 'us-ai-diffusion-2025'),
      under(row('lpp:C:2026', 'lpp', 1_000_000, 13_450_000), 'other-pack'),
    ].map((r) => ({ ...r, consignee: r.bucket.split(':')[1]!, period: r.bucket.split(':')[2]! }))
    expect(lppByConsignee(rows).limits).toEqual([
      { limit: 26_900_000, pack: 'us-ai-diffusion-2025' },
      { limit: 13_450_000, pack: 'other-pack' },
    ])
    // Under a pinned scenario every LPP year reads the scenario's limit, and is named so.
    const scenario = rows.map((r) => ({ ...r, limit: 13_450_000, limitPackId: 'scn-lpp-halved' }))
    expect(lppByConsignee(scenario).limits).toEqual([{ limit: 13_450_000, pack: 'scenario scn-lpp-halved' }])
  })
})

describe('the note over figures kept in view while the board reads the next answer', () => {
  const isScenario = (id: string) => id.startsWith('scn-')
  it('says whose the figures shown are when the selection changed', () => {
    expect(staleNote({}, { packId: 'us-advanced-computing-2026', on: '2026-07-01' }, isScenario)).toBe(
      'Updating for pack us-advanced-computing-2026: the figures shown, dimmed, are still those for all packs.',
    )
    // A scenario's limits are read on the date: the date is part of whose figures they are.
    expect(
      staleNote({ packId: 'scn-g2g', on: '2025-03-01' }, { packId: 'scn-g2g', on: '2026-07-01' }, isScenario),
    ).toBe(
      'Updating for scenario scn-g2g on 2026-07-01: the figures shown, dimmed, are still those for scenario scn-g2g on 2025-03-01.',
    )
  })

  it('says they are read again when the selection is the same (the ledger changed)', () => {
    expect(staleNote({}, {}, isScenario)).toBe(
      'Reading all packs again: the figures shown, dimmed, are those read before.',
    )
    expect(staleNote(null, {}, isScenario)).toBe(
      'Updating: some of the figures shown, dimmed, are being read again.',
    )
  })
})
