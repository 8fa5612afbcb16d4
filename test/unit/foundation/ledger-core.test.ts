import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { backupLedger, migrate, openLedger, schemaVersion } from '../../../electron/db/ledger'
import { latestVersion, migrations } from '../../../electron/db/migrations/index'
import type { Migration } from '../../../electron/db/migrations/types'
import { AppError } from '../../../shared/ipc/result'
import { tempDir, tempLedgerPath } from '../helpers/temp-ledger'

describe('ledger core', () => {
  it('opens a new ledger with WAL, foreign keys, FULL sync and the latest schema', () => {
    const path = tempLedgerPath()
    const db = openLedger(path)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(schemaVersion(db)).toBe(latestVersion())
    db.close()
  })

  it('creates STRICT tables', () => {
    const db = openLedger(tempLedgerPath())
    const tables = db
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'",
      )
      .all() as Array<{ name: string; strict: number }>
    expect(tables.length).toBeGreaterThan(0)
    for (const t of tables) expect({ table: t.name, strict: t.strict }).toEqual({ table: t.name, strict: 1 })
    db.close()
  })

  it('seeds the ISO country list in the first migration', () => {
    const db = openLedger(tempLedgerPath())
    const count = (db.prepare('SELECT count(*) AS n FROM country').get() as { n: number }).n
    expect(count).toBeGreaterThanOrEqual(249)
    expect(db.prepare("SELECT name FROM country WHERE iso2 = 'MO'").pluck().get()).toBe('Macau')
    db.close()
  })

  it('migrates an older ledger forward and keeps its data', () => {
    const path = tempLedgerPath()
    const first = openLedger(path, { migrations: migrations.slice(0, 1) })
    expect(schemaVersion(first)).toBe(migrations[0]!.version)
    first.close()
    const extra: Migration = {
      version: latestVersion() + 10,
      name: 'test-extra',
      up: (db) => db.exec('CREATE TABLE probe (id INTEGER PRIMARY KEY) STRICT'),
    }
    const db = openLedger(path, { migrations: [...migrations, extra] })
    expect(schemaVersion(db)).toBe(extra.version)
    expect((db.prepare('SELECT count(*) AS n FROM country').get() as { n: number }).n).toBeGreaterThan(0)
    db.close()
  })

  it('rolls back every pending migration when one fails', () => {
    const path = tempLedgerPath()
    openLedger(path).close()
    const good: Migration = {
      version: 9000,
      name: 'good',
      up: (db) => db.exec('CREATE TABLE good (id INTEGER) STRICT'),
    }
    const bad: Migration = {
      version: 9010,
      name: 'bad',
      up: () => {
        throw new Error('boom')
      },
    }
    expect(() => openLedger(path, { migrations: [...migrations, good, bad] })).toThrow('boom')
    const db = openLedger(path)
    expect(schemaVersion(db)).toBe(latestVersion())
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'good'").pluck().get()).toBe(0)
    db.close()
  })

  it('refuses a ledger written by a newer version, with a clear message, and leaves it untouched', () => {
    const path = tempLedgerPath()
    openLedger(path).close()
    const raw = new Database(path)
    raw.pragma(`user_version = ${latestVersion() + 100}`)
    raw.close()
    let error: unknown
    try {
      openLedger(path)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('ledger_too_new')
    expect((error as AppError).message).toMatch(/newer version of Headroom/)
    const check = new Database(path, { readonly: true })
    expect(check.pragma('user_version', { simple: true })).toBe(latestVersion() + 100)
    check.close()
  })

  it('refuses a migration list whose versions do not increase', () => {
    const m: Migration = { version: 5, name: 'low', up: () => undefined }
    expect(() => openLedger(tempLedgerPath(), { migrations: [...migrations, m] })).toThrow(/must increase/)
  })

  it('backs up to a file that opens as a complete ledger', async () => {
    const db = openLedger(tempLedgerPath())
    const out = join(tempDir(), 'backup', 'copy.sqlite')
    await backupLedger(db, out)
    db.close()
    expect(existsSync(out)).toBe(true)
    const copy = new Database(out, { readonly: true })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(copy.pragma('user_version', { simple: true })).toBe(latestVersion())
    copy.close()
  })

  it('migrate() is idempotent', () => {
    const db = openLedger(tempLedgerPath())
    expect(migrate(db)).toBe(latestVersion())
    db.close()
  })
})
