import { countryName } from '../../../../shared/countries'

/**
 * Capacity buckets in words for officers. The rule engine and the ledger name buckets by id
 * (`country:IN`, `lpp:<consignee>:2025`, `nveu:<veu>:IN:2025-Q3`, `uveu:<veu>:IN`, `uveu:<veu>:tier1`,
 * `uveu:<veu>:us`, `licence:<number>`); those ids stay in the determination JSON and the ledger, and
 * only what the screens show is put in words here.
 */

const place = (iso2: string) => countryName(iso2) ?? iso2
const ISO2 = /^[A-Z]{2}$/

/** One bucket id in words; an id of no known shape is returned as it is. */
export function bucketName(bucket: string): string {
  const parts = bucket.split(':')
  const kind = parts[0]
  if (kind === 'country' && parts.length === 2 && ISO2.test(parts[1]!))
    return `Country allocation, ${place(parts[1]!)}`
  // The consignee name may itself hold colons: the year is the last part.
  if (kind === 'lpp' && parts.length >= 3) return `LPP ${parts.at(-1)}, ${parts.slice(1, -1).join(':')}`
  if (kind === 'nveu' && parts.length >= 4 && ISO2.test(parts.at(-2)!))
    return `NVEU ${parts.slice(1, -2).join(':')}, ${place(parts.at(-2)!)}, ${parts.at(-1)}`
  if (kind === 'uveu' && parts.length >= 3) {
    const veu = parts.slice(1, -1).join(':')
    const last = parts.at(-1)!
    if (last === 'tier1') return `UVEU ${veu}, tier-1 share`
    if (last === 'us') return `UVEU ${veu}, US share`
    if (ISO2.test(last)) return `UVEU ${veu}, share in ${place(last)}`
  }
  if (kind === 'licence' && parts.length >= 2) return `Licence ${parts.slice(1).join(':')}`
  return bucket
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
  const exact = [...new Set(known)].sort((a, b) => b.length - a.length).map(escape)
  const pattern = new RegExp([...exact, ...ID_SHAPES].join('|'), 'g')
  return text.replace(pattern, (id) => bucketName(id))
}
