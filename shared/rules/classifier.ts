import { findCatalogueChip } from './catalogue'
import { CONFIDENCE_ORDER } from './types'
import type {
  CatalogueChip,
  ChipSpec,
  ClassificationThresholds,
  ClassifiedChip,
  Confidence,
  Eccn,
  EccnParagraph,
} from './types'

/** The 3A090 thresholds as plain numbers (the pack's `Cited` values without their sources). */
export interface NumericThresholds {
  a1MinTpp: number
  a2MinTpp: number
  a2MinPd: number
  b1MinTpp: number
  b1MaxTpp: number
  b1MinPd: number
  b1MaxPd: number
  b2MinTpp: number
  b2MinPd: number
  b2MaxPd: number
  h100Tpp: number
}

/**
 * The thresholds every shipped pack carries (ECCN 3A090 as restated after the Dec 2024 / Jan 2025 rules;
 * see the packs for citations). A test checks the packs agree with this constant.
 */
export const DEFAULT_THRESHOLDS: Readonly<NumericThresholds> = Object.freeze({
  a1MinTpp: 4800,
  a2MinTpp: 1600,
  a2MinPd: 5.92,
  b1MinTpp: 2400,
  b1MaxTpp: 4800,
  b1MinPd: 1.6,
  b1MaxPd: 5.92,
  b2MinTpp: 1600,
  b2MinPd: 3.2,
  b2MaxPd: 5.92,
  h100Tpp: 15832,
})

/** Strips the citations off a pack's classification thresholds. */
export function numericThresholds(t: ClassificationThresholds): NumericThresholds {
  return {
    a1MinTpp: t.a1MinTpp.value,
    a2MinTpp: t.a2MinTpp.value,
    a2MinPd: t.a2MinPd.value,
    b1MinTpp: t.b1MinTpp.value,
    b1MaxTpp: t.b1MaxTpp.value,
    b1MinPd: t.b1MinPd.value,
    b1MaxPd: t.b1MaxPd.value,
    b2MinTpp: t.b2MinTpp.value,
    b2MinPd: t.b2MinPd.value,
    b2MaxPd: t.b2MaxPd.value,
    h100Tpp: t.h100Tpp.value,
  }
}

/** Rounds away binary floating-point noise (e.g. 2614.9 × 8) without touching real fractions. */
function clean(n: number): number {
  return Math.round(n * 1e6) / 1e6
}

const isFiniteNonNegative = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0

/**
 * TPP of a spec: the given `tpp`, else the highest `tops × bitLength` over the precisions given
 * (TPP = 2 × MacTOPS × bit length, and 2 × MacTOPS is the datasheet TOPS/FLOPS figure; 88 FR 73458).
 * Null when nothing usable is given.
 */
export function tppOf(spec: ChipSpec): number | null {
  if (isFiniteNonNegative(spec.tpp)) return clean(spec.tpp)
  const candidates = [...(spec.precisions ?? [])]
  if (spec.tops !== undefined && spec.bitLength !== undefined)
    candidates.push({ tops: spec.tops, bitLength: spec.bitLength })
  let best: number | null = null
  for (const p of candidates) {
    if (!isFiniteNonNegative(p.tops) || !isFiniteNonNegative(p.bitLength)) continue
    const tpp = clean(p.tops * p.bitLength)
    if (best === null || tpp > best) best = tpp
  }
  return best
}

/** Whether the classification of a chip of this TPP turns on its performance density (and so its die area). */
function densityDecides(tpp: number, t: NumericThresholds): boolean {
  if (tpp >= t.a1MinTpp) return false
  return tpp >= t.a2MinTpp || (tpp >= t.b1MinTpp && tpp < t.b1MaxTpp) || tpp >= t.b2MinTpp
}

/**
 * The 3A090 paragraph for a TPP and performance density (PD may be null when the die area is unknown).
 * `undefined` means "cannot tell without PD".
 */
export function classifyTpp(
  tpp: number,
  pd: number | null,
  t: NumericThresholds = DEFAULT_THRESHOLDS,
): { eccn: Eccn; paragraph: EccnParagraph | null } | undefined {
  // 3A090.a.1: TPP alone decides.
  if (tpp >= t.a1MinTpp) return { eccn: '3A090.a', paragraph: 'a.1' }
  if (!densityDecides(tpp, t)) return { eccn: 'none', paragraph: null }
  if (pd === null) return undefined
  if (tpp >= t.a2MinTpp && pd >= t.a2MinPd) return { eccn: '3A090.a', paragraph: 'a.2' }
  if (tpp >= t.b1MinTpp && tpp < t.b1MaxTpp && pd >= t.b1MinPd && pd < t.b1MaxPd)
    return { eccn: '3A090.b', paragraph: 'b.1' }
  if (tpp >= t.b2MinTpp && pd >= t.b2MinPd && pd < t.b2MaxPd) return { eccn: '3A090.b', paragraph: 'b.2' }
  return { eccn: 'none', paragraph: null }
}

