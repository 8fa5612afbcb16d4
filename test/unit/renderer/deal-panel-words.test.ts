import { describe, expect, it } from 'vitest'
import {
  determinationInWords,
  missingInWords,
  missingTextInWords,
} from '../../../renderer/src/screens/projects/missingWords'
import { evaluate } from '../../../shared/rules/evaluator'
import { getPack } from '../../../shared/rules/packs'

describe('missingInWords', () => {
  it.each([
    ['destination', 'destination'],
    ['consignee', 'consignee'],
    ['consigneeHq', 'consignee headquarters'],
    [
      'parentHq (use null when the consignee has no parent)',
      'ultimate parent headquarters (or "No ultimate parent")',
    ],
    ['lines', 'at least one line'],
    ['date (YYYY-MM-DD)', 'planned ship date'],
    ['date (2026-02-30 is not a real day)', 'planned ship date (2026-02-30 is not a real day)'],
    ['lines[0].quantity', 'line 1: quantity'],
    [
      `lines[1].chip "X9" (not in the catalogue or the book's chips)`,
      `line 2: chip "X9" (not in the catalogue or the book's chips)`,
    ],
    ['lines[0].dieArea for "Custom"', 'line 1: die area for "Custom"'],
    ['lines[2].dramBandwidth for "H20"', 'line 3: DRAM bandwidth for "H20"'],
    [
      'installedBase for UVEU U-1 (its distribution cannot be checked without it)',
      'installed base for UVEU U-1 (its distribution cannot be checked without it)',
    ],
    [
      'a country allocation for 2028 (the pack sets one for 2025-2027 only)',
      'a country allocation for 2028 (the pack sets one for 2025-2027 only)',
    ],
  ])('says %j as %j', (item, words) => {
    expect(missingInWords(item)).toBe(words)
  })

  it("rewrites the engine's own list of what is missing in a warning or step", () => {
    const missing = ['destination', 'consigneeHq', 'parentHq (use null when the consignee has no parent)']
    expect(
      missingTextInWords(
        'Not determinable: missing destination; consigneeHq; parentHq (use null when the consignee has no parent).',
        missing,
      ),
    ).toBe(
      'Not determinable: missing destination; consignee headquarters; ultimate parent headquarters (or "No ultimate parent").',
    )
    expect(missingTextInWords('Destination India (IN) is in tier 2.', missing)).toBe(
      'Destination India (IN) is in tier 2.',
    )
  })
})

describe('determinationInWords', () => {
  it('puts the buckets of every step and warning in words, each named once', () => {
    // LPP over its annual limit: the LPP bucket in a step and in a warning, the allocation in a step.
    const [d] = evaluate(
      {
        deals: [
          {
            id: 'D1',
            date: '2025-03-01',
            consignee: 'Sahyadri AI Labs Pvt',
            consigneeHq: 'IN',
            parentHq: null,
            destination: 'IN',
            lines: [{ chip: 'H100', quantity: 1800 }],
            authorization: 'LPP',
          },
        ],
      },
      getPack('us-ai-diffusion-2025')!,
    )
    const words = determinationInWords(d!)
    expect(words.steps).toHaveLength(d!.steps.length)
    expect(words.warnings).toHaveLength(d!.warnings.length)
    const all = [...words.steps, ...words.warnings].join('\n')
    expect(all).toContain('LPP 2025, Sahyadri AI Labs Pvt')
    expect(all).toContain('Country allocation, India: ')
    expect(all).not.toMatch(/\b(?:country|lpp):/)
    expect(all).not.toMatch(/Country allocation Country allocation/)
  })
})
