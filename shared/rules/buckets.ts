import { nameOf } from './geography'
import type { CapKind, Iso2 } from './types'

/**
 * Capacity buckets: the ids the rule engine and the ledger keep, read back into their parts, and put in
 * words for people. The one place a bucket id is built, parsed or named, so the deal panel, the
 * headroom board, the reports and the ledger's stored label all say the same thing.
 *
 * Ids: `country:<ISO>`, `lpp:<consignee>:<YYYY>`, `nveu:<veu>:<ISO>:<YYYY>-Q<n>`, `uveu:<veu>:<ISO>`,
 * `uveu:<veu>:tier1`, `uveu:<veu>:us`, and the ledger's `licence:<number>`. A consignee name may itself
 * hold colons, so parts are read from both ends.
 */

/** A ledger bucket: one of the engine's caps, or a licence the ledger draws down. */
export type BucketKind = CapKind | 'licence'

/** `lpp:<consignee>:<YYYY>` etc. Consignee names are trimmed, nothing else. */
export const bucketIds = {
  country: (iso: Iso2) => `country:${iso}`,
  lpp: (consignee: string, year: string) => `lpp:${consignee.trim()}:${year}`,
  nveu: (veu: string, iso: Iso2, quarter: string) => `nveu:${veu}:${iso}:${quarter}`,
  uveuCountry: (veu: string, iso: Iso2) => `uveu:${veu}:${iso}`,
  uveuTier1: (veu: string) => `uveu:${veu}:tier1`,
  uveuUs: (veu: string) => `uveu:${veu}:us`,
  licence: (number: string) => `licence:${number}`,
}

/** A bucket id read back: its kind and the identity the ledger indexes it by. */
export interface BucketParts {
  kind: BucketKind
  country: Iso2 | null
  consignee: string | null
  veu: string | null
  /** `2025` (LPP year) or `2025-Q3` (NVEU quarter); null for buckets without a period. */
  period: string | null
  /** The licence number of a licence bucket. */
  licence: string | null
}

const ISO2 = /^[A-Z]{2}$/

/** The parts of a bucket id, or null for an id of no known shape. */
export function parseBucketId(id: string): BucketParts | null {
  const parts = id.split(':')
  const head = parts[0]
  const last = parts.at(-1)!
  // Literals with every field, not spreads of a blank: a spread is a run of property additions, and
  // the headroom listing reads 2,000 ids a call.
  if (head === 'country' && parts.length === 2 && ISO2.test(last))
    return bucketParts('country', last, null, null, null, null)
  // The period is taken as written: the ledger keeps whatever an older book or pack wrote there.
  if (head === 'lpp' && parts.length >= 3)
    return bucketParts('lpp', null, parts.slice(1, -1).join(':'), null, last, null)
  if (head === 'nveu' && parts.length >= 4 && ISO2.test(parts.at(-2)!))
    return bucketParts('nveu', parts.at(-2)!, null, parts.slice(1, -2).join(':'), last, null)
  if (head === 'uveu' && parts.length >= 3) {
    const veu = parts.slice(1, -1).join(':')
    if (last === 'tier1') return bucketParts('uveu_tier1', null, null, veu, null, null)
    if (last === 'us') return bucketParts('uveu_us', null, null, veu, null, null)
    if (ISO2.test(last)) return bucketParts('uveu_country', last, null, veu, null, null)
  }
  if (head === 'licence' && parts.length >= 2)
    return bucketParts('licence', null, null, null, null, parts.slice(1).join(':'))
  return null
}

function bucketParts(
  kind: BucketKind,
  country: Iso2 | null,
  consignee: string | null,
  veu: string | null,
  period: string | null,
  licence: string | null,
): BucketParts {
  return { kind, country, consignee, veu, period, licence }
}

/** Each kind of bucket in words (the headroom board's Kind column and its filter). */
export const BUCKET_KIND_LABEL: Record<BucketKind, string> = {
  country: 'Country allocation',
  lpp: 'LPP (consignee, year)',
  nveu: 'NVEU country-quarter',
  uveu_country: 'UVEU in a country',
  uveu_tier1: 'UVEU tier-1 share',
  uveu_us: 'UVEU US share',
  licence: 'Licence',
}

/** One bucket id in words; an id of no known shape is returned as it is. */
export function bucketName(id: string): string {
  // Remembered: the headroom listing names every bucket of the ledger on every call (2,000 in the
  // bench, within its 10 ms), and the ids repeat from call to call. Bounded, as ids come from books.
  let name = NAMES.get(id)
  if (name === undefined) {
    if (NAMES.size >= MAX_NAMES) NAMES.clear()
    NAMES.set(id, (name = nameBucket(id)))
  }
  return name
}
const NAMES = new Map<string, string>()
const MAX_NAMES = 50_000

function nameBucket(id: string): string {
  const b = parseBucketId(id)
  if (!b) return id
  switch (b.kind) {
    case 'country':
      return `Country allocation, ${nameOf(b.country!)}`
    case 'lpp':
      return `LPP ${b.period}, ${b.consignee}`
    case 'nveu':
      return `NVEU ${b.veu}, ${nameOf(b.country!)}, ${b.period}`
    case 'uveu_country':
      return `UVEU ${b.veu}, share in ${nameOf(b.country!)}`
    case 'uveu_tier1':
      return `UVEU ${b.veu}, tier-1 share`
    case 'uveu_us':
      return `UVEU ${b.veu}, US share`
    case 'licence':
      return `Licence ${b.licence}`
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Bucket ids of the engine's shapes, as they appear inside its messages. */
const ID_SHAPES = [
  'country:[A-Z]{2}\\b',
  'lpp:[^:\\n]+?:\\d{4}\\b',
  'nveu:[^:\\s]+:[A-Z]{2}:\\d{4}-Q[1-4]\\b',
  'uveu:[^:\\s]+:(?:[A-Z]{2}|tier1|us)\\b',
]

/**
 * An engine message (a warning or a step) with every bucket id in it put in words. `known` are ids the
 * message may hold exactly (the determination's caps and the warning's own bucket), matched first so a
 * consignee name with a colon is still read whole; other ids are found by their shape.
 */
export function nameBucketsIn(text: string, known: readonly string[] = []): string {
  return text.replace(bucketPattern(known), (id) => bucketName(id))
}

/**
 * The pattern for a list of known ids, built once per list: a screen names every warning and step of
 * a determination with the same list. `replace` resets a global pattern's `lastIndex`, so one is safe
 * to reuse. Bounded, as the lists come from whatever determinations are shown.
 */
const patterns = new Map<string, RegExp>()
const MAX_PATTERNS = 256

function bucketPattern(known: readonly string[]): RegExp {
  // JSON keeps the ids apart whatever characters a consignee's name holds.
  const key = JSON.stringify(known)
  let pattern = patterns.get(key)
  if (!pattern) {
    const exact = [...new Set(known)].sort((a, b) => b.length - a.length).map(escape)
    pattern = new RegExp([...exact, ...ID_SHAPES].join('|'), 'g')
    if (patterns.size >= MAX_PATTERNS) patterns.clear()
    patterns.set(key, pattern)
  }
  return pattern
}
