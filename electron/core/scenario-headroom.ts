import type { HeadroomRow } from '../../shared/domain/headroom'
import { allocationFor } from '../../shared/rules/allocation'
import { getPack } from '../../shared/rules/packs'
import type { RulePack } from '../../shared/rules/types'
import { headroomBuckets, type HeadroomFilter } from '../db/capacity'
import type { Ledger } from '../db/ledger'
import { allPacks } from '../db/scenarios'

/** The built-in pack a scenario is a copy of (through scenarios of scenarios). */
function rootOf(pack: RulePack, packs: readonly RulePack[]): RulePack {
  let root = pack
  for (let hops = 0; root.status === 'scenario' && root.basedOn && hops < packs.length; hops++) {
    const base = getPack(root.basedOn, packs)
    if (!base) break
    root = base
  }
  return root
}

/**
 * The pack whose recorded buckets a selection measures: a scenario's built-in base (nothing is
 * recorded under a scenario), any other pack itself.
 */
export function recordedUnder(db: Ledger, packId: string): string {
  const packs = allPacks(db)
  const pack = getPack(packId, packs)
  return pack && pack.status === 'scenario' ? rootOf(pack, packs).id : packId
}

/**
 * The headroom board's buckets under a pack selection. Buckets are recorded under the pack a deal
 * was evaluated with, so a scenario has none of its own: under a pinned scenario the board shows the
 * buckets of the pack it copies, measured against the scenario's limits (its country allocation, on
 * the date, for a country then in its tier 2; its LPP limit). That is the what-if an officer asks:
 * the same use against other rules, as the Countries grid already shows it. The limits are read on
 * `on` (the board's as-of date), else `asOf`, else today, so a dated edit reads as on the Countries
 * grid and the country statement for the same date.
 */
export function headroomUnder(
  db: Ledger,
  { on, ...filter }: HeadroomFilter & { on?: string },
  today: string,
): HeadroomRow[] {
  if (!filter.packId) return headroomBuckets(db, filter)
  const packs = allPacks(db)
  const pack = getPack(filter.packId, packs)
  if (!pack || pack.status !== 'scenario') return headroomBuckets(db, filter)
  // `on` reads the limits on the header's date without hiding the buckets of other periods.
  const date = on ?? filter.asOf ?? today
  const lpp = pack.caps.lpp?.limitTpp.value ?? null
  return headroomBuckets(db, { ...filter, packId: rootOf(pack, packs).id }, (kind, country) =>
    kind === 'country' && country ? allocationFor(pack, country, date) : kind === 'lpp' ? lpp : undefined,
  )
}
