/**
 * Number and date formatting for people. Formatters are created once: `Intl.NumberFormat` is costly
 * to build and grids call these for every cell.
 */
import { formatWhole } from '../../shared/format-whole'

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 })

export const DASH = '–'

/** TPP with thousands separators (26,900,000). */
export const formatTpp = (tpp: number | null | undefined): string => (tpp == null ? DASH : formatWhole(tpp))

/** TPP in short form for tight cells and charts (26.9M). */
export const formatTppCompact = (tpp: number | null | undefined): string =>
  tpp == null ? DASH : compact.format(tpp)

/** H100-equivalents with one decimal (1,699.1 H100e). */
export const formatH100e = (h: number | null | undefined): string => (h == null ? DASH : oneDecimal.format(h))

/** A 0-1 fraction as a percentage (0.734 → 73.4%). */
export const formatShare = (fraction: number | null | undefined): string =>
  fraction == null ? DASH : `${oneDecimal.format(fraction * 100)}%`

/** A 0-100 value as a percentage. */
export const formatPct = (pct: number | null | undefined): string =>
  pct == null ? DASH : `${oneDecimal.format(pct)}%`

export const formatDecimal = (n: number | null | undefined): string =>
  n == null ? DASH : twoDecimals.format(n)

export const formatInt = (n: number | null | undefined): string => (n == null ? DASH : integer.format(n))

/** A count with its noun, singular for exactly one: `1 deal`, `1,204 deals`. */
export const formatCount = (n: number, one: string, many = `${one}s`): string =>
  `${integer.format(n)} ${n === 1 ? one : many}`

/** ISO date or timestamp → `2026-11-26` / `2026-11-26 14:05` (UTC shown as such: records are kept in UTC). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return DASH
  if (iso.length <= 10) return iso
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`
}

/** Threshold alert level of a use percentage (0-100): the desk's 80/90/95/100 ladder. */
export function alertLevel(pct: number | null | undefined): 'none' | 'watch' | 'warn' | 'high' | 'over' {
  if (pct == null) return 'none'
  if (pct >= 100) return 'over'
  if (pct >= 95) return 'high'
  if (pct >= 90) return 'warn'
  if (pct >= 80) return 'watch'
  return 'none'
}

export const SENTENCE: Record<string, string> = {
  presumption_of_approval: 'Presumption of approval',
  case_by_case: 'Case by case',
  presumption_of_denial: 'Presumption of denial',
  policy_of_denial: 'Policy of denial',
  allowed: 'Allowed',
  allowed_with_notice: 'Allowed after notice',
  license_required: 'Licence required',
  likely_denied: 'Likely denied',
  not_determinable: 'Not determinable',
}

export const humanize = (code: string | null | undefined): string =>
  code == null ? DASH : (SENTENCE[code] ?? code)

/** A label as it starts a sentence or names an input ("die area" → "Die area"; "TPP" stays). */
export const capitalised = (label: string): string => `${label.charAt(0).toUpperCase()}${label.slice(1)}`
