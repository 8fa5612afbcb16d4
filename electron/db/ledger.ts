import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { AppError } from '../../shared/ipc/result'
import { latestVersion, migrations as allMigrations } from './migrations/index'
import type { Migration } from './migrations/types'
import { isLedgerBusy } from './statements'

export type Ledger = Database.Database

export interface OpenLedgerOptions {
  /** Defaults to every migration of this build; tests pass a prefix to stop at an older version. */
  migrations?: readonly Migration[]
  readonly?: boolean
  /** How long a write waits for another program's write lock before giving up busy; 5 s by default. */
  busyTimeoutMs?: number
}

/**
 * Opens (creating if needed) a ledger file, applies the durability settings the desk relies on and
 * brings the schema up to date. Refuses, without touching the file, a ledger written by a newer build.
 */
export function openLedger(path: string, options: OpenLedgerOptions = {}): Ledger {
  const list = options.migrations ?? allMigrations
  checkMigrationList(list)
  if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  })
  try {
    const version = db.pragma('user_version', { simple: true }) as number
    const latest = latestVersion(list)
    if (version > latest) {
      throw new AppError(
        'ledger_too_new',
        `This ledger (${path}) was written by a newer version of Headroom (schema ${version}; this build knows up to ${latest}). ` +
          'Open it with that version or newer; nothing was changed.',
      )
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL')
      // FULL: a committed deal or ledger entry survives a power cut, not just a crash.
      db.pragma('synchronous = FULL')
    }
    db.pragma('foreign_keys = ON')
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`)
    if (!options.readonly) migrate(db, list)
    return db
  } catch (error) {
    db.close()
    // Only an upgrade writes while opening: another program kept the file's write lock past the busy
    // timeout (its import, or its own upgrade of the file). Said in the desk's words, not SQLite's.
    if (isLedgerBusy(error))
      throw new AppError(
        'busy',
        `This ledger (${path}) needs upgrading to this version of Headroom, but another program (another Headroom window or browser host, the headroom CLI, or its import) is writing to it. Nothing was changed; open it again when that program has finished.`,
      )
    throw error
  }
}

/**
 * Runs every pending migration and the `user_version` bump in one transaction: all or none. The
 * version is read again once the write lock is held: another program (the CLI and the window started
 * together after an upgrade) may have run the same migrations while this one waited for the lock, and
 * running them twice fails, or worse, applies a data migration twice.
 */
export function migrate(db: Ledger, list: readonly Migration[] = allMigrations): number {
  const current = db.pragma('user_version', { simple: true }) as number
  if (!list.some((m) => m.version > current)) return current
  // PRAGMA foreign_keys is a no-op inside a transaction, so it is switched around it.
  const rebuilds = list.some((m) => m.version > current && m.rebuildsReferencedTable)
  if (rebuilds) db.pragma('foreign_keys = OFF')
  try {
    return db
      .transaction(() => {
        const now = db.pragma('user_version', { simple: true }) as number
        const latest = latestVersion(list)
        if (now > latest) {
          throw new AppError(
            'ledger_too_new',
            `This ledger (${db.name}) was just upgraded by a newer version of Headroom (schema ${now}; this build knows up to ${latest}). ` +
              'Open it with that version or newer; nothing was changed.',
          )
        }
        const pending = list.filter((m) => m.version > now)
        if (pending.length === 0) return now
        for (const m of pending) m.up(db)
        if (rebuilds) {
          const broken = db.pragma('foreign_key_check') as unknown[]
          if (broken.length)
            throw new Error(`Migration left ${broken.length} broken references; nothing was changed.`)
        }
        db.pragma(`user_version = ${latest}`)
        return latest
      })
      .immediate()
  } finally {
    if (rebuilds) db.pragma('foreign_keys = ON')
  }
}

function checkMigrationList(list: readonly Migration[]): void {
  let previous = 0
  for (const m of list) {
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new Error(`Migration versions must increase: ${m.name} (${m.version}) after ${previous}`)
    }
    previous = m.version
  }
}

export function schemaVersion(db: Ledger): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Online, consistent copy of the ledger (SQLite backup API), safe while the desk keeps working. */
export async function backupLedger(db: Ledger, destination: string): Promise<void> {
  mkdirSync(dirname(destination), { recursive: true })
  await db.backup(destination)
}
