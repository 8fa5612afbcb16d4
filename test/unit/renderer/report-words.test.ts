import { describe, expect, it } from 'vitest'
import {
  outcomeBasis,
  requestedAuthorizationLabel,
  transactionLabel,
} from '../../../renderer/src/reports/report-words'

describe('report words', () => {
  it("names the requested authorization and the transaction in the deal editor's words", () => {
    expect(requestedAuthorizationLabel('LICENSE')).toBe('Individual licence')
    expect(requestedAuthorizationLabel('LPP')).toBe('LPP')
    expect(requestedAuthorizationLabel(null)).toBe('Best available')
    expect(transactionLabel('export')).toBe('Export from the US')
    expect(transactionLabel('reexport')).toBe('Reexport')
    expect(transactionLabel('transfer')).toBe('In-country transfer')
    expect(transactionLabel(undefined)).toBe('Export from the US')
  })

  it("says the outcomes are under the report's pack when every deal was evaluated under it", () => {
    const rows = [{ packId: 'us-ai-diffusion-2025' }, { packId: 'us-ai-diffusion-2025' }]
    expect(outcomeBasis(rows, 'us-ai-diffusion-2025', 'Outcome and Auth.')).toEqual({
      column: 'Outcome',
      note: 'Outcome and Auth.: each deal evaluated under rule pack us-ai-diffusion-2025.',
    })
    expect(outcomeBasis([], 'us-advanced-computing-2026', 'Outcome').column).toBe('Outcome')
  })

  it('says plainly when outcomes are as last saved under other packs, with the count under each', () => {
    const rows = [
      { packId: 'us-ai-diffusion-2025' },
      { packId: 'us-advanced-computing-2026' },
      { packId: 'us-ai-diffusion-2025' },
      { packId: null },
    ]
    expect(outcomeBasis(rows, 'us-advanced-computing-2026', 'Outcome and Auth.')).toEqual({
      column: 'Outcome as saved',
      note:
        'Outcome and Auth.: as last saved, each deal under the pack recorded with it ' +
        '(us-advanced-computing-2026: 1 deal; us-ai-diffusion-2025: 2 deals; not evaluated: 1 deal), ' +
        'not re-evaluated under us-advanced-computing-2026; a report printed under a pinned pack ' +
        're-evaluates every deal under that pack.',
    })
  })
})