/**
 * Classifies a chip: TPP, performance density (TPP / applicable die area), 3A090 paragraph and
 * H100-equivalents (TPP / 15,832). Total: missing inputs give nulls and name what is missing.
 */
export function classifyChip(
  spec: ChipSpec | CatalogueChip,
  options: { thresholds?: NumericThresholds; datacenter?: boolean } = {},
): ClassifiedChip {
  const t = options.thresholds ?? DEFAULT_THRESHOLDS
  const catalogue = 'throughputSource' in spec ? (spec as CatalogueChip) : undefined
  const tpp = tppOf(spec)
  const dieArea = isFiniteNonNegative(spec.dieArea) && spec.dieArea > 0 ? spec.dieArea : null
  const pd = tpp !== null && dieArea !== null ? clean(tpp / dieArea) : null
  const missing: string[] = []
  let eccn: Eccn | null = null
  let paragraph: EccnParagraph | null = null
  if (tpp === null) {
    missing.push('tpp')
  } else {
    const result = classifyTpp(tpp, pd, t)
    if (result) ({ eccn, paragraph } = result)
    else missing.push('dieArea')
  }
  // Figures the user gives cite no source: unconfirmed. A catalogue chip is as good as its throughput
  // source and, where the density decides the paragraph, its die-area source (some are estimates).
  let confidence: Confidence = 'unconfirmed'
  let citation = 'figures given by the user'
  if (catalogue) {
    confidence = catalogue.throughputSource.confidence
    citation = catalogue.throughputSource.citation
    const die = catalogue.dieAreaSource
    if (
      die &&
      tpp !== null &&
      densityDecides(tpp, t) &&
      CONFIDENCE_ORDER.indexOf(die.confidence) > CONFIDENCE_ORDER.indexOf(confidence)
    ) {
      confidence = die.confidence
      citation = `${citation}; die area: ${die.citation}`
    }
  }
  return {
    name: spec.name,
    ...(catalogue ? { catalogueId: catalogue.id } : {}),
    tpp,
    performanceDensity: pd,
    eccn,
    paragraph,
    h100e: tpp === null ? null : clean(tpp / t.h100Tpp),
    dramBandwidth: isFiniteNonNegative(spec.dramBandwidth) ? spec.dramBandwidth : null,
    datacenter: options.datacenter ?? spec.datacenter ?? true,
    missing,
    confidence,
    citation,
  }
}

/**
 * Resolves a deal line's chip reference: a catalogue (or book) chip by id, name or alias, or an inline
 * spec. An inline spec naming a known chip without throughput takes that chip's figures and overrides
 * the fields it gives (e.g. adds `dramBandwidth`). Undefined when a name is unknown.
 */
export function resolveChip(
  ref: string | ChipSpec,
  bookChips?: ReadonlyMap<string, ChipSpec>,
): ChipSpec | CatalogueChip | undefined {
  const lookup = (name: string) => bookChips?.get(name.trim().toLowerCase()) ?? findCatalogueChip(name)
  if (typeof ref === 'string') return lookup(ref)
  const hasThroughput = ref.tpp !== undefined || ref.tops !== undefined || (ref.precisions?.length ?? 0) > 0
  if (hasThroughput) return ref
  const known = lookup(ref.id ?? ref.name)
  if (!known) return ref
  const merged = { ...known } as ChipSpec & Partial<CatalogueChip>
  if (ref.dieArea !== undefined) merged.dieArea = ref.dieArea
  if (ref.dramBandwidth !== undefined) merged.dramBandwidth = ref.dramBandwidth
  if (ref.datacenter !== undefined) merged.datacenter = ref.datacenter
  return merged
}

/** Index of a book's own chips by id and name (lower case), for `resolveChip`. */
export function indexBookChips(chips: readonly ChipSpec[] | undefined): Map<string, ChipSpec> {
  const map = new Map<string, ChipSpec>()
  for (const c of chips ?? []) {
    map.set(c.name.trim().toLowerCase(), c)
    if (c.id) map.set(c.id.trim().toLowerCase(), c)
  }
  return map
}
