import type { BucketKind } from '../rules/buckets'
import type { Iso2 } from '../rules/types'

export type { BucketKind }

export type CapacityAction = 'reserve' | 'commit' | 'release'

/** Threshold reached by `pctUsed`: the highest of the pack's alert thresholds (80/90/95/100) passed. */
export type AlertLevel = 'none' | '80' | '90' | '95' | '100'

export interface HeadroomRow {
  bucket: string
  kind: BucketKind
  /** The bucket in words, as every screen and report names it (`bucketName` in shared/rules/buckets). */
  label: string
  country: Iso2 | null
  consignee: string | null
  veu: string | null
  /** `2025`, `2025-Q3`, or null for a bucket without a period. */
  period: string | null
  /** Null when no pack in force sets a limit for the bucket. */
  limit: number | null
  committed: number
  reserved: number
  /**
   * VEU deployment rows (`nveu`, `uveu_country`): the VEU's installed base in the country that this
   * bucket's own deals add to — the base recorded in the ledger (`installed_base`) plus the VEU's deals
   * in its other deployment buckets there (for an NVEU quarter: the earlier quarters). The NVEU cap is
   * on the cumulative installed base, so it counts in `remaining` and `pctUsed`. 0 for other kinds.
   */
  installedBase: number
  /** limit − installedBase − committed − reserved (null without a limit); negative when over. */
  remaining: number | null
  /** (installedBase + committed + reserved) / limit × 100, or null without a limit. */
  pctUsed: number | null
  alertLevel: AlertLevel
  /** Licence buckets also count units. */
  limitUnits: number | null
  committedUnits: number
  reservedUnits: number
  packId: string | null
  /**
   * Set when the row is measured against another pack's limit than the one it was recorded under: the
   * pinned scenario whose country allocation or LPP limit `limit`, `remaining` and `pctUsed` read
   * (`electron/core/scenario-headroom.ts`). Absent: the limit is the recorded pack's (`packId`).
   */
  limitPackId?: string
  updatedAt: string
}

export interface CapacityEntryRow {
  id: number
  bucket: string
  action: CapacityAction
  tpp: number
  units: number
  projectId: string | null
  packId: string | null
  actor: string
  at: string
  reason: string | null
}

/** An entry with the bucket's running totals just after it (in the order recorded). */
export interface HeadroomHistoryPoint extends CapacityEntryRow {
  /** The planned ship date (YYYY-MM-DD) of the entry's deal; null for an entry without a deal. */
  dealDate: string | null
  committed: number
  reserved: number
  remaining: number | null
}

export interface HeadroomHistory {
  bucket: HeadroomRow
  points: HeadroomHistoryPoint[]
}
