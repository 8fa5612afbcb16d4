import { describe, expect, it } from 'vitest'
import type { CompareSide } from '../../../shared/domain/scenario'
import { DASH } from '../../../renderer/src/format'
import { allocationInWords, changeInWords } from '../../../renderer/src/screens/scenarios/compareWords'

const side = (over: Partial<CompareSide>): CompareSide => ({
  outcome: 'license_required',
  authorization: 'LICENSE',
  licenseRequired: true,
  reviewPolicy: 'presumption_of_approval',
  tier: 2,
  tightestRemaining: null,
  allocationRemaining: null,
  allocationCounted: false,
  ...over,
})

describe('what a comparison row says changes', () => {
  it('names each changed answer field with its value under A and B', () => {
    const left = side({ outcome: 'likely_denied', reviewPolicy: 'policy_of_denial' })
    const right = side({ tier: null })
    expect(changeInWords({ left, right, changed: ['outcome', 'reviewPolicy'] })).toBe(
      'Outcome: likely denied → licence required; Review policy: policy of denial → presumption of approval',
    )
    const nlr = side({ authorization: 'NLR', licenseRequired: false, reviewPolicy: null, outcome: 'allowed' })
    expect(
      changeInWords({
        left: side({}),
        right: nlr,
        changed: ['licenseRequired', 'authorization', 'reviewPolicy'],
      }),
    ).toBe(
      'Licence required: yes → no; Authorization: LICENSE → NLR; Review policy: presumption of approval → none',
    )
  })

  it('says a tier alone is the same answer', () => {
    expect(changeInWords({ left: side({}), right: side({ tier: null }), changed: [] })).toBe('Same answer')
  })

  it('gives the allocation left, over, or projected until licensed', () => {
    expect(allocationInWords(side({ allocationRemaining: 86_032_000, allocationCounted: true }))).toBe(
      '86,032,000',
    )
    expect(allocationInWords(side({ allocationRemaining: -345_968_000 }))).toBe(
      '345,968,000 over if licensed',
    )
    expect(allocationInWords(side({}))).toBe(DASH)
  })
})
