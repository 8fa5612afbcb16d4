import { writeFile } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import {
  CSV_BOOK_LEAVES_OUT,
  csvNotCarriedWords,
  dealBookFileName,
  restoreConsequences,
  type BackupResult,
  type CsvBookExport,
  type LedgerBook,
  type RestoreResult,
} from '../../shared/domain/ledger'
import { formatWhole } from '../../shared/format-whole'
import type { Result } from '../../shared/ipc/result'
import type { Dispatch } from '../core/dispatch'
import { backupsFolder, defaultBackupPath } from '../db/ledger-files'
import type { FileMenuAction } from './menu'

export interface FileFilter {
  name: string
  extensions: string[]
}

/**
 * The native dialogs the File menu's ledger actions need, as plain functions: index.ts backs them with
 * Electron's `dialog`, tests with answers of their own. Each file dialog answers undefined when cancelled.
 */
export interface LedgerDialogs {
  saveFile(options: {
    title: string
    defaultPath: string
    filters: FileFilter[]
  }): Promise<string | undefined>
  openFile(options: {
    title: string
    defaultPath: string
    filters: FileFilter[]
  }): Promise<string | undefined>
  /** Asks before a destructive action; true only when the user chose `action`. */
  confirm(options: { title: string; message: string; detail: string; action: string }): Promise<boolean>
  inform(options: { title: string; message: string; detail?: string }): void
  fail(title: string, message: string): void
}

export interface LedgerMenuOptions {
  ledgerPath: string
  /** The session's dispatcher: the menu goes through the same handlers (and audit) as the window. */
  dispatch: Dispatch
  dialogs: LedgerDialogs
  /** Where an exported deal book is offered first (the user's Documents folder). */
  documentsFolder: string
  now?: () => Date
  /** After a restore: the window reloads so every screen reads the restored ledger. */
  onLedgerReplaced(): void
}

const SQLITE: FileFilter[] = [{ name: 'Headroom ledger backup', extensions: ['sqlite'] }]
const BOOK_FILES: FileFilter[] = [
  { name: 'Deal book (JSON, everything the ledger holds)', extensions: ['json'] },
  { name: 'Deal book (CSV, deals and lines only)', extensions: ['csv'] },
]

function valueOf<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value as T
}

/** The ledger actions of the File menu, each ending in a message box that says what happened. */
export function ledgerMenuActions(options: LedgerMenuOptions) {
  const { dispatch, dialogs, ledgerPath } = options
  const now = options.now ?? (() => new Date())
  const attempt = async (title: string, run: () => Promise<void>) => {
    try {
      await run()
    } catch (error) {
      dialogs.fail(title, error instanceof Error ? error.message : String(error))
    }
  }

  const backUp = () =>
    attempt('Back up failed', async () => {
      const path = await dialogs.saveFile({
        title: 'Back up the ledger',
        defaultPath: defaultBackupPath(ledgerPath, now()),
        filters: SQLITE,
      })
      if (!path) return
      const r = valueOf<BackupResult>(await dispatch('ledger.backup', { path }))
      dialogs.inform({
        title: 'Ledger backed up',
        message: `Backed up to ${r.path}.`,
        detail: `${r.bytes.toLocaleString('en-US')} bytes; audit head ${r.headHash}. The backup is recorded in the audit log.`,
      })
    })

  const restore = () =>
    attempt('Restore refused', async () => {
      const path = await dialogs.openFile({
        title: 'Restore the ledger from a backup',
        defaultPath: backupsFolder(ledgerPath),
        filters: SQLITE,
      })
      if (!path) return
      const go = await dialogs.confirm({
        title: 'Restore the ledger',
        message: `Restore the ledger from ${path}?`,
        detail: restoreConsequences(basename(ledgerPath)).join('\n\n'),
        action: 'Restore',
      })
      if (!go) return
      const r = valueOf<RestoreResult>(await dispatch('ledger.restore', { path }))
      options.onLedgerReplaced()
      dialogs.inform({
        title: 'Ledger restored',
        message: `Restored from ${path}.`,
        detail: `The ledger it replaced is kept as ${r.previousPath}.`,
      })
    })

  // The file's extension picks the format, as the save dialog's file types offer them: `.csv` is the
  // interchange CSV (deals and lines), anything else the full JSON book.
  const exportBook = () =>
    attempt('Export failed', async () => {
      const path = await dialogs.saveFile({
        title: 'Export the deal book',
        defaultPath: join(options.documentsFolder, dealBookFileName(now())),
        filters: BOOK_FILES,
      })
      if (!path) return
      if (extname(path).toLowerCase() === '.csv') {
        const csv = valueOf<CsvBookExport>(await dispatch('ledger.exportCsv', { includeSample: true }))
        await writeFile(path, csv.text, 'utf8')
        dialogs.inform({
          title: 'Deal book exported',
          message: `Exported ${formatWhole(csv.deals)} deals (${formatWhole(csv.lines)} lines) as CSV to ${path}.`,
          detail: `${CSV_BOOK_LEAVES_OUT}${csvNotCarriedWords(csv.notCarried)}`,
        })
        return
      }
      const book = valueOf<LedgerBook>(await dispatch('ledger.export', { includeSample: true }))
      await writeFile(path, JSON.stringify(book, null, 2), 'utf8')
      dialogs.inform({
        title: 'Deal book exported',
        message: `Exported ${formatWhole(book.deals.length)} deals as JSON to ${path}.`,
      })
    })

  return { backUp, restore, exportBook }
}

/** The same actions as File menu entries (placed above Quit). */
export function ledgerFileActions(options: LedgerMenuOptions): FileMenuAction[] {
  const a = ledgerMenuActions(options)
  return [
    { label: 'Back up ledger…', run: () => void a.backUp() },
    { label: 'Restore ledger from a backup…', run: () => void a.restore() },
    { label: 'Export deal book…', run: () => void a.exportBook() },
  ]
}
