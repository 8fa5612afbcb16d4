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
  /**
   * Sample data (the demonstration portfolio): imported as sample, so that "Remove sample data" takes
   * it away again. Written only when true.
   */
  sample?: boolean
}

/** The sample marking on a party, chip, installed-base entry or licence of a Headroom export. */
export interface SampleMark {
  sample?: boolean
}

/** A deal book as Headroom exports it: interchange v1 plus the ledger extension per deal. */
export interface LedgerBook extends DealBook {
  format?: 'headroom-deal-book'
  version?: 1
  exportedAt?: string
  deals: Array<DealBook['deals'][number] & LedgerDealExtension>
  parties?: Array<NonNullable<DealBook['parties']>[number] & SampleMark>
  chips?: Array<NonNullable<DealBook['chips']>[number] & SampleMark>
  installedBase?: Array<NonNullable<DealBook['installedBase']>[number] & SampleMark>
}

export interface ImportResult {
  /** Deals written; 0 when any error was found (all or nothing). */
  imported: number
  parties: number
  chips: number
  installedBase: number
  errors?: BookError[]
  /**
   * Deals written with a status the rules contradict (shipped or closed without a licence though the
   * determination requires one): recorded as the book gives them, and listed here.
   */
  warnings?: BookError[]
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
