import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateBook } from '../../../bench/rules'
import { importBook } from '../../../electron/db/interchange'
import { openLedger } from '../../../electron/db/ledger'
import { createDraft } from '../../../electron/db/projects'
import { writeMarking } from '../../../electron/reports/header'
import { tempLedgerPath } from '../helpers/temp-ledger'

/**
 * Another connection (the import thread, the CLI, a second window) may hold the ledger's write lock
 * for a moment. A user action that starts then must wait for it (the busy timeout), not fail: SQLite
 * answers SQLITE_BUSY at once, without waiting, to a transaction that read first and then tries to
 * write, so every write transaction must begin IMMEDIATE.
 */

const repoRoot = resolve(import.meta.dirname, '../../..')
// Long enough that the action surely starts inside the hold (its first call, with modules to warm,
// runs once on another ledger first), well inside the ledger's 5 s busy timeout.
const HOLD_MS = 1500

/** A second process that takes the write lock, says so, and lets go after `HOLD_MS`. */
async function holdWriteLock(path: string): Promise<{ released: Promise<number | null> }> {
  const script = `
    const Database = require('better-sqlite3')
    const db = new Database(process.argv[1])
    db.exec('BEGIN IMMEDIATE')
    process.stdout.write('locked\\n')
    setTimeout(() => { db.exec('ROLLBACK'); db.close(); process.exit(0) }, ${HOLD_MS})
  `
  const child = spawn(process.execPath, ['-e', script, path], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exit = new Promise<number | null>((done) => child.once('exit', done))
  await new Promise<void>((done, fail) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && done())
    void exit.then((code) => fail(new Error(`the lock holder exited (${code}) before taking the lock`)))
  })
  // Wrapped: an async function returning the bare promise would wait for it (for the release).
  return { released: exit }
}

describe('a user action while another connection writes', () => {
  it('an import waits for the write lock and then imports the whole book', async () => {
    const book = JSON.stringify(generateBook(20))
    const warm = openLedger(tempLedgerPath())
    importBook(warm, book, 'desk.officer')
    warm.close()
    const path = tempLedgerPath()
    const db = openLedger(path)
    const { released } = await holdWriteLock(path)
    const result = importBook(db, book, 'desk.officer')
    expect(result.errors ?? []).toEqual([])
    expect(result.imported).toBe(20)
    expect(await released).toBe(0)
    db.close()
  })

  it('a new draft and a marking change wait for it too', async () => {
    const draft = {
      id: 'LOCK-1',
      name: 'Waits for the lock',
      consignee: 'Consignee',
      plannedDate: '2026-03-02',
      destination: 'IN',
      lines: [{ chip: 'H100', quantity: 8 }],
    }
    const warm = openLedger(tempLedgerPath())
    createDraft(warm, 'desk.officer', draft)
    writeMarking(warm, 'desk.officer', 'WARM')
    warm.close()
    const path = tempLedgerPath()
    const db = openLedger(path)
    let { released } = await holdWriteLock(path)
    createDraft(db, 'desk.officer', draft)
    expect(await released).toBe(0)
    released = (await holdWriteLock(path)).released
    expect(writeMarking(db, 'desk.officer', 'CONFIDENTIAL - EXPORT DESK').marking).toBe(
      'CONFIDENTIAL - EXPORT DESK',
    )
    expect(await released).toBe(0)
    expect(db.prepare('SELECT count(*) FROM project').pluck().get()).toBe(1)
    db.close()
  })
})
