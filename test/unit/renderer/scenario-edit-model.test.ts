import { describe, expect, it } from 'vitest'
import {
  blankEdit,
  draftProblem,
  toEdit,
  typedTpp,
  type EditDraft,
} from '../../../renderer/src/screens/scenarios/editModel'

const draft = (patch: Partial<EditDraft>): EditDraft => ({ ...blankEdit(1, '2026-11-26'), ...patch })

describe('a scenario edit’s typed figure', () => {
  it('reads digits grouped with commas, spaces or underscores', () => {
    expect(typedTpp('400,000,000')).toBe(400_000_000)
    expect(typedTpp(' 13 450 000 ')).toBe(13_450_000)
    expect(typedTpp('1_000')).toBe(1000)
  })

  it('reads anything else as no number', () => {
    for (const typed of ['', 'abc', '-5', '1.5', '1e6', '0x10', '12abc', '1,5', '15,0000', '4_00_000'])
      expect(typedTpp(typed), typed).toBeNaN()
  })

  it('accepts 400,000,000 with commas and sends it as a number', () => {
    const d = draft({ kind: 'allocation_limit', tpp: '400,000,000' })
    expect(draftProblem(d, 0)).toBeNull()
    expect(toEdit(d)).toEqual({ kind: 'allocation_limit', tpp: 400_000_000 })
  })

  it('names the edit and the field, in the desk’s words, for a bad figure', () => {
    const lpp = 'Edit 1 — LPP limit: a whole number of TPP from 1 to 1,000,000,000,000.'
    for (const tpp of ['', 'abc', '-5', '0', '1.5', '99999999999999999999999', '9,007,199,254,740,991'])
      expect(draftProblem(draft({ tpp }), 0), tpp).toBe(lpp)
    expect(draftProblem(draft({ kind: 'allocation_limit', tpp: '1,000,000,000,001' }), 2)).toBe(
      'Edit 3 — Country allocation: a whole number of TPP from 1 to 1,000,000,000,000.',
    )
    expect(draftProblem(draft({ tpp: '1,000,000,000,000' }), 0)).toBeNull()
  })

  it('leaves edits without a figure to the core', () => {
    expect(draftProblem(draft({ kind: 'move_tier', country: 'IN' }), 0)).toBeNull()
  })
})
