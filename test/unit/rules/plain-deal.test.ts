import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateBook } from '../../../bench/rules'
import { dealSchema, validateDealBook } from '../../../shared/rules/book'
import { plainDeal } from '../../../shared/rules/plain-deal'

const KEYS = Object.keys(dealSchema.shape)

/**
 * `plainDeal` may only answer for deals `dealSchema` accepts, and must then give exactly what zod
 * gives (same values, same key order); for anything else it must step aside.
 */
function agreesWithZod(item: unknown): void {
  const fast = plainDeal(item, KEYS)
  if (fast === undefined) return
  const zod = dealSchema.safeParse(item)
  expect(zod.success, JSON.stringify(item)).toBe(true)
  if (!zod.success) return
  expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data))
  expect(fast).toStrictEqual(zod.data)
  expect(Object.keys(fast)).toEqual(Object.keys(zod.data))
}

const base = {
  id: 'D1',
  date: '2025-03-10',
  consignee: 'Acme Cloud',
  consigneeHq: 'IN',
  parentHq: null,
  destination: 'IN',
  site: ' Mumbai ',
  lines: [{ chip: 'H100', quantity: 1000 }],
  authorization: 'LPP',
  licensed: false,
  veu: { id: 'veu-1', kind: 'NVEU', hq: 'IN' },
  datacenter: true,
  certifications: ['us-supply-sufficient'],
  transaction: 'export',
}

/** Values that are valid, valid but not yet normalised, or invalid, for any field. */
const anyValue = fc.oneof(
  fc.constantFrom<unknown>(
    undefined,
    null,
    '',
    ' ',
    'in',
    ' IN',
    'IN',
    'ZZ',
    'HK',
    'MO',
    'H100',
    ' H100',
    'LPP',
    'lpp',
    'export',
    'UVEU',
    true,
    0,
    1,
    -1,
    1.5,
    2 ** 53,
    2 ** 40,
    Number.NaN,
    '2025-02-29',
    '2024-02-29',
    '1900-02-29',
    '2000-02-29',
    '2100-02-29',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '0999-01-01',
    '2025-1-01',
    '２０２５-01-01',
    [],
    ['x'],
    [' x'],
    [''],
    {},
    { id: 'v', kind: 'UVEU', hq: 'US' },
    { id: 'v', kind: 'UVEU', hq: 'us' },
    { id: 'v', kind: 'UVEU', hq: 'US', extra: 1 },
    { id: 'v', kind: 'XVEU', hq: 'US' },
    [{ chip: 'H100', quantity: 1 }],
    [{ chip: 'H100', quantity: 0 }],
    [{ chip: 'H100', quantity: 1, note: 'x' }],
    [{ chip: { name: 'X', tpp: 100 }, quantity: 1 }],
    [{ chip: ' H100 ', quantity: 2 }],
  ),
  fc.string(),
  fc.integer(),
  fc
    .date({ min: new Date(Date.UTC(1890, 0, 1)), max: new Date(Date.UTC(2210, 0, 1)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
)
const anyKey = fc.constantFrom(...Object.keys(base), 'status', 'name', 'Id', '__proto__', 'constructor')

describe('plainDeal (the zod-free path for deals)', () => {
  it('takes every deal of the bench book, as zod would give it', () => {
    const book = generateBook(3_000, 11)
    for (const d of book.deals) {
      expect(plainDeal(d, KEYS)).toBeDefined()
      agreesWithZod(d)
    }
  })

  it('agrees with zod on valid, unnormalised and invalid deals', () => {
    agreesWithZod(base)
    fc.assert(
      fc.property(fc.array(fc.tuple(anyKey, anyValue), { maxLength: 4 }), fc.boolean(), (edits, dropSome) => {
        const deal: Record<string, unknown> = { ...base }
        if (dropSome) for (const k of ['site', 'veu', 'parentHq', 'certifications']) delete deal[k]
        for (const [k, v] of edits) {
          if (k === '__proto__')
            Object.defineProperty(deal, k, { value: v, enumerable: true, configurable: true, writable: true })
          else deal[k] = v
        }
        agreesWithZod(deal)
      }),
      { numRuns: 3_000 },
    )
  })

  it('steps aside for a field the schema does not list', () => {
    expect(plainDeal(base, KEYS)).toBeDefined()
    expect(
      plainDeal(
        base,
        KEYS.filter((k) => k !== 'site'),
      ),
    ).toBeUndefined()
  })

  it('checks dates as z.iso.date does, leap years included', () => {
    for (let y = 1896; y <= 2204; y++) {
      for (const md of ['02-28', '02-29', '02-30', '04-30', '04-31', '12-31', '01-00']) {
        agreesWithZod({ ...base, date: `${y}-${md}` })
      }
    }
    expect(plainDeal({ ...base, date: '2000-02-29' }, KEYS)).toBeDefined()
    expect(plainDeal({ ...base, date: '2100-02-29' }, KEYS)).toBeUndefined()
  })

  it('leaves the book errors to zod: rows and fields are reported as before', () => {
    const r = validateDealBook({
      deals: [
        base,
        { ...base, id: 'D2', date: '2025-02-30' },
        { ...base, id: 'D3', lines: [{ chip: 'H100', quantity: 0 }] },
      ],
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'date'],
      [3, 'lines.0.quantity'],
    ])
  })
})
