import type { Authorization, Outcome, ReviewPolicy, Tier } from '../rules/types'
import type { ScenarioEdit } from '../scenarios/edits'

export interface ScenarioRecord {
  id: string
  title: string
  basedOn: string
  edits: ScenarioEdit[]
  createdBy: string
  createdAt: string
}

/** How one deal fares under one pack, for the side-by-side comparison. */
export interface CompareSide {
  outcome: Outcome
  authorization: Authorization | null
  licenseRequired: boolean | null
  reviewPolicy: ReviewPolicy | null
  tier: Tier | null
  /** Tightest remaining TPP among the capped buckets the deal is counted in, or null. */
  tightestRemaining: number | null
  /**
   * TPP left in the destination's country allocation after the deal, when the deal touches one
   * (tier-2 destinations under a pack with allocations), else null.
   */
  allocationRemaining: number | null
  /** False when the allocation figure is projected: only licensed TPP counts against it. */
  allocationCounted: boolean
}

/** The fields of a deal's answer a comparison looks at; a deal whose answer differs has one of them. */
export type AnswerField = 'outcome' | 'licenseRequired' | 'authorization' | 'reviewPolicy'

export interface CompareRow {
  dealId: string
  name: string
  status: string
  date: string
  consignee: string
  destination: string | null
  tpp: number | null
  left: CompareSide
  right: CompareSide
  /** The answer fields that differ; empty when the packs give the same answer (a tier alone is not one). */
  changed: AnswerField[]
}

export interface CompareResult {
  left: { packId: string; title: string }
  right: { packId: string; title: string }
  rows: CompareRow[]
  total: number
  /** Deals whose answer differs (a non-empty `changed`). */
  changedCount: number
  /** Deals per outcome under each pack. */
  outcomes: { left: Record<Outcome, number>; right: Record<Outcome, number> }
}
