import { z } from 'zod'
import { op } from '../define'
import type {
  BackupFile,
  BackupResult,
  CsvBookExport,
  Fingerprint,
  ImportResult,
  LedgerBook,
  LedgerStatus,
  RestoreResult,
} from '../../domain/ledger'

const filePath = z.string().trim().min(1).max(4096)

export const ledgerImportInput = z
  .object({
    format: z.enum(['json', 'csv']),
    /** The book's text (interchange format v1). */
    text: z.string().min(1).max(200_000_000),
    /** Mark everything imported as sample data, removable in one action. */
    sample: z.boolean().default(false),
  })
  .strict()

/** Which deals a deal-book export takes (JSON or CSV alike). */
const exportInput = z.object({ includeSample: z.boolean().default(true) }).strict()

export const ledgerOps = {
  'ledger.import': op<ImportResult>()(
    ledgerImportInput,
    'Imports a deal book (JSON or CSV, interchange v1) in one transaction: all of it, or nothing and a row/field error report.',
    { mutates: true },
  ),
  'ledger.export': op<LedgerBook>()(
    exportInput,
    'The whole deal book (deals with ledger status, parties, chips, installed base) as interchange JSON.',
  ),
  'ledger.exportCsv': op<CsvBookExport>()(
    exportInput,
    'The deals and their lines as interchange CSV text (one row per line, formula-like text neutralised), with every field the CSV does not carry as the ledger has it; statuses, people, licences, parties and installed base are only in ledger.export. Nothing is written.',
  ),
  'ledger.backup': op<BackupResult>()(
    z.object({ path: filePath.optional() }).strict(),
    'Consistent copy of the ledger file (SQLite online backup), to `path` or else to a new timestamped file in the backups folder beside the ledger; the backup itself is audited.',
    { mutates: true },
  ),
  'ledger.restore': op<RestoreResult>()(
    z.object({ path: filePath }).strict(),
    'Replaces the ledger with a backup after checking integrity, schema and audit chain; refuses a damaged file (corrupt).',
    { mutates: true },
  ),
  'ledger.status': op<LedgerStatus>()(
    z.object({}).strict(),
    'The open ledger file, its backups folder, and how much sample data it holds.',
  ),
  'ledger.backups': op<BackupFile[]>()(
    z.object({}).strict(),
    'The backup files (.sqlite) in the backups folder beside the ledger, newest first.',
  ),
  'ledger.fingerprint': op<Fingerprint>()(
    z.object({}).strict(),
    'Head hash of the audit chain, for report footers.',
  ),
  'ledger.removeSample': op<{ projects: number; parties: number; actingAs: string | null }>()(
    z.object({}).strict(),
    "Removes every deal, party, chip and entry marked as sample data in one transaction; audited. The sample's desk users are deactivated; a session acting as one returns to its own user (`actingAs`).",
    { mutates: true },
  ),
}
