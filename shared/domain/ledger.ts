import type { BookError, DealBook } from '../rules/types'
import type { ProjectStatus } from './project'

/**
 * Ledger fields a deal carries in a Headroom export, beside the interchange v1 deal fields, so that
 * export → import gives back the same book. Other tools may omit them (a deal then imports as a draft).
 */
export interface LedgerDealExtension {
  name?: string
  status?: ProjectStatus
  endUser?: string
  notes?: string
  preparer?: string
  reviewer?: string | null
  licenceNumber?: string | null
  authorizedTpp?: number | null
  authorizedUnits?: number | null
}

/** A deal book as Headroom exports it: interchange v1 plus the ledger extension per deal. */
export interface LedgerBook extends DealBook {
  format?: 'headroom-deal-book'
  version?: 1
  exportedAt?: string
  deals: Array<DealBook['deals'][number] & LedgerDealExtension>
}

export interface ImportResult {
  /** Deals written; 0 when any error was found (all or nothing). */
  imported: number
  parties: number
  chips: number
  installedBase: number
  errors?: BookError[]
}

export interface BackupResult {
  path: string
  bytes: number
  headHash: string
  schemaVersion: number
}

export interface RestoreResult {
  /** Where the ledger that was replaced was kept, so a mistaken restore can be undone. */
  previousPath: string
  headHash: string
  schemaVersion: number
  events: number
}

export interface Fingerprint {
  headHash: string
  events: number
  schemaVersion: number
}
