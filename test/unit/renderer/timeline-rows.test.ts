import { describe, expect, it } from 'vitest'
import { earlierUseNote, timelineBadge } from '../../../renderer/src/screens/packs/timelineRows'
import { PACK_TIMELINE } from '../../../shared/rules/timeline'

const entry = (from: string) => PACK_TIMELINE.find((e) => e.from === from)!
const badges = (asOf: string, today: string) =>
  PACK_TIMELINE.map((e) => timelineBadge(e, asOf, today)?.text ?? null)

describe('timelineBadge: one badge a row', () => {
  it('the as-of date is today: one "governs today", not a second badge repeating it', () => {
    expect(badges('2026-11-26', '2026-11-26')).toEqual([null, null, null, 'governs today'])
  })
  it('another as-of date: its period says so, and today’s period says "governs today"', () => {
    expect(badges('2025-03-03', '2026-11-26')).toEqual([null, 'governs 2025-03-03', null, 'governs today'])
    expect(badges('2026-02-01', '2026-11-26')).toEqual([null, null, null, 'governs 2026-02-01'])
  })
  it('a pack governing two periods is marked only in the one holding the date', () => {
    expect(badges('2025-06-01', '2025-06-01')).toEqual([null, null, 'governs today', null])
  })
})

describe('earlierUseNote', () => {
  it('explains a period before its pack’s own effective date', () => {
    expect(earlierUseNote(entry('2024-05-30'), '2025-05-13')).toBe(
      'Effective 2025-05-13; the timeline also uses it for these earlier dates (see the note below).',
    )
  })
  it('says nothing of a period from the effective date on', () => {
    expect(earlierUseNote(entry('2025-05-13'), '2025-05-13')).toBeNull()
    expect(earlierUseNote(entry('2026-01-15'), '2026-01-15')).toBeNull()
  })
})
