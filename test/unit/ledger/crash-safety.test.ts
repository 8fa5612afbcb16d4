import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../../electron/db/audit'
import { openLedger } from '../../../electron/db/ledger'
import { createDraft } from '../../../electron/db/projects'
import { tempLedgerPath } from '../helpers/temp-ledger'

/**
 * Crash safety of the import: a child process imports a generated book through the core's
 * `importBook` and is SIGKILLed part-way. Afterwards the ledger must pass SQLite's integrity check,
 * keep its audit chain, and hold the whole import or none of it (never a prefix).
 *
 * How we know the kill lands inside the import transaction: the parent holds a second connection
 * and probes with `BEGIN IMMEDIATE` (busy timeout 0). SQLITE_BUSY means another connection holds
 * the write lock, i.e. the child's import transaction has started writing and has not committed.
 * The probe runs right before each kill, and the test fails if the lock was not held then.
 */

const repoRoot = resolve(import.meta.dirname, '../../..')
const CHILD = 'test/fixtures/ledger/crash-import-child.ts'
const DEALS = 5000

interface Child {
  lines: string[]
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Throws, with what the child said, once it has exited: a probe loop must not outlive it. */
  checkAlive(): void
  waitFor(prefix: string): Promise<number>
  kill(): void
}

function startImport(path: string): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path, String(DEALS)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  let stderr = ''
  let buffer = ''
  const waiters: Array<{ prefix: string; done: (at: number) => void }> = []
  child.stdout.on('data', (d: Buffer) => {
    buffer += d.toString()
    let nl: number
    while ((nl = buffer.indexOf('\n')) !== -1) {
      const line = buffer.slice(0, nl)
      buffer = buffer.slice(nl + 1)
      lines.push(line)
      for (const w of waiters.filter((w) => line.startsWith(w.prefix))) w.done(performance.now())
    }
  })
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  let exited: string | null = null
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => {
      exited = String(code ?? signal)
      done({ code, signal })
    }),
  )
  return {
    lines,
    exit,
    checkAlive: () => {
      if (exited !== null) throw new Error(`child exited (${exited})\n${lines.join('\n')}\n${stderr}`)
    },
    waitFor: (prefix) =>
      new Promise((done, fail) => {
        waiters.push({ prefix, done })
        void exit.then(({ code, signal }) =>
          fail(
            new Error(`child exited (${code ?? signal}) before "${prefix}"\n${lines.join('\n')}\n${stderr}`),
          ),
        )
      }),
    kill: () => child.kill('SIGKILL'),
  }
}

/** True when another connection holds the ledger's write lock (an open write transaction). */
function writeLocked(probe: Database.Database): boolean {
  try {
    probe.exec('BEGIN IMMEDIATE')
    probe.exec('ROLLBACK')
    return false
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true
    throw error
  }
}

/** A ledger that already holds one of the desk's own deals, which must survive whatever happens. */
function ledgerWithOneDeal(): string {
  const path = tempLedgerPath()
  const db = openLedger(path)
  createDraft(db, 'desk.officer', {
    id: 'OWN-1',
    name: 'Own deal',
    consignee: 'Own Consignee',
    plannedDate: '2026-03-02',
    destination: 'IN',
    lines: [{ chip: 'H100', quantity: 8 }],
  })
  db.close()
  return path
}

function inspect(path: string): { integrity: string; projects: number; chainOk: boolean } {
  const db = openLedger(path)
  try {
    const integrity = (db.pragma('integrity_check', { simple: false }) as Array<{ integrity_check: string }>)
      .map((r) => r.integrity_check)
      .join('; ')
    return {
      integrity,
      projects: db.prepare('SELECT count(*) FROM project').pluck().get() as number,
      chainOk: verifyAuditChain(db).ok,
    }
  } finally {
    db.close()
  }
}

describe('import crash safety (SIGKILL during the import transaction)', () => {
  // The control run: the same import, not killed, gives the whole book and how long the transaction lasts.
  let transactionMs = 0
  const outcomes: Array<'none' | 'whole'> = []

  it('imports the whole book when not interrupted (control run)', async () => {
    const path = ledgerWithOneDeal()
    const child = startImport(path)
    await child.waitFor('ready')
    const probe = new Database(path, { timeout: 0 })
    let started = 0
    while (!started) {
      if (writeLocked(probe)) started = performance.now()
      else {
        child.checkAlive()
        await sleep(2)
      }
    }
    probe.close()
    const committed = await child.waitFor('imported')
    transactionMs = committed - started
    expect(await child.exit).toEqual({ code: 0, signal: null })
    expect(child.lines.at(-1)).toBe(`imported ${DEALS} errors 0`)
    expect(inspect(path)).toEqual({ integrity: 'ok', projects: DEALS + 1, chainOk: true })
  }, 180_000)

  // Kill points as fractions of the transaction's length (0 = at its first write), so they stay
  // inside it however fast the import gets. Kept early: the control run's length is measured under
  // whatever load the machine has, and a later kill point could fall after the commit on a busier run.
  it.each([0, 0.1, 0.3])(
    'leaves the ledger intact, with all of the import or none of it, when killed at %s of the transaction',
    async (fraction) => {
      expect(transactionMs, 'the control run must run first').toBeGreaterThan(0)
      const path = ledgerWithOneDeal()
      const child = startImport(path)
      await child.waitFor('ready')
      const probe = new Database(path, { timeout: 0 })
      while (!writeLocked(probe)) {
        child.checkAlive()
        await sleep(2)
      }
      await sleep(fraction * transactionMs)
      const lockedAtKill = writeLocked(probe)
      probe.close()
      child.kill()
      const exit = await child.exit
      expect(lockedAtKill, 'the import transaction was open when the kill was sent').toBe(true)
      expect(exit.signal).toBe('SIGKILL')
      expect(child.lines.some((l) => l.startsWith('imported'))).toBe(false)
      const after = inspect(path)
      expect({ integrity: after.integrity, chainOk: after.chainOk }).toEqual({
        integrity: 'ok',
        chainOk: true,
      })
      // All or nothing. A kill that lands while COMMIT is being written may leave the whole import
      // (the commit record reached the WAL before the process died) — never a part of it. At the first
      // write (fraction 0) nothing can have been committed, so there it must be none.
      if (fraction === 0) expect(after.projects).toBe(1)
      else expect([1, DEALS + 1]).toContain(after.projects)
      outcomes.push(after.projects === 1 ? 'none' : 'whole')
    },
    180_000,
  )

  it('rolled back at least one import killed mid-transaction', () => {
    expect(outcomes).toContain('none')
  })
})
