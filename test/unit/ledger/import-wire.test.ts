import { describe, expect, it } from 'vitest'
import { mixedBook } from '../../../bench/profile-import'
import { evaluateForImport, type EvaluatedDeal } from '../../../electron/db/import-evaluation'
import { fromWire, toWire } from '../../../electron/db/import-wire'
import { parseLedgerBook } from '../../../electron/db/ledger-book'
import { emptyImportSetup } from './helpers'

describe('an evaluated deal as the evaluation thread posts it', () => {
  it('comes back equal, key for key, for every kind of deal of a mixed book and for a refused row', () => {
    const parsed = parseLedgerBook(mixedBook(400))
    if (!parsed.ok) throw new Error('the mixed book did not parse')
    const deals: EvaluatedDeal[] = [
      ...evaluateForImport(parsed.parsed, emptyImportSetup),
      { index: 400, error: { field: 'deals[400].date', message: 'not a date' } },
    ]
    // Every shape the importer reads: drafts, deals that hold capacity and store a determination.
    expect(deals.some((d) => !d.error && d.claims?.length)).toBe(true)
    expect(deals.some((d) => !d.error && d.determination !== null)).toBe(true)
    for (const d of deals) {
      const back = fromWire(structuredClone(toWire(d)))
      // toStrictEqual: a key the summary gains but the wire forgets would be missing here.
      expect(back).toStrictEqual(d)
      expect(Object.keys(back)).toEqual(Object.keys(d))
    }
  })
})
