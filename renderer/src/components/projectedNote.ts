import type { ProjectStatus } from '../../../shared/domain/project'

/**
 * What the pill on a projected cap says (the country allocation on the licence route, which the engine
 * leaves uncounted until a licence is granted: see `capStanding`), by where the deal stands in the
 * ledger. Only a deal not yet submitted holds nothing yet; a submitted one holds a reservation, and a
 * shipped one is committed, so neither is called a projection. `null` is a deal not saved yet.
 */
export function projectedNote(status: ProjectStatus | null): string {
  switch (status) {
    case null:
    case 'draft':
    case 'returned':
      return 'projected: counts once licensed; reserved from submission'
    case 'in_review':
    case 'approved':
      return 'reserved since submission; counts once licensed'
    case 'licensed':
      return 'committed: counted since the deal was licensed'
    // A deal reaches closed from licensed or shipped; a licensed one is counted outright (no pill), so a
    // closed deal with this pill shipped without a licence.
    case 'shipped':
    case 'closed':
      return 'committed: counted since the deal shipped'
    case 'rejected':
    case 'cancelled':
      return `not held: the deal was ${status}`
  }
}
