import type { HeadroomHistory } from '../../../shared/domain/headroom'
import { formatDate } from '../format'

export interface HistoryPoint {
  /** `#<entry id>`: the category key, so entries recorded on the same day (an import) still read as steps. */
  entry: string
  /** The day the ledger recorded the entry (YYYY-MM-DD): the x-axis label. */
  day: string
  /** When the ledger recorded the entry, to the minute (UTC): the tooltip. */
  at: string
  deal: string
  used: number
  committed: number
  limit: number | null
}

/** A bucket's history as chart points: one per ledger entry, in order, labelled by the day it was recorded. */
export function historyPoints(h: HeadroomHistory): HistoryPoint[] {
  const limit = h.bucket.limit
  return h.points.map((p) => {
    const at = formatDate(p.at)
    return {
      entry: `#${p.id}`,
      day: at.slice(0, 10),
      at,
      deal: p.projectId ?? p.reason ?? '',
      used: p.committed + p.reserved,
      committed: p.committed,
      limit,
    }
  })
}

/** The x-axis label of an entry key: the day it was recorded (the key itself if unknown). */
export function dayOfEntry(points: readonly HistoryPoint[]): (entry: string) => string {
  const days = new Map(points.map((p) => [p.entry, p.day]))
  return (entry) => days.get(entry) ?? entry
}
