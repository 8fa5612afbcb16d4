import { formatWhole } from '../format-whole'
import { joinFirst } from '../join-first'
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
  /**
   * Set when the restored ledger knows the user the session acted as as deactivated: the session now
   * acts as this user, its own (recorded as a switch).
   */
  actingAs?: string | null
}

export interface Fingerprint {
  headHash: string
  events: number
  schemaVersion: number
}

/** What the sample portfolio still has in the ledger; all zero once it is removed (or was never loaded). */
export interface SampleCounts {
  projects: number
  parties: number
  chips: number
  licences: number
  installedBase: number
  /** Display names of the sample's desk users who can still act. */
  users: string[]
}

/** The ledger file the session has open, where its backups go, and what sample data it holds. */
export interface LedgerStatus {
  path: string
  fileName: string
  /** The `backups` folder beside the ledger, where a backup goes unless told otherwise. */
  backupsFolder: string
  sample: SampleCounts
}

export interface BackupFile {
  name: string
  path: string
  bytes: number
  /** ISO-8601 UTC. */
  modifiedAt: string
}

export const hasSample = (s: SampleCounts): boolean =>
  s.projects + s.parties + s.chips + s.licences + s.installedBase + s.users.length > 0

/** The interchange formats a deal book is exported in (docs/deal-book.md). */
export type DealBookFormat = 'json' | 'csv'

/** The file name an exported deal book gets, in the window and from the File menu alike. */
export const dealBookFileName = (now: Date, format: DealBookFormat = 'json'): string =>
  `headroom-deal-book-${now.toISOString().slice(0, 10)}.${format}`

/**
 * What a CSV deal book leaves out, in the words the window and the CLI show beside every CSV export
 * (interchange v1 CSV has columns for a deal's own fields and lines only; docs/deal-book.md).
 */
export const CSV_BOOK_LEAVES_OUT =
  'A CSV deal book holds deals and their lines only: it leaves out their statuses, names, end users, notes, preparers, reviewers and licences, and the ledger’s parties, desk chips, installed base and sample marking. The JSON export carries them. Imported, the deals of a CSV book are drafts (licensed ones licensed), prepared by whoever imports them.'

/** A field of an exported deal that the CSV book does not carry as the ledger has it, and why. */
export interface CsvNotCarried {
  deal: string
  /** The deal's field as the JSON book names it (`site`, `lines.0.chip`). */
  field: string
  message: string
}

/**
 * The fields a CSV export did not carry as the ledger has them, in the words the window and the File
 * menu show after a CSV export: the first few, and how many more (empty when every field was carried).
 */
export const csvNotCarriedWords = (n: readonly CsvNotCarried[]): string =>
  n.length === 0
    ? ''
    : ` Not carried as the ledger has them: ${joinFirst(
        n,
        5,
        '; ',
        (rest) => `; and ${formatWhole(rest)} more`,
        (f) => `deal ${f.deal}, ${f.field}: ${f.message}`,
      )}.`

/** The deal book as interchange CSV (`ledger.exportCsv`): deals and their lines, one row a line. */
export interface CsvBookExport {
  /** The file: UTF-8 with a BOM (so a spreadsheet reads names in any script), CRLF line ends. */
  text: string
  deals: number
  lines: number
  /**
   * Every field the text reads back otherwise than the ledger has it (found by reading the text back
   * with the deal-book reader); empty when the CSV gives back every deal as the JSON export does.
   */
  notCarried: CsvNotCarried[]
}

/**
 * What a restore does, in the words both the window's confirmation and the File menu's show
 * (electron/db/restore.ts `restoreLedger`).
 */
export const restoreConsequences = (ledgerFileName: string): string[] => [
  'The backup is checked first (SQLite integrity, Headroom tables, schema, audit chain, capacity totals); a damaged file is refused and nothing changes.',
  `The current ledger is closed and kept beside it as ${ledgerFileName}.before-restore-<date and time>, so the restore can be undone.`,
  'The backup then becomes the ledger: deals, parties and audit events recorded after the backup was made are not in it (they stay in the kept file).',
  'The restore is recorded as an audit event in the restored ledger.',
]
