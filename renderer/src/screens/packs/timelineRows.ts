import type { TimelineEntry } from '../../../../shared/rules/types'

const covers = (e: TimelineEntry, date: string) => e.from <= date && (e.to === undefined || date <= e.to)

/**
 * The one badge a timeline row carries: the period holding the as-of date says "governs today" when
 * the as-of date is today, else "governs <date>"; the period holding today says "governs today" when
 * the as-of date is elsewhere. Found by date, not by pack, since one pack can govern two periods.
 */
export function timelineBadge(
  entry: TimelineEntry,
  asOf: string,
  today: string,
): { text: string; today: boolean } | null {
  if (covers(entry, asOf))
    return asOf === today ? { text: 'governs today', today: true } : { text: `governs ${asOf}`, today: false }
  if (covers(entry, today)) return { text: 'governs today', today: true }
  return null
}

/**
 * A period that ends before its pack's own effective date: the timeline deliberately uses the pack for
 * earlier dates (shared/rules/timeline.ts), which a reader comparing the row with the grid's
 * "Effective" column would otherwise take for a mistake.
 */
export function earlierUseNote(entry: TimelineEntry, effectiveDate: string | undefined): string | null {
  if (!effectiveDate || entry.from >= effectiveDate) return null
  return `Effective ${effectiveDate}; the timeline also uses it for these earlier dates${entry.note ? ' (see the note below)' : ''}.`
}
