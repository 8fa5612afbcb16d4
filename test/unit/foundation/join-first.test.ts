import { describe, expect, it } from 'vitest'
import { joinFirst } from '../../../shared/join-first'

describe('joinFirst: the first N, then how many more', () => {
  const more = (rest: number) => ` and ${rest} more`

  it('lists every item, with no tail, when there are no more than the limit', () => {
    expect(joinFirst([], 3, ', ', more)).toBe('')
    expect(joinFirst(['a'], 3, ', ', more)).toBe('a')
    expect(joinFirst(['a', 'b', 'c'], 3, ', ', more)).toBe('a, b, c')
  })

  it('lists the first N and counts the rest exactly', () => {
    expect(joinFirst(['a', 'b', 'c', 'd'], 3, ', ', more)).toBe('a, b, c and 1 more')
    expect(joinFirst(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 2, '; ', (n) => `; and ${n} more`)).toBe(
      'a; b; and 5 more',
    )
  })

  it('takes a tail that does not count (an ellipsis) and a separator that breaks lines', () => {
    expect(joinFirst(['a', 'b', 'c'], 2, ', ', () => ', …')).toBe('a, b, …')
    expect(joinFirst(['a', 'b', 'c'], 2, '\n  ', (n) => `\n  … and ${n} more`)).toBe('a\n  b\n  … and 1 more')
  })

  it('with a limit of 0 writes only the tail', () => {
    expect(joinFirst(['a', 'b'], 0, ', ', (n) => `${n} more`)).toBe('2 more')
  })

  it('writes only the items it shows', () => {
    const written: number[] = []
    const show = (n: number) => (written.push(n), `#${n}`)
    expect(joinFirst([1, 2, 3, 4], 2, ', ', (n) => ` and ${n} more`, show)).toBe('#1, #2 and 2 more')
    expect(written).toEqual([1, 2])
  })
})
