import Database from 'better-sqlite3'
import { existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { AppError } from '../../shared/ipc/result'
import { joinFirst } from '../../shared/join-first'
import type { BackupResult, RestoreResult } from '../../shared/domain/ledger'
import { appendAudit, auditCount, headHash, verifyAuditChain } from './audit'
import { checkTotals } from './capacity'
import { fileIntegrityProblems } from './integrity'
import { backupLedger, openLedger, schemaVersion, type Ledger } from './ledger'
import { latestVersion } from './migrations/index'
import { writeTransaction, type ActorLike } from './statements'

/** Tables a file must have to be a Headroom ledger (any schema from the ledger migrations on). */
const REQUIRED_TABLES = ['country', 'project', 'capacity_bucket', 'capacity_entry', 'audit_event']

/**
 * Backs up to `path` (SQLite online backup: consistent while the desk keeps working) and audits it.
 * The head, event count and schema it answers and audits are read from the copy once written: the
 * copy runs across turns of the event loop, and a write committed meanwhile (this session's, another
 * program's) is in the copy, so the head read before it would name a state the file does not hold.
 */
export async function backupTo(db: Ledger, who: ActorLike, path: string): Promise<BackupResult> {
  // A file dialog or a typed path can name the ledger itself (or its WAL); copying onto it would wreck it.
  // Same file by device and inode (a link or another spelling of the path), as restore checks.
  if ([db.name, `${db.name}-wal`, `${db.name}-shm`].some((f) => sameFile(f, path)))
    throw new AppError(
      'invalid_input',
      `A backup must go to another file than the ledger itself (${db.name}).`,
      [{ path: 'path', message: 'the ledger itself' }],
    )
  await backupLedger(db, path)
  const copy = new Database(path, { readonly: true, fileMustExist: true })
  let head: string
  let version: number
  try {
    head = headHash(copy)
    version = schemaVersion(copy)
  } finally {
    copy.close()
  }
  writeTransaction(db, () =>
    appendAudit(db, who, {
      operation: 'ledger.backup',
      entity: 'ledger',
      entityId: null,
      after: { path, headHash: head },
    }),
  )
  return { path, bytes: statSync(path).size, headHash: head, schemaVersion: version }
}

/** What checkBackup vouches for: the audit chain's head, the schema version and the events it verified. */
export interface CheckedBackup {
  headHash: string
  schemaVersion: number
  events: number
}

/**
 * Checks a backup file without changing it: SQLite can open it, `PRAGMA integrity_check` is ok and
 * every row meets its table's CHECK constraints and foreign keys (fileIntegrityProblems), it has
 * the Headroom tables, its schema is not newer than this build, the audit chain verifies and the
 * capacity totals match their entries. Throws `corrupt` (or `ledger_too_new`) naming what failed.
 */
export function checkBackup(path: string): CheckedBackup {
  if (!existsSync(path))
    throw new AppError('not_found', `No backup file at ${path}.`, [
      { path: 'path', message: 'file not found' },
    ])
  let db: Database.Database | undefined
  const refuse = (why: string): never => {
    // `why` may end with a sentence of its own (an audit chain reason does): one full stop, not two.
    const sentence = why.replace(/\.+$/, '')
    throw new AppError('corrupt', `Restore refused: ${path} ${sentence}. The current ledger was not touched.`)
  }
  try {
    try {
      db = new Database(path, { readonly: true, fileMustExist: true })
      // Every finding, not only the first; and CHECK constraints, which a read-only connection's
      // integrity_check does not see (see integrity.ts).
      const damage = fileIntegrityProblems(db)
      if (damage.length) {
        const listed = joinFirst(
          damage,
          5,
          '; ',
          (rest) => `; and ${rest} more`,
          (p) => p.message,
        )
        refuse(`is damaged (${listed})`)
      }
    } catch (error) {
      if (error instanceof AppError) throw error
      refuse(`is not a readable SQLite ledger (${error instanceof Error ? error.message : String(error)})`)
    }
    const version = db!.pragma('user_version', { simple: true }) as number
    if (version > latestVersion()) {
      throw new AppError(
        'ledger_too_new',
        `Restore refused: ${path} was written by a newer Headroom (schema ${version}; this build knows up to ${latestVersion()}).`,
      )
    }
    const tables = new Set(
      db!.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
    )
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t))
    if (missing.length) refuse(`is not a Headroom ledger (missing ${missing.join(', ')})`)
    const chain = verifyAuditChain(db!)
    if (!chain.ok) refuse(`has a broken audit chain: ${chain.reason}`)
    const badTotals = checkTotals(db!)
    if (badTotals.length)
      refuse(
        `has capacity totals that do not match their entries (${joinFirst(badTotals, 3, ', ', (rest) => ` and ${rest} more`)})`,
      )
    return { headHash: chain.headHash, schemaVersion: version, events: chain.checked }
  } finally {
    db?.close()
  }
}

/** Whether two paths name one file (through links and relative paths alike). */
function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a)
    const sb = statSync(b)
    return sa.dev === sb.dev && sa.ino === sb.ino
  } catch {
    return resolve(a) === resolve(b)
  }
}

/**
 * Writes the checked backup to `dest` as SQLite reads it, and refuses unless the copy is the ledger
 * that was checked. SQLite reads a database together with the -wal file beside it, so checkBackup
 * checked the file and its WAL; copying the main file's bytes would install what SQLite had not yet
 * checkpointed into it (for a ledger that was in use, perhaps nothing) as "restored". VACUUM INTO
 * from a read-only connection writes one self-contained file from that same view and leaves the
 * source as it was. The source may still change between the check and the copy (another Headroom
 * may have it open), so the copy's audit head, event count and schema version must be the checked
 * ones. On refusal nothing is left at `dest`.
 */
