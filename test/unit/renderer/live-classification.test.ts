import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { OpView } from '../../../renderer/src/api/opAnswer'
import { figuresText } from '../../../renderer/src/screens/chips/chipFigures'
import {
  LiveClassification,
  pendingNote,
  type ClassifyInput,
} from '../../../renderer/src/screens/chips/LiveClassification'
import type { ClassifiedChip } from '../../../shared/rules/types'

const asked = (tpp: number, dieArea?: number, packId?: string): ClassifyInput => ({
  chip: { name: 'Custom chip', tpp, ...(dieArea ? { dieArea } : {}), datacenter: true },
  ...(packId ? { packId } : {}),
})

const classified = (tpp: number, eccn: ClassifiedChip['eccn'], paragraph: ClassifiedChip['paragraph']) =>
  ({
    name: 'Custom chip',
    tpp,
    performanceDensity: tpp / 500,
    eccn,
    paragraph,
    h100e: tpp / 15_832,
    dramBandwidth: null,
    datacenter: true,
    missing: [],
    confidence: 'primary',
    citation: '15 CFR 774 Supp. 1, ECCN 3A090',
  }) as ClassifiedChip

// TPP 1,600 on 500 mm² is 3A090.b; 4,800 on the same die is 3A090.a.
const forB = classified(1600, '3A090.b', 'b.2')
const forA = classified(4800, '3A090.a', 'a.1')

const view = (v: Partial<OpView<ClassifiedChip, ClassifyInput>>): OpView<ClassifiedChip, ClassifyInput> => ({
  data: null,
  previous: null,
  error: null,
  errorCode: null,
  loading: false,
  ...v,
})

const render = (v: OpView<ClassifiedChip, ClassifyInput>, input: ClassifyInput | null) =>
  renderToStaticMarkup(createElement(LiveClassification, { view: v, input }))

/** The text of the element with `data-testid` (its tags dropped), or null when there is none. */
function byTestId(html: string, id: string): string | null {
  const m = new RegExp(`data-testid="${id}"[^>]*>(.*?)</(dd|p|div)>`).exec(html)
  return m ? m[1]!.replace(/<[^>]+>/g, '') : null
}

describe('the custom chip’s live classification', () => {
  it('shows the answer for the figures typed as the current classification', () => {
    const html = render(view({ data: forA }), asked(4800, 500))
    expect(byTestId(html, 'live-eccn')).toBe('3A090.a (a.1)')
    expect(byTestId(html, 'live-tpp')).toBe('4,800')
    expect(html).toContain('aria-busy="false"')
    expect(byTestId(html, 'live-classification-pending')).toBeNull()
    expect(html).not.toContain('previous-eccn')
  })

  it('while new figures are classified, shows the previous answer only dimmed and said to be for the previous figures', () => {
    // The officer changed TPP from 1,600 to 4,800: the panel went on showing 3A090.b as the
    // classification of the figures now typed until the next answer arrived.
    const html = render(
      view({ loading: true, previous: { data: forB, input: asked(1600, 500) } }),
      asked(4800, 500),
    )
    expect(byTestId(html, 'live-eccn')).toBeNull()
    expect(byTestId(html, 'live-tpp')).toBeNull()
    expect(html).toContain('aria-busy="true"')
    expect(byTestId(html, 'live-classification-pending')).toBe(
      'Classifying the figures now typed… The classification shown, dimmed, is for the previous figures (TPP 1,600, die area 500 mm²), not for these.',
    )
    expect(html).toMatch(/class="is-stale" data-testid="live-classification-previous"/)
    expect(byTestId(html, 'previous-eccn')).toBe('3A090.b (b.2)')
  })

  it('says "classifying" with nothing kept in view when there is no earlier answer', () => {
    const html = render(view({ loading: true }), asked(1600, 500))
    expect(byTestId(html, 'live-classification-pending')).toBe('Classifying the figures typed…')
    expect(html).not.toContain('eccn')
  })

  it('shows nothing, not the earlier answer, while a figure is invalid (nothing is asked)', () => {
    const html = render(view({}), null)
    expect(html).not.toContain('eccn')
    expect(byTestId(html, 'live-classification-pending')).toBeNull()
  })

  it('shows the refusal of the figures typed, without a classification', () => {
    const html = render(view({ error: 'No rule pack governs 1990-01-01' }), asked(1600, 500))
    expect(html).toContain('No rule pack governs 1990-01-01')
    expect(html).not.toContain('eccn')
  })
})

describe('the note over a classification kept in view', () => {
  it('says the figures it is for when the figures changed', () => {
    expect(pendingNote(asked(1600), asked(1600, 500))).toBe(
      'Classifying the figures now typed… The classification shown, dimmed, is for the previous figures (TPP 1,600), not for these.',
    )
  })
  it('says it is for the same figures under the earlier pack when only the pack changed', () => {
    expect(pendingNote(asked(1600, 500), asked(1600, 500, 'us-advanced-computing-2026'))).toBe(
      'Classifying again under pack us-advanced-computing-2026… The classification shown, dimmed, is for the same figures under the pack in force.',
    )
  })
  it('says it is the one read before when the same question is asked again (the desk’s data changed)', () => {
    expect(pendingNote(asked(1600, 500), asked(1600, 500))).toBe(
      'Classifying again… The classification shown, dimmed, is the one read before.',
    )
  })
})

describe('figuresText', () => {
  it('names the figures given in the forms’ words and order, as typed', () => {
    expect(figuresText({ dieArea: 812.5, tops: 1979, bitLength: 8 })).toBe(
      'dense TOPS 1,979, bit length 8, die area 812.5 mm²',
    )
    expect(figuresText({ tpp: 4800, dramBandwidth: 3350 }, false)).toBe(
      'TPP 4,800, DRAM bandwidth 3,350 GB/s, not for datacenters',
    )
    expect(figuresText({})).toBe('no figures')
  })
})
