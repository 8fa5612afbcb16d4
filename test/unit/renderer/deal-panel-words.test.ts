import { describe, expect, it } from 'vitest'
import { bucketName, nameBucketsIn } from '../../../renderer/src/screens/headroom/bucketNames'
import { missingInWords, missingTextInWords } from '../../../renderer/src/screens/projects/missingWords'

describe('bucketName', () => {
  it.each([
    ['country:IN', 'Country allocation, India'],
    ['lpp:Tanjong Analytics Sdn Bhd:2025', 'LPP 2025, Tanjong Analytics Sdn Bhd'],
    ['lpp:Odd: Name Ltd:2026', 'LPP 2026, Odd: Name Ltd'],
    ['nveu:NVEU-IN-0007:IN:2025-Q2', 'NVEU NVEU-IN-0007, India, 2025-Q2'],
    ['uveu:UVEU-US-0003:IN', 'UVEU UVEU-US-0003, share in India'],
    ['uveu:UVEU-US-0003:tier1', 'UVEU UVEU-US-0003, tier-1 share'],
    ['uveu:UVEU-US-0003:us', 'UVEU UVEU-US-0003, US share'],
    ['licence:D900101', 'Licence D900101'],
    ['something-else', 'something-else'],
  ])('names %s as %j', (id, words) => {
    expect(bucketName(id)).toBe(words)
  })
})

describe('nameBucketsIn', () => {
  it("puts the engine's bucket ids in a warning in words", () => {
    expect(
      nameBucketsIn('uveu:UVEU-US-0003:IN: 12.9% would exceed the limit of 7.0%.', ['uveu:UVEU-US-0003:IN']),
    ).toBe('UVEU UVEU-US-0003, share in India: 12.9% would exceed the limit of 7.0%.')
    expect(nameBucketsIn('country:MY at 89.1% of its limit, at or above the 80% alert.')).toBe(
      'Country allocation, Malaysia at 89.1% of its limit, at or above the 80% alert.',
    )
  })

  it('names both spellings of an LPP consignee, the known one whole even with a colon in it', () => {
    expect(
      nameBucketsIn('lpp:Acme: East:2025 and lpp:acme east:2025 differ only in case or spacing', [
        'lpp:Acme: East:2025',
      ]),
    ).toBe('LPP 2025, Acme: East and LPP 2025, acme east differ only in case or spacing')
  })

  it('leaves a text without bucket ids alone', () => {
    expect(nameBucketsIn('Destination India (IN) is in tier 2.')).toBe('Destination India (IN) is in tier 2.')
  })
})

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
