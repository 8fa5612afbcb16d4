import type { HeadroomHistory } from '../../../shared/domain/headroom'
import { formatDate } from '../format'

export interface HistoryPoint {
  /** `#<entry id>`: the category key, so entries of deals shipping the same day still read as steps. */
  entry: string
  /** The x-axis label (YYYY-MM-DD): the deal's planned ship date, or the day recorded for an entry without a deal. */
  day: string
  /** When the ledger recorded the entry, to the minute (UTC): the tooltip. */
  at: string
  deal: string
  used: number
  committed: number
  limit: number | null
}

/**
 * A bucket's history as chart points, one per ledger entry, placed at the planned ship date of the
 * entry's deal: when the capacity is (to be) used, which is what an allocation measures, and what the
 * country statement plots. The ledger knows no licence date, and when an entry was recorded says only
 * when the desk typed it (a whole import is one day). An entry without a deal (an opening balance) is
 * placed on the day it was recorded. The running totals are summed again in that order, so the last
 * point is the bucket's committed and reserved TPP however the entries were recorded.
 */
export function historyPoints(h: HeadroomHistory): HistoryPoint[] {
  const limit = h.bucket.limit
  const placed = h.points
    .map((p) => ({ p, at: formatDate(p.at) }))
    .map(({ p, at }) => ({ p, at, day: p.dealDate ?? at.slice(0, 10) }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.p.id - b.p.id)
  let committed = 0
  let reserved = 0
  return placed.map(({ p, at, day }) => {
    if (p.action === 'commit') committed += p.tpp
    else if (p.action === 'reserve') reserved += p.tpp
    else reserved -= p.tpp
    return {
      entry: `#${p.id}`,
      day,
      at,
      deal: p.projectId ?? p.reason ?? '',
      used: committed + reserved,
      committed,
      limit,
    }
  })
}

/** The x-axis label of an entry key: the date it is placed at (the key itself if unknown). */
export function dayOfEntry(points: readonly HistoryPoint[]): (entry: string) => string {
  const days = new Map(points.map((p) => [p.entry, p.day]))
  return (entry) => days.get(entry) ?? entry
}
