import { geographyOf } from './geography'
import type { RulePack } from './types'

/**
 * The TPP a country may receive under a pack's country allocation on a date: the limit for a tier-2
 * destination, raised by a government-to-government arrangement in force then; null where the pack
 * sets no allocation or the country is not in tier 2 on that date. The one reading of the allocation
 * for the Countries grid, the Headroom board under a scenario and the country statement.
 */
export function allocationFor(pack: RulePack, iso2: string, date: string): number | null {
  const cap = pack.caps.countryAllocation
  if (!cap) return null
  const geo = geographyOf(pack)
  if (geo.view(geo.canonical(iso2).code, date).tier !== 2) return null
  const arrangement = pack.countries.governmentArrangements.some((g) => g.country === iso2 && g.from <= date)
  return Math.round(cap.limitTpp.value * (arrangement ? 1 + cap.governmentIncrease.value : 1))
}
