import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appendAudit, auditCount, headHash, verifyAuditChain } from '../../../electron/db/audit'
import { checkDealsAgainstChain } from '../../../electron/db/deal-chain-check'
import { exportBook } from '../../../electron/db/interchange'
import { openLedger, schemaVersion } from '../../../electron/db/ledger'
import { latestVersion, migrations } from '../../../electron/db/migrations/index'
import { createDraft, listProjects } from '../../../electron/db/projects'
import { backupTo, restoreLedger } from '../../../electron/db/restore'
import { writeTransaction } from '../../../electron/db/statements'
import { openSession } from '../../../electron/core/session'
import { tempDir, tempLedgerPath } from '../helpers/temp-ledger'
import { lppDeal, openDesk } from './helpers'

/**
 * More than one program on one ledger file: the window and the CLI, a browser host, the import
 * thread, or a newer build of Headroom. Each runs its own connection; none may record something
 * wrong, lose what another recorded, or tell the desk a wrong figure because another wrote.
 */

const repoRoot = resolve(import.meta.dirname, '../../..')
const CHILD = 'test/fixtures/ledger/other-process-child.ts'

interface Other {
  /** Resolves with the child's `done` count once it has exited cleanly. */
  done: Promise<number>
}

/** Starts the child in `mode` and resolves once it says `ready`. */
async function other(mode: string, ...args: string[]): Promise<Other> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  const exit = new Promise<number | null>((done) => child.once('exit', done))
  const done = exit.then((code) => {
    const m = /done (\d+)/.exec(out)
    if (code !== 0 || !m) throw new Error(`the other process (${mode}) exited ${code}\n${out}\n${err}`)
    return Number(m[1])
  })
  await new Promise<void>((ready, fail) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      if (out.includes('ready')) ready()
    })
    void done.catch(fail)
    void exit.then(() =>
      fail(new Error(`the other process (${mode}) exited before it was ready\n${out}\n${err}`)),
    )
  })
  return { done }
}

const draft = { ...lppDeal(), id: 'OTHER-1', name: 'Recorded while another program has the file' }

describe('restore while another program has the ledger open', () => {
  it('is refused as busy, naming why, and touches nothing', async () => {
    const { db, path, alice } = openDesk()
    createDraft(db, alice, lppDeal())
    const backup = join(tempDir(), 'backup.sqlite')
    await backupTo(db, alice, backup)
    createDraft(db, alice, lppDeal({ name: 'after the backup' }))
    const head = headHash(db)

    const open = await other('open', path, '2500')
    expect(() => restoreLedger(db, path, backup, alice)).toThrow(
      expect.objectContaining({ code: 'busy', message: expect.stringMatching(/another program/i) }),
    )
    // Nothing moved: the same file, still open, no copy or renamed ledger left beside it.
    expect(headHash(db)).toBe(head)
    expect(listProjects(db).total).toBe(2)
    expect(existsSync(`${path}.restore-tmp`)).toBe(false)
    expect(readdirSync(dirname(path)).filter((f) => f !== basename(path) && !/-(wal|shm)$/.test(f))).toEqual(
      [],
    )
    // The lock probe gave the file back: this connection still writes, and commits.
    createDraft(db, alice, lppDeal({ name: 'after the refusal' }))
    const reader = new Database(path, { readonly: true })
    expect(reader.prepare('SELECT count(*) FROM project').pluck().get()).toBe(3)
    reader.close()
    await open.done

    // Alone again, the restore goes ahead.
    const { db: restored } = restoreLedger(db, path, backup, alice)
    expect(listProjects(restored).total).toBe(1)
    restored.close()
  })
})

