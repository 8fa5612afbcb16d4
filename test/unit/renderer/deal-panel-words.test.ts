import { describe, expect, it } from 'vitest'
import { missingInWords, missingTextInWords } from '../../../renderer/src/screens/projects/missingWords'

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
