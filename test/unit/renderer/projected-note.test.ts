import { describe, expect, it } from 'vitest'
import { PROJECT_STATUSES } from '../../../shared/domain/project'
import { projectedNote } from '../../../renderer/src/components/projectedNote'

describe('the pill of a projected cap follows what the deal holds in the ledger', () => {
  it('calls the allocation projected only while the deal holds nothing of it yet', () => {
    for (const status of [null, 'draft', 'returned'] as const)
      expect(projectedNote(status), String(status)).toBe(
        'projected: counts once licensed; reserved from submission',
      )
  })

  it('says a submitted deal holds a reservation, and a licensed or shipped one is committed', () => {
    expect(projectedNote('in_review')).toBe('reserved since submission; counts once licensed')
    expect(projectedNote('approved')).toBe('reserved since submission; counts once licensed')
    expect(projectedNote('licensed')).toBe('committed: counted since the deal was licensed')
    expect(projectedNote('shipped')).toBe('committed: counted since the deal shipped')
    expect(projectedNote('closed')).toBe('committed: counted since the deal shipped')
    expect(projectedNote('rejected')).toBe('not held: the deal was rejected')
    expect(projectedNote('cancelled')).toBe('not held: the deal was cancelled')
  })

  it('never calls capacity a submitted or shipped deal holds "projected"', () => {
    for (const status of PROJECT_STATUSES.filter((s) => s !== 'draft' && s !== 'returned'))
      expect(projectedNote(status), status).not.toContain('projected')
  })
})