describe('a write while another program holds the write lock for longer than the busy timeout', () => {
  it('is answered busy, saying another program is writing, not internal', async () => {
    const path = tempLedgerPath()
    const session = openSession({ ledgerPath: path, host: 'test', actor: 'alice' })
    session.ledger.pragma('busy_timeout = 100')
    const holder = new Database(path)
    holder.exec('BEGIN IMMEDIATE')
    try {
      const answer = await session.dispatch('projects.createDraft', draft)
      expect(answer).toEqual({
        ok: false,
        error: { code: 'busy', message: expect.stringMatching(/another program/i) },
      })
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
    expect(await session.dispatch('projects.createDraft', draft)).toMatchObject({ ok: true })
    session.close()
  })
})

describe('a newer Headroom migrates the ledger while this one has it open', () => {
  it('refuses this build’s writes as ledger_too_new, writing nothing', () => {
    const path = tempLedgerPath()
    const db = openLedger(path)
    const newer = new Database(path)
    newer.pragma(`user_version = ${latestVersion() + 10}`)
    newer.close()
    expect(() => createDraft(db, 'alice', draft)).toThrow(expect.objectContaining({ code: 'ledger_too_new' }))
    expect(db.prepare('SELECT count(*) FROM project').pluck().get()).toBe(0)
    db.close()
  })

  it('opening an older ledger while another program writes to it is refused busy, in words, and changes nothing', () => {
    const path = tempLedgerPath()
    const older = migrations.slice(0, -2)
    openLedger(path, { migrations: older }).close()
    const holder = new Database(path)
    holder.exec('BEGIN IMMEDIATE')
    try {
      expect(() => openLedger(path, { busyTimeoutMs: 100 })).toThrow(
        expect.objectContaining({
          code: 'busy',
          message: expect.stringMatching(/needs upgrading .* another program .* Nothing was changed/),
        }),
      )
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
    const db = openLedger(path, { migrations: older })
    expect(schemaVersion(db)).toBe(older.at(-1)!.version)
    db.close()
  })

  it('two programs opening an older ledger at once: the second finds it migrated and opens it', async () => {
    const path = tempLedgerPath()
    const older = migrations.slice(0, -2)
    openLedger(path, { migrations: older }).close()
    const migrating = await other('migrate', path, '1000')
    // Starts while the other holds the lock with the migrations still pending, waits for it, and
    // must then see that they ran rather than run them again.
    const db = openLedger(path)
    expect(schemaVersion(db)).toBe(latestVersion())
    expect(await migrating.done).toBe(2)
    db.close()
  })
})

describe('verifying while another program writes', () => {
  it('checks the audit chain on one snapshot: no false "newest events deleted"', async () => {
    const path = tempLedgerPath()
    const db = openLedger(path)
    writeTransaction(db, () => {
      for (let i = 0; i < 20_000; i++)
        appendAudit(db, 'alice', { operation: 'test.seed', entity: 'test', entityId: String(i) })
    })
    const appending = await other('append', path, '3000')
    for (let i = 0; i < 3; i++) {
      const v = verifyAuditChain(db)
      expect(v.ok ? 'ok' : v.reason).toBe('ok')
    }
    expect(await appending.done).toBeGreaterThan(0)
    expect(verifyAuditChain(db).ok).toBe(true)
    db.close()
  })

  it('compares deals with their events on one snapshot: no false "changed outside Headroom"', async () => {
    const path = tempLedgerPath()
    const db = openLedger(path)
    createDraft(db, 'alice', draft)
    // Many deal events, so the scan of the events takes a while before the scan of the rows.
    writeTransaction(db, () => {
      for (let i = 0; i < 20_000; i++)
        appendAudit(db, 'alice', {
          operation: 'project.transition',
          entity: 'project',
          entityId: `GONE-${i}`,
          after: { status: 'draft', reviewer: null, licenceNumber: null },
        })
    })
    const updating = await other('update', path, draft.id, '3000')
    for (let i = 0; i < 3; i++) expect(checkDealsAgainstChain(db).mismatch).toBeNull()
    expect(await updating.done).toBeGreaterThan(0)
    expect(checkDealsAgainstChain(db).mismatch).toBeNull()
    db.close()
  })
})

describe('exporting the deal book while another program writes', () => {
  it('reads deals and parties on one snapshot: every exported deal has its party, and no party comes without its deal', async () => {
    const path = tempLedgerPath()
    const db = openLedger(path)
    // Enough deals that reading them takes a while before the parties are read.
    writeTransaction(db, () => {
      for (let i = 0; i < 1_500; i++) createDraft(db, 'alice', { ...lppDeal(), id: `SEED-${i}` })
    })
    const pairing = await other('pairs', path, '3000')
    for (let i = 0; i < 3; i++) {
      const book = exportBook(db)
      const deals = book.deals.filter((d) => d.id.startsWith('PAIR-')).map((d) => d.consignee)
      const parties = book.parties!.filter((p) => p.name.startsWith('Pair party ')).map((p) => p.name)
      expect(deals.length).toBeGreaterThan(0)
      expect(parties.sort()).toEqual(deals.sort())
    }
    expect(await pairing.done).toBeGreaterThan(0)
    db.close()
  })
})

describe('a backup while another connection writes', () => {
  it('names the head of the file it wrote, not the head before the copy', async () => {
    const { db, path, alice } = openDesk()
    createDraft(db, alice, lppDeal())
    const out = join(tempDir(), 'backup.sqlite')
    const before = auditCount(db)
    const other = openLedger(path)
    const backingUp = backupTo(db, alice, out)
    // Lands after backupTo has started (it is waiting on the copy), before the copy is done.
    writeTransaction(other, () => appendAudit(other, 'bob', { operation: 'test.during', entity: 'test' }))
    const result = await backingUp
    other.close()
    const copy = new Database(out, { readonly: true })
    expect(result.headHash).toBe(headHash(copy))
    expect(auditCount(copy)).toBe(before + 1) // with the event written during the copy
    copy.close()
    expect(verifyAuditChain(db).ok).toBe(true)
    db.close()
  })
})
