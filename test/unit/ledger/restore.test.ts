import Database from 'better-sqlite3'
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../../electron/db/audit'
import { headroomOf, HEADROOM_QUERY_BY_KIND } from '../../../electron/db/capacity'
import { openLedger } from '../../../electron/db/ledger'
import { createDraft, listProjects, transition } from '../../../electron/db/projects'
import { backupTo, checkBackup, copyAsChecked, restoreLedger } from '../../../electron/db/restore'
import { openSession } from '../../../electron/core/session'
import { tempDir } from '../helpers/temp-ledger'
import { lppDeal, openDesk } from './helpers'

describe('backup and restore', () => {
  it('restores a good backup in place of the open ledger and refuses a truncated one', async () => {
    const { db, path, alice } = openDesk()
    const p = createDraft(db, alice, lppDeal())
    transition(db, alice, { id: p.id, to: 'in_review' })
    const dir = tempDir()
    const backup = join(dir, 'backup.sqlite')
    const made = await backupTo(db, alice, backup)
    expect(made.headHash).toMatch(/^[0-9a-f]{64}$/)
    createDraft(db, alice, lppDeal({ name: 'after the backup' }))
    expect(listProjects(db).total).toBe(2)

    const truncated = join(dir, 'truncated.sqlite')
    const bytes = readFileSync(backup)
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)))
    expect(() => checkBackup(truncated)).toThrow(expect.objectContaining({ code: 'corrupt' }))
    const garbage = join(dir, 'garbage.sqlite')
    writeFileSync(garbage, 'not a database at all')
    expect(() => checkBackup(garbage)).toThrow(expect.objectContaining({ code: 'corrupt' }))
    expect(() => restoreLedger(db, path, truncated, alice)).toThrow(
      expect.objectContaining({ code: 'corrupt' }),
    )
    expect(listProjects(db).total).toBe(2) // the open ledger is untouched

    const { db: restored, result } = restoreLedger(db, path, backup, alice)
    expect(listProjects(restored).total).toBe(1)
    expect(verifyAuditChain(restored).ok).toBe(true)
    expect(result.previousPath).toContain('.before-restore-')
    expect(
      openLedger(result.previousPath, { readonly: true })
        .prepare('SELECT count(*) FROM project')
        .pluck()
        .get(),
    ).toBe(2)
    restored.close()
  })

  it('refuses a backup whose audit chain was tampered with', async () => {
    const { db, alice } = openDesk()
    createDraft(db, alice, lppDeal())
    const backup = join(tempDir(), 'b.sqlite')
    await backupTo(db, alice, backup)
    db.close()
    const t = openLedger(backup)
    t.exec("DROP TRIGGER audit_event_no_update; UPDATE audit_event SET actor = 'mallory' WHERE id = 2;")
    t.close()
    expect(() => checkBackup(backup)).toThrow(/broken audit chain/)
    // The reason's own full stop is not doubled before the closing sentence.
    expect(() => checkBackup(backup)).toThrow(
      /no longer matches its hash\. The current ledger was not touched\.$/,
    )
  })

  it('refuses a backup whose stored determination body was damaged on disk, naming the row', async () => {
    const { db, path, alice } = openDesk()
    const p = createDraft(db, alice, lppDeal())
    transition(db, alice, { id: p.id, to: 'in_review' }) // stores the determination shown at submission
    const backup = join(tempDir(), 'b.sqlite')
    await backupTo(db, alice, backup)
    garbleDeterminationBody(backup)
    const before = listProjects(db).total
    // The damage breaks the table's json_valid CHECK, which a read-only integrity_check cannot see.
    expect(() => checkBackup(backup)).toThrow(
      expect.objectContaining({
        code: 'corrupt',
        message: expect.stringMatching(
          new RegExp(
            `is damaged \\(CHECK constraint failed in determination: row \\d+ \\(deal ${p.id}\\)\\)`,
          ),
        ),
      }),
    )
    expect(() => restoreLedger(db, path, backup, alice)).toThrow(/CHECK constraint failed in determination/)
    expect(listProjects(db).total).toBe(before) // the live ledger is still open and untouched
    expect(verifyAuditChain(db).ok).toBe(true)
    db.close()
  })

  it('refuses a backup whose capacity totals drifted, naming three buckets and counting the rest', async () => {
    const { db, alice } = openDesk()
    for (let i = 1; i <= 5; i++) {
      const p = createDraft(db, alice, lppDeal({ name: `deal ${i}`, consignee: `Consignee ${i}` }))
      transition(db, alice, { id: p.id, to: 'in_review' }) // reserves against the consignee's LPP year
    }
    const backup = join(tempDir(), 'b.sqlite')
    await backupTo(db, alice, backup)
    db.close()
    const t = openLedger(backup)
    expect(
      t.prepare("UPDATE capacity_bucket SET reserved = reserved + 1 WHERE kind = 'lpp'").run().changes,
    ).toBe(5)
    t.close()
    expect(() => checkBackup(backup)).toThrow(
      /has capacity totals that do not match their entries \(lpp:[^,]+, lpp:[^,]+, lpp:[^,]+ and 2 more\)/,
    )
  })

  it('refuses a backup whose units totals drifted though its TPP totals match', async () => {
    const { db, alice } = openDesk()
    const p = createDraft(db, alice, lppDeal())
    transition(db, alice, { id: p.id, to: 'in_review' })
    const backup = join(tempDir(), 'b.sqlite')
    await backupTo(db, alice, backup)
    db.close()
    const t = openLedger(backup)
    // A licence's remaining units come from these totals; TPP left as it is.
    t.prepare("UPDATE capacity_bucket SET reserved_units = reserved_units + 5 WHERE kind = 'lpp'").run()
    t.close()
    expect(() => checkBackup(backup)).toThrow(/has capacity totals that do not match their entries \(lpp:/)
  })

  it('restores a ledger still in use whose deals are only in its -wal, exactly as checked', () => {
    const { db, path, alice } = openDesk()
    createDraft(db, alice, lppDeal({ name: 'the live ledger’s own' }))
    // Another desk's ledger, open and never checkpointed: its deals are in in-use.sqlite-wal.
    const dir = tempDir()
    const sourcePath = join(dir, 'in-use.sqlite')
    const source = openLedger(sourcePath)
    source.pragma('wal_autocheckpoint = 0')
    for (let i = 1; i <= 3; i++) createDraft(source, alice, lppDeal({ name: `in the WAL ${i}` }))
    const submitted = listProjects(source).rows[0]!.id
    transition(source, alice, { id: submitted, to: 'in_review' })
    expect(existsSync(`${sourcePath}-wal`)).toBe(true)
    expect(dealsInMainFileAlone(sourcePath, join(dir, 'main-only.sqlite'))).toBe(0)

    const checked = checkBackup(sourcePath)
    const { db: restored, result } = restoreLedger(db, path, sourcePath, alice)
    expect(listProjects(restored).rows.map((r) => [r.name, r.status])).toEqual(
      listProjects(source).rows.map((r) => [r.name, r.status]),
    )
    expect(listProjects(restored).total).toBe(3)
    // The installed chain is the checked one, with the restore appended to it.
    expect(verifyAuditChain(restored).ok).toBe(true)
    expect(result.events).toBe(checked.events + 1)
    const restore = restored
      .prepare('SELECT operation, after, prev_hash FROM audit_event ORDER BY id DESC LIMIT 1')
      .get() as { operation: string; after: string; prev_hash: string }
    expect(restore).toMatchObject({ operation: 'ledger.restore', prev_hash: checked.headHash })
    expect(JSON.parse(restore.after)).toMatchObject({ headHash: checked.headHash })
    // The source is left as it was, still open and writable by its desk.
    expect(existsSync(`${sourcePath}-wal`)).toBe(true)
    createDraft(source, alice, lppDeal({ name: 'after the restore' }))
    expect(listProjects(source).total).toBe(4)
    source.close()
    restored.close()
  })

  it('installs nothing when the backup changed between its check and its copy', () => {
    const { db, path, alice } = openDesk()
    createDraft(db, alice, lppDeal({ name: 'live' }))
    const dir = tempDir()
    const sourcePath = join(dir, 'in-use.sqlite')
    const source = openLedger(sourcePath)
    createDraft(source, alice, lppDeal({ name: 'checked' }))
    const checked = checkBackup(sourcePath)
    // Its desk goes on working after the check: the file now holds more than was checked.
    createDraft(source, alice, lppDeal({ name: 'written after the check' }))
    const copy = `${path}.restore-tmp`
    expect(() => copyAsChecked(sourcePath, copy, checked)).toThrow(
      expect.objectContaining({
        code: 'conflict',
        message: expect.stringMatching(
          /^Restore refused: .*in-use\.sqlite changed while it was being restored \(\d+ audit events .* were checked\)\. Close whatever has it open and restore again; the current ledger was not touched\.$/,
        ),
      }),
    )
    expect(existsSync(copy)).toBe(false)
    expect(listProjects(db).rows.map((r) => r.name)).toEqual(['live'])
    source.close()
    db.close()
  })

  it('refuses the ledger itself as the backup to restore', () => {
    const { db, path, alice } = openDesk()
    createDraft(db, alice, lppDeal())
    expect(() => restoreLedger(db, path, path, alice)).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        message: expect.stringContaining('is the ledger itself'),
      }),
    )
    expect(listProjects(db).total).toBe(1) // the handle was not closed, nothing was moved
    db.close()
  })

  it('swaps the session handle on ledger.restore through the contract', async () => {
    const dir = tempDir()
    const session = openSession({ ledgerPath: join(dir, 'ledger.sqlite'), host: 'test', actor: 'alice' })
    await session.dispatch('projects.createDraft', lppDeal())
    const backup = join(dir, 'b.sqlite')
    expect((await session.dispatch('ledger.backup', { path: backup })).ok).toBe(true)
    await session.dispatch('projects.createDraft', lppDeal({ name: 'later' }))
    const r = await session.dispatch('ledger.restore', { path: backup })
    expect(r.ok).toBe(true)
    const list = await session.dispatch('projects.list', {})
    expect(list.ok && (list.value as { total: number }).total).toBe(1)
    session.close()
  })
})

