import type { ScenarioEdit } from './edits'

/** The scenario edits that set a TPP limit. */
export type LimitKind = Extract<ScenarioEdit['kind'], 'lpp_limit' | 'allocation_limit'>

/**
 * The largest limit a scenario may set: a thousand times today's country allocation, yet small
 * enough that headroom and running totals that add thousands of such figures stay exact integers
 * (2^53 / 1000 is about 9 × 10^12).
 */
export const LIMIT_TPP_MAX = 1_000_000_000_000

/** Each limit as the desk names it. */
const LIMIT_LABELS: Record<LimitKind, string> = {
  lpp_limit: 'LPP limit',
  allocation_limit: 'Country allocation',
}

/**
 * What a limit must be, naming the field: the form shows it before sending and the operation's
 * schema refuses with the same words, so both say the same thing.
 */
export function limitRule(kind: LimitKind): string {
  return `${LIMIT_LABELS[kind]}: a whole number of TPP from 1 to ${LIMIT_TPP_MAX.toLocaleString('en-US')}`
}

/** Whether a number is an acceptable limit (whole, at least 1, at most LIMIT_TPP_MAX). */
export function isLimitTpp(tpp: number): boolean {
  return Number.isSafeInteger(tpp) && tpp >= 1 && tpp <= LIMIT_TPP_MAX
}
