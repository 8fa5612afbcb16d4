import { lifecyclePackRefusal } from '../../shared/domain/lifecycle-pack'
import { AppError } from '../../shared/ipc/result'
import { indexBookChips } from '../../shared/rules/classifier'
import {
  bucketsForDeal,
  createEvaluationState,
  evaluateDeal,
  type DealContext,
} from '../../shared/rules/evaluator'
import { getPack, loadPacks } from '../../shared/rules/packs'
import { governingPack } from '../../shared/rules/timeline'
import type { CapEffect, Deal, Determination, Party, RulePack } from '../../shared/rules/types'
import { openingBalances, roundTpp, type VeuSnapshot } from './capacity'
import { allPacks } from './scenarios'
import { deskChipSpecs } from './chips'
import type { Ledger } from './ledger'
import { enginePartyByName } from './parties'

/**
 * The ledger's side of the rule engine: picks the pack, feeds the engine the ledger's current
 * balances and the desk's parties and chips, and turns a determination into capacity amounts.
 */

export { packHash } from './pack-hash'

/** The pinned pack, or the one the timeline says governs the deal's date. */
export function packFor(date: string, packId?: string, packs: readonly RulePack[] = loadPacks()): RulePack {
  if (packId && packId !== 'auto') {
    const pack = getPack(packId, packs)
    if (!pack)
      throw new AppError('not_found', `No rule pack with id "${packId}".`, [
        { path: 'packId', message: 'unknown pack' },
      ])
    return pack
  }
  const pack = governingPack(date, loadPacks())
  if (!pack) {
    throw new AppError(
      'invalid_input',
      `No rule pack governs ${date}; pin a pack to evaluate a deal on that date.`,
      [{ path: 'plannedDate', message: 'no governing pack' }],
    )
  }
  return pack
}

/**
 * The pack a lifecycle step (submit, approve, licence) records its determination and capacity under:
 * the one in force on the deal's date. A pinned pack is a way of looking: a step taken under another
 * pack than the law's for that date, or under a what-if scenario, would put a determination nobody can
 * rely on into the record and move real headroom by made-up limits, so it is refused, naming the pack
 * to use. Only on a date no pack governs may a pinned (shipped) pack stand in, as for evaluation.
 * Returns the pack id to evaluate with (undefined: the timeline's).
 */
export function lifecyclePackId(
  deal: Pick<Deal, 'id' | 'date'>,
  step: string,
  packId: string | undefined,
): string | undefined {
  if (!packId || packId === 'auto') return undefined
  const governing = governingPack(deal.date, loadPacks())
  const refusal = lifecyclePackRefusal(packId, governing?.id)
  if (refusal === 'scenario')
    throw new AppError(
      'invalid_input',
      `Deal ${deal.id} cannot be ${step} under the what-if scenario "${packId}": a lifecycle step is recorded, and moves headroom, under the rules in force${governing ? ` on ${deal.date} (${governing.id})` : ''}. Set the header's rule pack to Auto and review the determination first.`,
      [{ path: 'packId', message: 'a scenario cannot record a lifecycle step' }],
    )
  if (refusal === 'not_in_force')
    throw new AppError(
      'invalid_input',
      `Deal ${deal.id} is planned for ${deal.date}, when ${governing!.id} is in force, but the header pins ${packId}. A lifecycle step is recorded under the pack in force: set the header's rule pack to Auto and review the determination first.`,
      [{ path: 'packId', message: `not the pack in force on ${deal.date}` }],
    )
  return packId
}

/** Lookups for one deal: the consignee's party record and the desk's own chips. */
export function dealContextFor(db: Ledger, deal: Deal): DealContext {
  const parties = new Map<string, Party>()
  const party = enginePartyByName(db, deal.consignee)
  if (party) parties.set(party.name.trim().toLowerCase(), party)
  return { chips: indexBookChips(deskChipSpecs(db)), parties }
}

/**
 * Evaluates one deal against the ledger as it stands, leaving out the deal's own entries (so a deal
 * in review is not counted against itself). Writes nothing.
 */
export function evaluateAgainstLedger(
  db: Ledger,
  deal: Deal,
  options: {
    packId?: string
    excludeProject?: string
    ctx?: DealContext
    /** The packs to resolve `packId` in, when the caller has them (a run over many deals). */
    packs?: readonly RulePack[]
    /** The VEU rows, when the caller read them for a run that writes no capacity (`veuSnapshot`). */
    veu?: VeuSnapshot
  } = {},
): { determination: Determination; pack: RulePack } {
  // Scenarios live in the ledger; read them only when one is pinned (their ids start with `scn-`).
  const pack = packFor(
    deal.date,
    options.packId,
    options.packs ?? (options.packId?.startsWith('scn-') ? allPacks(db) : undefined),
  )
  const ctx = options.ctx ?? dealContextFor(db, deal)
  const buckets = bucketsForDeal(deal, pack, ctx).map((b) => b.bucket)
  const opening = openingBalances(db, { excludeProject: options.excludeProject, buckets, veu: options.veu })
  const state = createEvaluationState(pack, opening)
  return { determination: evaluateDeal(state, deal, { ...ctx, dryRun: true }), pack }
}

/** A capacity claim of a deal on one bucket, in whole TPP. */
export interface Claim {
  bucket: string
  kind: CapEffect['kind']
  tpp: number
  limit: number | null
}

/**
 * The buckets a determination consumes and how much: the counted TPP caps (the route the deal takes),
 * each the engine's before → after step rounded to whole TPP (see `roundTpp`). A UVEU deal has no TPP
 * cap of its own (its limits are shares), so its TPP is recorded against `uveu:<veu>:<country>` with no
 * limit: that is the ledger's record of the UVEU's deployed base.
 */
export function claimsOf(d: Determination, veuId?: string): Claim[] {
  const claims: Claim[] = []
  for (const c of d.caps) {
    if (!c.counted || c.unit !== 'tpp') continue
    const tpp = roundTpp(c.after - c.before)
    if (tpp > 0)
      claims.push({ bucket: c.bucket, kind: c.kind, tpp, limit: c.bound === 'max' ? c.limit : null })
  }
  if (d.authorization === 'UVEU' && veuId && d.destination && d.cappedTpp) {
    const tpp = roundTpp(d.cappedTpp)
    if (tpp > 0)
      claims.push({ bucket: `uveu:${veuId}:${d.destination}`, kind: 'uveu_country', tpp, limit: null })
  }
  return claims
}

/** The tightest TPP bucket after the deal: what the grid shows as headroom impact. */
export function tightestCap(caps: readonly CapEffect[]): { bucket: string; remaining: number } | null {
  let best: CapEffect | undefined
  for (const c of caps) if (c.unit === 'tpp' && (!best || c.remaining < best.remaining)) best = c
  return best ? { bucket: best.bucket, remaining: roundTpp(best.remaining) } : null
}
