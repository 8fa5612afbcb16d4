import { describe, expect, it } from 'vitest'
import { evaluate } from '../../../shared/rules/evaluator'
import { getPack } from '../../../shared/rules/packs'
import { describeBucket } from '../../../electron/db/capacity'
import {
  BUCKET_KIND_LABEL,
  bucketIds,
  bucketName,
  nameBucketsIn,
  parseBucketId,
  type BucketKind,
} from '../../../shared/rules/buckets'

/** One id of every kind, built by the engine's own builders, with its parts and its name. */
const EVERY_KIND: Array<[BucketKind, string, Partial<ReturnType<typeof parseBucketId>>, string]> = [
  ['country', bucketIds.country('IN'), { country: 'IN' }, 'Country allocation, India'],
  [
    'lpp',
    bucketIds.lpp(' Tanjong Analytics Sdn Bhd ', '2025'),
    { consignee: 'Tanjong Analytics Sdn Bhd', period: '2025' },
    'LPP 2025, Tanjong Analytics Sdn Bhd',
  ],
  [
    'nveu',
    bucketIds.nveu('NVEU-IN-0007', 'IN', '2025-Q2'),
    { veu: 'NVEU-IN-0007', country: 'IN', period: '2025-Q2' },
    'NVEU NVEU-IN-0007, India, 2025-Q2',
  ],
  [
    'uveu_country',
    bucketIds.uveuCountry('UVEU-US-0003', 'AE'),
    { veu: 'UVEU-US-0003', country: 'AE' },
    'UVEU UVEU-US-0003, share in United Arab Emirates',
  ],
  [
    'uveu_tier1',
    bucketIds.uveuTier1('UVEU-US-0003'),
    { veu: 'UVEU-US-0003' },
    'UVEU UVEU-US-0003, tier-1 share',
  ],
  ['uveu_us', bucketIds.uveuUs('UVEU-US-0003'), { veu: 'UVEU-US-0003' }, 'UVEU UVEU-US-0003, US share'],
  ['licence', bucketIds.licence('D900101'), { licence: 'D900101' }, 'Licence D900101'],
]

describe('bucket ids, their parts and their names', () => {
  it.each(EVERY_KIND)('reads a %s id (%s) back into its parts and names it', (kind, id, parts, name) => {
    expect(parseBucketId(id)).toMatchObject({ kind, ...parts })
    expect(bucketName(id)).toBe(name)
  })

  it('has a kind label for every kind', () => {
    expect(Object.keys(BUCKET_KIND_LABEL).sort()).toEqual(EVERY_KIND.map(([k]) => k).sort())
  })

  it.each([
    ['lpp:Odd: Name Ltd:2026', 'Odd: Name Ltd', 'LPP 2026, Odd: Name Ltd'],
    ['lpp:A:B:C:2025', 'A:B:C', 'LPP 2025, A:B:C'],
    ['lpp:Ends with colon::2025', 'Ends with colon:', 'LPP 2025, Ends with colon:'],
  ])('keeps a consignee name with colons whole: %s', (id, consignee, name) => {
    expect(parseBucketId(id)).toMatchObject({ kind: 'lpp', consignee, period: id.slice(-4) })
    expect(bucketName(id)).toBe(name)
  })

  it('names countries as the desk writes them (the shared country names)', () => {
    expect(bucketName('country:TW')).toBe('Country allocation, Taiwan')
    expect(bucketName('uveu:U-1:KR')).toBe('UVEU U-1, share in Korea, Republic of')
    // A code no country has is said as written rather than dropped.
    expect(bucketName('country:ZZ')).toBe('Country allocation, ZZ')
  })

  it.each([
    'something-else',
    'country:india',
    'country:IN:extra',
    'uveu:U-1:eu',
    'nveu:N-1:2025-Q1',
    'lpp:x',
    '',
  ])('leaves an id of no known shape as it is: %j', (id) => {
    expect(parseBucketId(id)).toBeNull()
    expect(bucketName(id)).toBe(id)
  })

  it("gives the ledger's stored label and identity columns from the same parts and name", () => {
    for (const [kind, id, parts, name] of EVERY_KIND) {
      const d = describeBucket(id, kind)
      expect(d.label).toBe(name)
      for (const key of ['country', 'consignee', 'veu', 'period'] as const)
        expect(d[key]).toBe((parts as Record<string, unknown>)[key] ?? null)
    }
    expect(describeBucket('lpp:Odd: Name Ltd:2026', 'lpp')).toEqual({
      label: 'LPP 2026, Odd: Name Ltd',
      country: null,
      consignee: 'Odd: Name Ltd',
      veu: null,
      period: '2026',
    })
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

  it('builds its pattern once per list of known ids, with the same results as building it afresh', () => {
    const cases: Array<[string, string[]]> = [
      ['lpp:Acme: East:2025 and lpp:acme east:2025', ['lpp:Acme: East:2025']],
      ['lpp:Acme: East:2025 and lpp:acme east:2025', []],
      ['uveu:U-1:IN and uveu:U-1:tier1, country:MY', ['uveu:U-1:IN', 'country:MY', 'uveu:U-1:IN']],
      ['nveu:N-1:MY:2025-Q3 at 90%', ['lpp:a\u0000b:2025']],
      ['lpp:a\u0000b:2025 and lpp:a:2025', ['lpp:a', 'b:2025']],
    ]
    const firstRound = cases.map(([text, known]) => nameBucketsIn(text, known))
    const Real = RegExp
    let built = 0
    globalThis.RegExp = new Proxy(Real, {
      construct: (target, args: [string, string]) => (built++, new target(...args)),
    })
    try {
      // Interleaved and repeated: a cached pattern never answers for another list.
      for (let round = 0; round < 3; round++)
        expect(cases.map(([text, known]) => nameBucketsIn(text, known))).toEqual(firstRound)
    } finally {
      globalThis.RegExp = Real
    }
    expect(built).toBe(0)
    // As every call built it before the cache (a pattern per call, known ids longest first).
    const afresh = (text: string, known: string[]) =>
      text.replace(
        new RegExp(
          [
            ...[...new Set(known)]
              .sort((a, b) => b.length - a.length)
              .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
            'country:[A-Z]{2}\\b',
            'lpp:[^:\\n]+?:\\d{4}\\b',
            'nveu:[^:\\s]+:[A-Z]{2}:\\d{4}-Q[1-4]\\b',
            'uveu:[^:\\s]+:(?:[A-Z]{2}|tier1|us)\\b',
          ].join('|'),
          'g',
        ),
        (id) => bucketName(id),
      )
    expect(firstRound).toEqual(cases.map(([text, known]) => afresh(text, known)))
    expect(firstRound[0]).toBe('LPP 2025, Acme: East and LPP 2025, acme east')
  })

  it('leaves a text without bucket ids alone', () => {
    expect(nameBucketsIn('Destination India (IN) is in tier 2.')).toBe('Destination India (IN) is in tier 2.')
  })
})

describe('the engine’s allocation step, put in words', () => {
  it('names the allocation once: the step starts with the bucket, as every cap step does', () => {
    const pack = getPack('us-ai-diffusion-2025')!
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
            lines: [{ chip: 'H100', quantity: 5000 }],
            authorization: 'LICENSE',
          },
        ],
      },
      pack,
    )
    const step = d!.steps.map((s) => s.text).find((t) => t.includes('country:IN'))
    expect(step).toMatch(/^country:IN: 0 to /)
    expect(nameBucketsIn(step!, ['country:IN'])).toMatch(
      /^Country allocation, India: 0 to [\d,]+ of 790,000,000 TPP/,
    )
  })
})
