import { describe, expect, it } from 'vitest'
import { questionOf, viewOf, type Settled } from '../../../renderer/src/api/opAnswer'

type Answer = Settled<string[], { packId?: string }>

const allPacks = questionOf('headroom.buckets', {}, '0.0')!
const answered: Answer = {
  question: allPacks,
  input: {},
  data: ['country:MY'],
  error: null,
  errorCode: null,
}

describe("what a read operation's hook shows", () => {
  it('shows an answer as current only for the question it answers', () => {
    expect(viewOf(answered, allPacks)).toEqual({
      data: ['country:MY'],
      previous: null,
      error: null,
      errorCode: null,
      loading: false,
    })
  })

  it('after the input changes, offers the earlier answer only as the previous one, with its input', () => {
    // The hook went on returning the answer for all packs as `data` while the pinned pack's was read.
    const pinned = questionOf('headroom.buckets', { packId: 'us-advanced-computing-2026' }, '0.0')
    expect(viewOf(answered, pinned)).toEqual({
      data: null,
      previous: { data: ['country:MY'], input: {} },
      error: null,
      errorCode: null,
      loading: true,
    })
  })

  it('asks again, and shows the answer as previous, when the ledger changed or on a reload', () => {
    for (const version of ['1.0', '0.1']) {
      const again = questionOf('headroom.buckets', {}, version)
      expect(again).not.toBe(allPacks)
      expect(viewOf(answered, again)).toMatchObject({ data: null, previous: { input: {} }, loading: true })
    }
  })

  it('keeps no previous answer behind a refusal, and clears the refusal once another question is asked', () => {
    const refused: Answer = {
      ...answered,
      data: null,
      error: 'The ledger could not be read',
      errorCode: 'internal',
    }
    expect(viewOf(refused, allPacks)).toMatchObject({ data: null, error: 'The ledger could not be read' })
    expect(viewOf(refused, questionOf('headroom.buckets', {}, '1.0'))).toEqual({
      data: null,
      previous: null,
      error: null,
      errorCode: null,
      loading: true,
    })
  })

  it('asks nothing without an input, and is then not loading', () => {
    expect(questionOf('chips.list', null, '0.0')).toBeNull()
    expect(viewOf(null, null)).toEqual({
      data: null,
      previous: null,
      error: null,
      errorCode: null,
      loading: false,
    })
    expect(viewOf(answered, null)).toMatchObject({ data: null, previous: null, loading: false })
  })
})
