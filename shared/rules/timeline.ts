import { loadPacks } from './packs'
import type { IsoDate, RulePack, TimelineEntry } from './types'

/**
 * Which built-in pack governs a deal date (`auto`). Periods are inclusive and do not overlap.
 *
 * - Before the diffusion framework the 2023/2024 advanced-computing controls applied; the 2025-05 pack
 *   encodes those as they stood from 2024-05-30, less the HBM and Dec 2024 refinements. Earlier dates
 *   (the controls began 2023-11-17) need what no shipped pack encodes: Cyprus was in D:5 until
 *   2024-05-30, and § 740.8 was NAC alone until the April 2024 NAC/ACA split. `auto` therefore answers
 *   "not determinable" before 2024-05-30 rather than apply later groups and exceptions; pin a pack to
 *   see what it would say.
 * - The framework as written governs from its effective date until BIS stopped enforcing it. Its compliance
 *   date (2025-05-15) fell after that, so in practice it never bound; pin it to see what it would have said.
 */
export const PACK_TIMELINE: readonly TimelineEntry[] = [
  {
    packId: 'us-advanced-computing-2025-05',
    from: '2024-05-30',
    to: '2025-01-12',
    citation:
      '88 FR 73458 (effective 2023-11-17) as amended 2024-04-04; FR Doc 2024-10280 (Cyprus leaves D:5, effective 2024-05-30); Miller & Chevalier: after rescission controls "revert to the December 2024 status quo"',
    confidence: 'secondary',
    note: 'The pre-Diffusion regime, which the 2025-05 pack restores, from the date its country groups and § 740.8 match; HBM (3A090.c, Dec 2024) is not modelled.',
  },
  {
    packId: 'us-ai-diffusion-2025',
    from: '2025-01-13',
    to: '2025-05-12',
    citation: '90 FR 4544 (FR Doc. 2025-00636), effective 2025-01-13; BIS press release 2025-05-13',
    confidence: 'primary',
    note: 'Compliance date 2025-05-15; some outlets date the non-enforcement instruction 2025-05-12.',
    caution:
      'The framework was in effect from 2025-01-13, but its compliance date (2025-05-15, 90 FR 4544) fell after BIS stopped enforcing it (2025-05-13; some outlets date the instruction 2025-05-12): on this date exporters were not yet required to comply, and the earlier advanced-computing controls (us-advanced-computing-2025-05) still bound. This determination applies the framework as written; pin us-advanced-computing-2025-05 to see the controls that bound.',
  },
  {
    packId: 'us-advanced-computing-2025-05',
    from: '2025-05-13',
    to: '2026-01-14',
    citation: 'BIS press release 2025-05-13 (rescission and non-enforcement of the AI diffusion framework)',
    confidence: 'secondary',
    note: 'No Federal Register rescission has been published; GAO B-337935 (2026-05-12) held the non-enforcement policy to be a rule.',
  },
  {
    packId: 'us-advanced-computing-2026',
    from: '2026-01-15',
    citation: 'FR Doc. 2026-00789, effective 2026-01-15',
    confidence: 'primary',
  },
]

/** The timeline entry for a date, or undefined when no pack governs it. */
export function timelineEntry(
  date: IsoDate,
  timeline: readonly TimelineEntry[] = PACK_TIMELINE,
): TimelineEntry | undefined {
  // Loops, not `find` with closures over `date`: `auto` asks once per deal.
  for (let i = 0; i < timeline.length; i++) {
    const e = timeline[i]!
    if (e.from <= date && (e.to === undefined || date <= e.to)) return e
  }
  return undefined
}

/** The pack governing `date` (the `auto` choice), or undefined when none does. */
export function governingPack(
  date: IsoDate,
  packs: readonly RulePack[] = loadPacks(),
  timeline: readonly TimelineEntry[] = PACK_TIMELINE,
): RulePack | undefined {
  const entry = timelineEntry(date, timeline)
  if (!entry) return undefined
  for (let i = 0; i < packs.length; i++) if (packs[i]!.id === entry.packId) return packs[i]
  return undefined
}
