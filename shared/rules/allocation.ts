import { geographyOf } from './geography'
import type { GovernmentArrangement, RulePack } from './types'

/**
 * A destination's country allocation under a pack on a date, as the engine counts it: the limit,
 * raised by a government-to-government arrangement in force then (returned for its citation);
 * undefined where the pack sets no allocation or the date is outside its period. `code` is the
 * destination's canonical code. Tier is the caller's test: the engine reaches it only for tier-2
 * destinations.
 */
export function allocationLimit(
  pack: RulePack,
  code: string,
  date: string,
): { limit: number; arrangement: GovernmentArrangement | undefined } | undefined {
  const cap = pack.caps.countryAllocation
  if (!cap) return undefined
  const period = cap.period.value
  if (date < period.from || date > period.to) return undefined
  // A loop, not `find` with a closure over code and date: this runs for every licence to a tier-2
  // destination.
  const arrangements = pack.countries.governmentArrangements
  let arrangement: GovernmentArrangement | undefined
  for (let i = 0; i < arrangements.length && !arrangement; i++) {
    const g = arrangements[i]!
    if (g.country === code && g.from <= date) arrangement = g
  }
  return { limit: cap.limitTpp.value * (arrangement ? 1 + cap.governmentIncrease.value : 1), arrangement }
}

/**
 * The TPP a country may receive under a pack's country allocation on a date (`allocationLimit`), or
 * null where none applies: no allocation, outside its period, or not in tier 2 on that date. The one
 * reading for the Countries grid, the Headroom board under a scenario and the country statement.
 */
export function allocationFor(pack: RulePack, iso2: string, date: string): number | null {
  const geo = geographyOf(pack)
  const code = geo.canonical(iso2).code
  if (geo.view(code, date).tier !== 2) return null
  return allocationLimit(pack, code, date)?.limit ?? null
}
