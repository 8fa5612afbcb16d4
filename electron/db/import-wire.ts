import type { ProjectStatus } from '../../shared/domain/project'
import type { Claim } from './evaluation'
import type { EvaluatedDeal } from './import-evaluation'

/**
 * An evaluated deal as the import's evaluation thread posts it: its values by position. Structured
 * clone writes, and the receiving thread reads back, every key of every object it sends; for the
 * deal, its summary and its lines' columns that was twenty keys a deal, and reading them cost the
 * importer (the busier thread) about 0.35 s per 100,000 deals, against 0.2 s for the same values
 * by position.
 */
export type WireDeal = readonly unknown[]

/** The deal as posted (`fromWire` gives it back, equal). */
export function toWire(e: EvaluatedDeal): WireDeal {
  if (e.error) return [e.index, null, e.error.field, e.error.message]
  const v = e.evaluation
  const l = e.lines
  return [
    e.index,
    e.status,
    v.tpp,
    v.h100e,
    v.eccn,
    v.tier,
    v.license_required,
    v.review_policy,
    v.outcome,
    v.recommended,
    v.headroom_bucket,
    v.headroom_remaining,
    v.eval_pack_id,
    l.lines,
    l.units,
    l.chips_summary,
    e.packId,
    e.determination,
    e.claims,
    e.tpp,
  ]
}

/** The deal a `toWire` tuple carries. */
export function fromWire(w: WireDeal): EvaluatedDeal {
  const index = w[0] as number
  if (w[1] === null) return { index, error: { field: w[2] as string, message: w[3] as string } }
  type Summary = Extract<EvaluatedDeal, { error?: undefined }>['evaluation']
  return {
    index,
    status: w[1] as ProjectStatus,
    evaluation: {
      tpp: w[2] as Summary['tpp'],
      h100e: w[3] as Summary['h100e'],
      eccn: w[4] as Summary['eccn'],
      tier: w[5] as Summary['tier'],
      license_required: w[6] as Summary['license_required'],
      review_policy: w[7] as Summary['review_policy'],
      outcome: w[8] as Summary['outcome'],
      recommended: w[9] as Summary['recommended'],
      headroom_bucket: w[10] as Summary['headroom_bucket'],
      headroom_remaining: w[11] as Summary['headroom_remaining'],
      eval_pack_id: w[12] as Summary['eval_pack_id'],
    },
    lines: { lines: w[13] as string, units: w[14] as number, chips_summary: w[15] as string },
    packId: w[16] as string | null,
    determination: w[17] as string | null,
    claims: w[18] as Claim[] | null,
    tpp: w[19] as number | null,
  }
}
