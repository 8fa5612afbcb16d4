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
}

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
  /** Names of the fields that differ (`outcome`, `authorization`, …); empty when the packs agree. */
  changed: string[]
}

export interface CompareResult {
  left: { packId: string; title: string }
  right: { packId: string; title: string }
  rows: CompareRow[]
  total: number
  changedCount: number
  /** Deals per outcome under each pack. */
  outcomes: { left: Record<Outcome, number>; right: Record<Outcome, number> }
}