export function copyAsChecked(source: string, dest: string, checked: CheckedBackup): void {
  rmSync(dest, { force: true })
  try {
    const from = new Database(source, { readonly: true, fileMustExist: true })
    try {
      from.prepare('VACUUM INTO ?').run(dest)
    } finally {
      from.close()
    }
    const copy = new Database(dest, { readonly: true, fileMustExist: true })
    let copied: CheckedBackup
    try {
      copied = { headHash: headHash(copy), schemaVersion: schemaVersion(copy), events: auditCount(copy) }
    } finally {
      copy.close()
    }
    if (
      copied.headHash !== checked.headHash ||
      copied.events !== checked.events ||
      copied.schemaVersion !== checked.schemaVersion
    ) {
      throw new AppError(
        'conflict',
        `Restore refused: ${source} changed while it was being restored (${copied.events} audit events and head ${copied.headHash.slice(0, 12)}… where ${checked.events} and ${checked.headHash.slice(0, 12)}… were checked). Close whatever has it open and restore again; the current ledger was not touched.`,
      )
    }
  } catch (error) {
    rmSync(dest, { force: true })
    throw error
  }
}

/**
 * Takes the ledger file for this connection alone, or refuses with `busy` when another program has it
 * open (another Headroom window or browser host, the CLI, a job's thread). A restore renames the file
 * and deletes its -wal and -shm under every other connection: the other program would go on
 * "recording" into a renamed file and a deleted log, its work lost without a word (and a connection
 * closing deletes the -wal by name, which may by then be the restored ledger's). In WAL mode every open
 * connection holds a shared lock on the database file for as long as it is open, so an exclusive lock
 * is granted only to the last one. Held until `current` closes; `releaseSoleAccess` gives it back.
 */
function takeSoleAccess(current: Ledger, ledgerPath: string): void {
  const timeout = current.pragma('busy_timeout', { simple: true }) as number
  // A program that merely has the file open does not let go by waiting: long enough for a moment's
  // read to end, no longer.
  current.pragma('busy_timeout = 1000')
  current.pragma('locking_mode = EXCLUSIVE')
  try {
    // In exclusive locking mode a write transaction takes the file's exclusive lock and keeps it.
    current.exec('BEGIN IMMEDIATE; COMMIT')
  } catch (error) {
    // Never leave the probe's transaction open: the session's next actions would join it, uncommitted.
    if (current.inTransaction) current.exec('ROLLBACK')
    releaseSoleAccess(current)
    const code = (error as { code?: unknown }).code
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY'))
      throw new AppError(
        'busy',
        `Restore refused: another program has this ledger (${ledgerPath}) open: another Headroom window or browser host, the headroom CLI, or an import. Restoring under it would lose what it records next. Close it and restore again; the current ledger was not touched.`,
      )
    throw error
  } finally {
    current.pragma(`busy_timeout = ${timeout}`)
  }
}

/** Back to normal locking: the next access drops the exclusive lock. */
function releaseSoleAccess(current: Ledger): void {
  current.pragma('locking_mode = NORMAL')
  current.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get()
}

/**
 * Replaces the ledger at `ledgerPath` with a checked backup and returns the new handle. Refused
 * (`busy`) while another program has the ledger open (takeSoleAccess). The backup is copied as
 * checked to a temporary file beside the ledger (copyAsChecked) before anything else is touched; then
 * the open handle is checkpointed and closed, the current file is kept beside it as
 * `<ledger>.before-restore-<time>` (so a mistaken restore can be undone), the copy is renamed into
 * place (atomic on one file system), opened (migrating an older schema) and the restore is audited
 * in the restored chain. Callers must swap their handle for the returned one (HandlerContext.ledger).
 */
export function restoreLedger(
  current: Ledger,
  ledgerPath: string,
  backupPath: string,
  who: ActorLike,
  now: Date = new Date(),
): { db: Ledger; result: RestoreResult } {
  if (sameFile(backupPath, ledgerPath))
    throw new AppError(
      'invalid_input',
      `Restore refused: ${backupPath} is the ledger itself, not a backup of it. Choose a backup file; the current ledger was not touched.`,
      [{ path: 'path', message: 'that is the ledger itself' }],
    )
  const checked = checkBackup(backupPath)
  const temp = `${ledgerPath}.restore-tmp`
  // Held from here until the handle closes, so no program opens the ledger while it is replaced.
  takeSoleAccess(current, ledgerPath)
  try {
    copyAsChecked(backupPath, temp, checked)
  } catch (error) {
    releaseSoleAccess(current)
    throw error
  }
  const previousPath = `${ledgerPath}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`
  current.pragma('wal_checkpoint(TRUNCATE)')
  current.close()
  renameSync(ledgerPath, previousPath)
  for (const suffix of ['-wal', '-shm']) rmSync(`${ledgerPath}${suffix}`, { force: true })
  renameSync(temp, ledgerPath)
  const db = openLedger(ledgerPath)
  writeTransaction(db, () =>
    appendAudit(db, who, {
      operation: 'ledger.restore',
      entity: 'ledger',
      entityId: null,
      after: { from: backupPath, headHash: checked.headHash, previousPath },
    }),
  )
  return {
    db,
    result: {
      previousPath,
      headHash: headHash(db),
      schemaVersion: schemaVersion(db),
      events: auditCount(db),
    },
  }
}
