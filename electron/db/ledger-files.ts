import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import type { BackupFile } from '../../shared/domain/ledger'
import { AppError } from '../../shared/ipc/result'

/**
 * Where backups go when nobody picks a file: a `backups` folder beside the ledger. The renderer may
 * run in a browser, which has no file dialog that yields a path, so this folder is what the Ledger
 * screen backs up into and lists for a restore.
 */
export function backupsFolder(ledgerPath: string): string {
  if (ledgerPath === ':memory:')
    throw new AppError('invalid_input', 'An in-memory ledger has no folder to keep backups in; give a path.')
  return join(dirname(ledgerPath), 'backups')
}

const stamp = (now: Date) => now.toISOString().replace(/[:.]/g, '-')

/**
 * A new file in the backups folder (created if missing), named after the ledger and the time, e.g.
 * `ledger-2026-11-27T01-15-14-000Z.sqlite`; never an existing file (a suffix is added instead).
 */
export function defaultBackupPath(ledgerPath: string, now: Date): string {
  const folder = backupsFolder(ledgerPath)
  mkdirSync(folder, { recursive: true })
  const base = `${basename(ledgerPath, extname(ledgerPath))}-${stamp(now)}`
  let path = join(folder, `${base}.sqlite`)
  for (let n = 2; existsSync(path); n++) path = join(folder, `${base}-${n}.sqlite`)
  return path
}

/** The `.sqlite` files in the backups folder, newest first; none when the folder does not exist yet. */
export function listBackups(ledgerPath: string): BackupFile[] {
  const folder = backupsFolder(ledgerPath)
  if (!existsSync(folder)) return []
  return readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.sqlite'))
    .map((e) => {
      const path = join(folder, e.name)
      const s = statSync(path)
      return { name: e.name, path, bytes: s.size, modifiedAt: s.mtime.toISOString() }
    })
    .sort((a, b) =>
      a.modifiedAt !== b.modifiedAt ? (a.modifiedAt < b.modifiedAt ? 1 : -1) : a.name < b.name ? 1 : -1,
    )
}
