import { describe, expect, it } from 'vitest'
import { capStanding } from '../../../shared/rules/cap-standing'
import { parseDealBook } from '../../../shared/rules/book'
import { evaluate } from '../../../shared/rules/evaluator'
import { getPack } from '../../../shared/rules/packs'

/** Two deals of the diffusion golden book: Indonesia's allocation reached, then a licence sought past it. */
const book = parseDealBook(
  JSON.stringify({
    deals: [
      {
        id: 'alloc-1-reach',
        date: '2025-04-01',
        consignee: 'Jakarta Cloud',
        consigneeHq: 'ID',
        parentHq: null,
        destination: 'ID',
        lines: [{ chip: { name: 'Unit-1M', tpp: 1000000 }, quantity: 790 }],
        licensed: true,
      },
      {
        id: 'alloc-2-pass',
        date: '2025-04-02',
        consignee: 'Jakarta Cloud Two',
        consigneeHq: 'ID',
        parentHq: null,
        destination: 'ID',
        lines: [{ chip: { name: 'Unit-1M', tpp: 1000000 }, quantity: 1 }],
        authorization: 'LICENSE',
      },
    ],
  }),
  'json',
)

describe('capStanding', () => {
  it('counts a cap the route draws on now', () => {
    expect(capStanding({ counted: true, kind: 'lpp' }, 'LPP')).toBe('counted')
    expect(capStanding({ counted: true, kind: 'country' }, 'LICENSE')).toBe('counted')
  })

  it('takes the country allocation on the licence route as the deal’s own cap, projected', () => {
    expect(capStanding({ counted: false, kind: 'country' }, 'LICENSE')).toBe('projected')
  })

  it('shows for contrast a cap the route does not draw on', () => {
    expect(capStanding({ counted: false, kind: 'lpp' }, 'LICENSE')).toBe('contrast')
    expect(capStanding({ counted: false, kind: 'uveu_country' }, 'LICENSE')).toBe('contrast')
    expect(capStanding({ counted: false, kind: 'country' }, 'LPP')).toBe('contrast')
    expect(capStanding({ counted: false, kind: 'country' }, null)).toBe('contrast')
  })

  it('agrees with the engine: a denied licence deal past the allocation breaches its own cap', () => {
    if (!book.ok) throw new Error(JSON.stringify(book.errors))
    const [reach, pass] = evaluate(book.book, getPack('us-ai-diffusion-2025')!)
    // A licence already granted counts against the allocation.
    expect(reach!.caps.map((c) => [c.kind, capStanding(c, reach!.authorization)])).toEqual([
      ['country', 'counted'],
    ])
    // A licence sought past the allocation: the engine keeps the cap uncounted (not yet granted), yet
    // the breach is this deal's own.
    expect(pass!.authorization).toBe('LICENSE')
    expect(pass!.outcome).toBe('likely_denied')
    const country = pass!.caps.find((c) => c.kind === 'country')!
    expect(country).toMatchObject({ counted: false, exceeded: true })
    expect(capStanding(country, pass!.authorization)).toBe('projected')
  })
})
