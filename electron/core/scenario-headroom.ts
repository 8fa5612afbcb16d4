import type { HeadroomHistory, HeadroomRow } from '../../shared/domain/headroom'
import { allocationFor } from '../../shared/rules/allocation'
import { getPack } from '../../shared/rules/packs'
import type { RulePack } from '../../shared/rules/types'
import {
  headroomBuckets,
  headroomHistory,
  headroomOf,
  type HeadroomFilter,
  type LimitOverride,
} from '../db/capacity'
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
 * A scenario's limits on a date, for the kinds of bucket it measures again: its country allocation
 * (for a country then in its tier 2) and its LPP limit. Other kinds keep their recorded limits (the
 * scenario edits tiers, groups, the allocation and the LPP limit, not the VEU caps).
 */
function scenarioLimits(pack: RulePack, date: string): { limitFor: LimitOverride; replaces: ReplacedKind } {
  const lpp = pack.caps.lpp?.limitTpp.value ?? null
  const replaces: ReplacedKind = (kind, country) => (kind === 'country' && country !== null) || kind === 'lpp'
  return {
    replaces,
    limitFor: (kind, country) =>
      !replaces(kind, country) ? undefined : kind === 'country' ? allocationFor(pack, country!, date) : lpp,
  }
}
type ReplacedKind = (kind: HeadroomRow['kind'], country: string | null) => boolean

/** The pinned scenario a selection names, with the built-in pack its buckets are recorded under. */
function scenarioOf(db: Ledger, packId: string | undefined): { pack: RulePack; root: RulePack } | null {
  if (!packId) return null
  const packs = allPacks(db)
  const pack = getPack(packId, packs)
  return pack && pack.status === 'scenario' ? { pack, root: rootOf(pack, packs) } : null
}

/**
 * The headroom board's buckets under a pack selection. Buckets are recorded under the pack a deal
 * was evaluated with, so a scenario has none of its own: under a pinned scenario the board shows the
 * buckets of the pack it copies, measured against the scenario's limits (its country allocation, on
 * the date, for a country then in its tier 2; its LPP limit). That is the what-if an officer asks:
 * the same use against other rules, as the Countries grid already shows it. The limits are read on
 * `on` (the board's as-of date), else `asOf`, else today, so a dated edit reads as on the Countries
 * grid and the country statement for the same date. A row measured against the scenario's limit says
 * so (`limitPackId`), so a chart drawing that limit can name the scenario rather than the recorded pack.
 */
export function headroomUnder(
  db: Ledger,
  { on, ...filter }: HeadroomFilter & { on?: string },
  today: string,
): HeadroomRow[] {
  const scenario = scenarioOf(db, filter.packId)
  if (!scenario) return headroomBuckets(db, filter)
  // `on` reads the limits on the header's date without hiding the buckets of other periods.
  const { limitFor, replaces } = scenarioLimits(scenario.pack, on ?? filter.asOf ?? today)
  const rows = headroomBuckets(db, { ...filter, packId: scenario.root.id }, limitFor)
  for (const r of rows) if (replaces(r.kind, r.country)) r.limitPackId = scenario.pack.id
  return rows
}

/**
 * A bucket's history (`headroom.history`) under a pack selection. Under a pinned scenario a bucket of
 * the pack it copies is measured against the scenario's limit on `on`, as `headroomUnder` lists it,
 * so the allocation-over-time chart draws the limit the board's grid and cards show, and each point's
 * remaining is against it. A bucket recorded under another pack, or of a kind the scenario does not
 * measure again, keeps its recorded limit (and no `limitPackId`).
 */
export function headroomHistoryUnder(
  db: Ledger,
  { bucket, limit, packId, on }: { bucket: string; limit?: number; packId?: string; on?: string },
  today: string,
): HeadroomHistory {
  const history = headroomHistory(db, bucket, limit)
  const scenario = scenarioOf(db, packId)
  const head = history.bucket
  if (!scenario || head.packId !== scenario.root.id) return history
  const { limitFor, replaces } = scenarioLimits(scenario.pack, on ?? today)
  if (!replaces(head.kind, head.country)) return history
  // The row as the board lists it (a primary-key read), so remaining, % used and the alert level are
  // worked out by the ledger's own rule.
  const measured = headroomOf(db, bucket, limitFor)
  if (!measured) return history
  measured.limitPackId = scenario.pack.id
  const newLimit = measured.limit
  return {
    bucket: measured,
    points: history.points.map((p) => ({
      ...p,
      remaining: newLimit === null ? null : newLimit - measured.installedBase - p.committed - p.reserved,
    })),
  }
}