describe('headroom reads running totals', () => {
  it('looks a bucket up by primary key and lists by kind through an index (no scan of entries)', () => {
    const { db } = openDesk()
    const plan = (sql: string, ...args: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join(' | ')
    expect(plan('SELECT * FROM capacity_bucket WHERE bucket = ?', 'country:IN')).toMatch(
      /SEARCH capacity_bucket USING INDEX sqlite_autoindex_capacity_bucket_1 \(bucket=\?\)/,
    )
    expect(plan(HEADROOM_QUERY_BY_KIND, 'lpp')).toMatch(
      /SEARCH capacity_bucket USING INDEX capacity_bucket_kind \(kind=\?\)/,
    )
    expect(plan(HEADROOM_QUERY_BY_KIND, 'lpp')).not.toMatch(/capacity_entry/)
    expect(headroomOf(db, 'country:IN')).toBeUndefined()
    db.close()
  })
})

/**
 * How many deals a copy of `file`'s main file alone holds, without its -wal: what copying the file's
 * bytes would install (0 when not even the tables have been checkpointed into it yet).
 */
function dealsInMainFileAlone(file: string, copy: string): number {
  copyFileSync(file, copy)
  const reader = new Database(copy, { readonly: true })
  try {
    const hasTable = reader.prepare("SELECT 1 FROM sqlite_master WHERE name = 'project'").get()
    return hasTable ? (reader.prepare('SELECT count(*) FROM project').pluck().get() as number) : 0
  } finally {
    reader.close()
  }
}

/** Overwrites 16 bytes inside the stored determination's JSON body in the file, as a disk fault would. */
function garbleDeterminationBody(file: string): void {
  const reader = openLedger(file, { readonly: true })
  const body = reader.prepare('SELECT body FROM determination ORDER BY id LIMIT 1').pluck().get() as string
  reader.close()
  const bytes = readFileSync(file)
  const probe = Buffer.from(body.slice(20, 60))
  const at = bytes.indexOf(probe)
  expect(at, 'the body is stored in the file').toBeGreaterThan(0)
  bytes.fill('X', at + 10, at + 26)
  writeFileSync(file, bytes)
}
