import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { generateBook } from '../../../bench/rules'
import { openSession, type Session } from '../../../electron/core/session'
import { verifyAuditChain } from '../../../electron/db/audit'
import { importBook } from '../../../electron/db/interchange'
import type { Ledger } from '../../../electron/db/ledger'
import { jobsFor, jobWorkerEntry } from '../../../electron/jobs/job-runner'
import { outcomeOf, throttled, type JobProgress } from '../../../electron/jobs/run-job'
import type { JobStatus } from '../../../shared/ipc/ops/jobs'
import { AppError, type Result } from '../../../shared/ipc/result'
import { tempDir, tempLedgerPath } from '../helpers/temp-ledger'
import { frozenClock } from '../ledger/helpers'

const sessions: Session[] = []
afterEach(async () => {
  // A job still running would hold its worker (and its connection to a file about to be removed).
  for (const s of sessions.splice(0)) {
    await jobsFor(s.context).shutdown()
    s.close()
  }
})

/**
 * `jobPaceMs` slows a job down (a wait at each progress step, cut short by cancel) so a test that
 * cancels mid-way finds it still running however fast the machine is.
 */
function open(ledgerPath = tempLedgerPath(), jobPaceMs?: number): Session {
  const session = openSession({ ledgerPath, host: 'test', actor: 'alice', now: frozenClock(), jobPaceMs })
  sessions.push(session)
  return session
}

const value = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as T
}

/** Row count of every table, to show a cancelled job wrote nothing anywhere (one query: one snapshot). */
function rowCounts(db: Ledger): Array<{ name: string; n: number }> {
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[]
  const sql = names.map((t) => `SELECT '${t}' AS name, count(*) AS n FROM "${t}"`).join(' UNION ALL ')
  return db.prepare(sql).all() as Array<{ name: string; n: number }>
}

async function start(session: Session, input: unknown): Promise<string> {
  return value<{ jobId: string }>(await session.dispatch('jobs.start', input)).jobId
}

async function status(session: Session, jobId: string): Promise<JobStatus> {
  return value<JobStatus>(await session.dispatch('jobs.status', { jobId }))
}

/** Polls a job (as the window does) until `until` holds or it ends; every status seen, in order. */
async function watch(
  session: Session,
  jobId: string,
  until: (s: JobStatus) => boolean = () => false,
): Promise<JobStatus[]> {
  const seen: JobStatus[] = []
  for (;;) {
    const s = await status(session, jobId)
    seen.push(s)
    if (s.state !== 'running' || until(s)) return seen
    await new Promise((r) => setTimeout(r, 5))
  }
}

const bookText = (n: number, seed?: number) => JSON.stringify(generateBook(n, seed))
const PHASES = ['starting', 'checking', 'writing', 'evaluating', 'committing']

function expectMonotonic(seen: JobStatus[]) {
  for (let i = 1; i < seen.length; i++) {
    const [a, b] = [seen[i - 1]!, seen[i]!]
    expect(PHASES.indexOf(b.phase)).toBeGreaterThanOrEqual(PHASES.indexOf(a.phase))
    if (a.phase === b.phase) expect(b.done).toBeGreaterThanOrEqual(a.done)
  }
}

describe('background import job (worker thread)', () => {
  it('imports a book, reporting monotonic progress, and the window connection sees it at once', async () => {
    const session = open()
    const jobId = await start(session, { kind: 'import', format: 'json', text: bookText(3_000) })
    const seen = await watch(session, jobId)
    const final = seen.at(-1)!
    expect(final).toMatchObject({ kind: 'import', state: 'done', done: 3_000, total: 3_000 })
    expect(final.kind === 'import' && final.result).toMatchObject({ imported: 3_000 })
    expect(final.finishedAt).not.toBeNull()
    expectMonotonic(seen)
    expect(seen.some((s) => s.phase === 'writing' && s.done > 0 && s.done < 3_000)).toBe(true)
    const page = value<{ total: number }>(await session.dispatch('projects.list', { limit: 1 }))
    expect(page.total).toBe(3_000)
    expect(verifyAuditChain(session.ledger).ok).toBe(true)
  }, 120_000)

  it('cancelled half way leaves every table as it was; meanwhile writes are refused and reads work', async () => {
    const session = open(tempLedgerPath(), 20)
    const draft = {
      name: 'Refused while importing',
      consignee: 'Acme',
      plannedDate: '2025-06-01',
      lines: [{ chip: 'H100', quantity: 1 }],
    }
    for (let i = 0; i < 3; i++) value(await session.dispatch('projects.createDraft', draft))
    const before = rowCounts(session.ledger)
    const fingerprint = value<{ headHash: string }>(await session.dispatch('ledger.fingerprint', {}))

    const jobId = await start(session, { kind: 'import', format: 'json', text: bookText(20_000) })
    const seen = await watch(session, jobId, (s) => s.phase === 'writing' && s.done >= 1_000)
    expect(seen.at(-1)!.state).toBe('running')
    // A window that did not start it (a reload) finds it.
    expect(value<JobStatus | null>(await session.dispatch('jobs.current', {}))).toMatchObject({
      id: jobId,
      kind: 'import',
      state: 'running',
    })

    // Reads go on from the window's connection while the worker writes…
    const page = value<{ total: number }>(await session.dispatch('projects.list', { limit: 5 }))
    expect(page.total).toBe(3)
    expect(value<{ headHash: string }>(await session.dispatch('ledger.fingerprint', {}))).toEqual(fingerprint)
    // …and every write is refused, a second job included.
    const refused = await session.dispatch('projects.createDraft', draft)
    expect(refused).toEqual({
      ok: false,
      error: { code: 'busy', message: 'An import is running: wait for it to finish or cancel it.' },
    })
    const second = await session.dispatch('jobs.start', { kind: 'reevaluate', packId: 'auto' })
    expect(!second.ok && second.error.code).toBe('busy')
    // The ledger file's own actions too: a restore would swap the file under the import's connection.
    for (const [op, input] of [
      ['ledger.restore', { path: '/nonexistent/backup.sqlite' }],
      ['ledger.backup', {}],
      ['ledger.removeSample', {}],
    ] as const) {
      const r = await session.dispatch(op, input)
      expect(!r.ok && r.error.code, op).toBe('busy')
    }

    const cancelling = value<JobStatus>(await session.dispatch('jobs.cancel', { jobId }))
    expect(cancelling.cancelRequested).toBe(true)
    const final = await jobsFor(session.context).ended(jobId)
    expect(final.state).toBe('cancelled')
    expect(final.result).toBeUndefined()
    expect(value<JobStatus | null>(await session.dispatch('jobs.current', {}))).toBeNull()
    expectMonotonic([...seen, final])

    expect(rowCounts(session.ledger)).toEqual(before)
    expect(verifyAuditChain(session.ledger).ok).toBe(true)
    expect(value<{ headHash: string }>(await session.dispatch('ledger.fingerprint', {}))).toEqual(fingerprint)
    // Writes are accepted again once the job has ended.
    const created = value<{ id: string }>(await session.dispatch('projects.createDraft', draft))
    expect(created.id).toMatch(/^D-/)
  }, 120_000)

  it('closing the session stops a running import: the ledger reopens as it was', async () => {
    const path = tempLedgerPath()
    const session = openSession({
      ledgerPath: path,
      host: 'test',
      actor: 'alice',
      now: frozenClock(),
      jobPaceMs: 20,
    })
    const before = rowCounts(session.ledger)
    const jobId = await start(session, { kind: 'import', format: 'json', text: bookText(20_000) })
    await watch(session, jobId, (s) => s.phase === 'writing' && s.done >= 500)
    session.close()
    expect((await jobsFor(session.context).ended(jobId)).state).toBe('cancelled')
    const reopened = open(path)
    expect(rowCounts(reopened.ledger)).toEqual(before)
    expect(verifyAuditChain(reopened.ledger).ok).toBe(true)
  }, 120_000)

  it('paced, a job waits at each step, and a cancel wakes it at once', async () => {
    // Steps of 10 s: unwoken, the cancel would be seen only after the test's timeout.
    const session = open(tempLedgerPath(), 10_000)
    const jobId = await start(session, { kind: 'import', format: 'json', text: bookText(20_000) })
    const seen = await watch(session, jobId, (s) => s.phase === 'checking')
    expect(seen.at(-1)).toMatchObject({ state: 'running', phase: 'checking' })
    value(await session.dispatch('jobs.cancel', { jobId }))
    expect((await jobsFor(session.context).ended(jobId)).state).toBe('cancelled')
  }, 8_000)

  it('answers a book with errors as a normal result listing them, and writes nothing', async () => {
    const session = open()
    const before = rowCounts(session.ledger)
    const jobId = await start(session, {
      kind: 'import',
      format: 'json',
      text: JSON.stringify({ deals: [{ id: 'X', date: 'soon', consignee: 'A', lines: [] }] }),
    })
    const final = await jobsFor(session.context).ended(jobId)
    expect(final.state).toBe('done')
    expect(final.kind === 'import' && final.result?.errors?.length).toBeGreaterThan(0)
    expect(rowCounts(session.ledger)).toEqual(before)
  }, 60_000)

  it('fails with the AppError code and message when the job cannot run', async () => {
    const session = open()
    const jobId = await start(session, { kind: 'reevaluate', packId: 'no-such-pack' })
    const final = await jobsFor(session.context).ended(jobId)
    expect(final).toMatchObject({ state: 'failed', error: { code: 'not_found' } })
    expect(final.error?.message).toContain('no-such-pack')
  }, 60_000)

  it('says which job is unknown', async () => {
    const session = open()
    const r = await session.dispatch('jobs.status', { jobId: 'job-99' })
    expect(!r.ok && r.error.code).toBe('not_found')
  })
})

describe('re-evaluating the book (job)', () => {
  const stages = (db: Ledger, stage: string) =>
    db.prepare('SELECT count(*) FROM determination WHERE stage = ?').pluck().get(stage) as number
  const capacityEntries = (db: Ledger) =>
    db.prepare('SELECT count(*) FROM capacity_entry').pluck().get() as number

  it('changes outcomes when the pack changes, stores a determination only for those, never moves capacity', async () => {
    const session = open()
    importBook(session.ledger, bookText(1_500, 3), 'alice')
    const entries = capacityEntries(session.ledger)
    const outcomeOf = (id: string) =>
      session.ledger.prepare('SELECT outcome, eval_pack_id FROM project WHERE id = ?').get(id) as {
        outcome: string
        eval_pack_id: string
      }

    const jobId = await start(session, { kind: 'reevaluate', packId: 'us-ai-diffusion-2025' })
    const seen = await watch(session, jobId)
    expectMonotonic(seen)
    const final = seen.at(-1)!
    expect(final.state).toBe('done')
    if (final.kind !== 'reevaluate' || !final.result) throw new Error('no result')
    const r = final.result
    const open_ = session.ledger
      .prepare("SELECT count(*) FROM project WHERE status NOT IN ('closed', 'rejected', 'cancelled')")
      .pluck()
      .get() as number
    expect(r.evaluated + r.skipped).toBe(open_)
    expect(r.changed).toBeGreaterThan(0)
    expect(Object.values(r.byOutcome).reduce((a, b) => a + b, 0)).toBe(r.evaluated)
    expect(Object.values(r.transitions).reduce((a, b) => a + b, 0)).toBe(r.changed)
    expect(stages(session.ledger, 'reevaluation')).toBe(r.changed)
    expect(capacityEntries(session.ledger)).toBe(entries)
    const someone = session.ledger.prepare('SELECT id FROM project LIMIT 1').pluck().get() as string
    expect(outcomeOf(someone).eval_pack_id).toBe('us-ai-diffusion-2025')
    const audit = session.ledger
      .prepare("SELECT after, pack_id FROM audit_event WHERE operation = 'ledger.reevaluate'")
      .all() as Array<{ after: string; pack_id: string }>
    expect(audit).toHaveLength(1)
    expect(audit[0]!.pack_id).toBe('us-ai-diffusion-2025')
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ evaluated: r.evaluated, changed: r.changed })
    expect(verifyAuditChain(session.ledger).ok).toBe(true)

    // The same pack again: the stored outcomes are its own, so nothing changes.
    const again = await jobsFor(session.context).ended(
      await start(session, { kind: 'reevaluate', packId: 'us-ai-diffusion-2025' }),
    )
    expect(again.kind === 'reevaluate' && again.result).toMatchObject({ evaluated: r.evaluated, changed: 0 })
    expect(stages(session.ledger, 'reevaluation')).toBe(r.changed)

    // Another pack changes them back in part.
    const other = await jobsFor(session.context).ended(
      await start(session, { kind: 'reevaluate', packId: 'us-advanced-computing-2025-05' }),
    )
    expect(other.kind === 'reevaluate' && other.result!.changed).toBeGreaterThan(0)
    expect(capacityEntries(session.ledger)).toBe(entries)
  }, 120_000)

  it('writes nothing when cancelled, half way or before it starts', async () => {
    const session = open(tempLedgerPath(), 20)
    importBook(session.ledger, bookText(6_000, 5), 'alice')
    const before = rowCounts(session.ledger)
    const summaries = () =>
      session.ledger.prepare('SELECT id, outcome, eval_pack_id, headroom_remaining FROM project').all()
    const stored = summaries()

    const jobId = await start(session, { kind: 'reevaluate', packId: 'us-ai-diffusion-2025' })
    await watch(session, jobId, (s) => s.phase === 'evaluating' && s.done >= 250)
    await session.dispatch('jobs.cancel', { jobId })
    expect((await jobsFor(session.context).ended(jobId)).state).toBe('cancelled')

    const early = await start(session, { kind: 'reevaluate', packId: 'us-ai-diffusion-2025' })
    await session.dispatch('jobs.cancel', { jobId: early })
    expect((await jobsFor(session.context).ended(early)).state).toBe('cancelled')

    expect(rowCounts(session.ledger)).toEqual(before)
    expect(summaries()).toEqual(stored)
    expect(verifyAuditChain(session.ledger).ok).toBe(true)
  }, 120_000)

  it('runs in-process on a :memory: ledger, with progress recorded', async () => {
    const session = open(':memory:')
    importBook(session.ledger, bookText(600, 9), 'alice')
    const jobId = await start(session, { kind: 'reevaluate', packId: 'us-ai-diffusion-2025' })
    // `jobs.start` answers before the work begins.
    expect((await status(session, jobId)).state).toBe('running')
    const final = await jobsFor(session.context).ended(jobId)
    expect(final).toMatchObject({ state: 'done', phase: 'committing', done: final.total })
    expect(final.kind === 'reevaluate' && final.result!.evaluated).toBeGreaterThan(0)
    const refusedLater = await session.dispatch('jobs.status', { jobId })
    expect(refusedLater.ok).toBe(true)
  }, 60_000)
})

describe('job plumbing', () => {
  it('sends progress at most every interval, and every phase change at once', () => {
    let now = 0
    const sent: JobProgress[] = []
    const send = throttled(
      (p) => sent.push(p),
      100,
      () => now,
    )
    send({ phase: 'checking', done: 0, total: 10 })
    send({ phase: 'writing', done: 0, total: 10 })
    now = 50
    send({ phase: 'writing', done: 5, total: 10 })
    now = 120
    send({ phase: 'writing', done: 8, total: 10 })
    now = 121
    send({ phase: 'committing', done: 10, total: 10 })
    expect(sent.map((p) => `${p.phase}:${p.done}`)).toEqual([
      'checking:0',
      'writing:0',
      'writing:8',
      'committing:10',
    ])
  })

  it('finds the built worker beside the bundle, else the source under tsx', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'chunks'))
    const bundle = pathToFileURL(join(dir, 'index.js')).href
    expect(() => jobWorkerEntry(bundle)).toThrow(/worker is missing/)
    writeFileSync(join(dir, 'job-worker.ts'), '')
    expect(jobWorkerEntry(bundle)).toEqual({ url: new URL('./job-worker.ts', bundle), fromSource: true })
    writeFileSync(join(dir, 'job-worker.js'), '')
    expect(jobWorkerEntry(bundle)).toEqual({ url: new URL('./job-worker.js', bundle), fromSource: false })
    // From a shared chunk, one folder down.
    expect(jobWorkerEntry(pathToFileURL(join(dir, 'chunks', 'x.js')).href)).toEqual({
      url: new URL('./job-worker.js', bundle),
      fromSource: false,
    })
  })
})

describe('how a job ends', () => {
  it('answers an AppError as it is, a zod error as invalid input naming its fields, anything else as internal', () => {
    const logged: string[] = []
    const log = (m: string) => void logged.push(m)
    const zodError = z.object({ packId: z.string() }).safeParse({ packId: 7 }).error!
    expect(
      outcomeOf(
        'reevaluate',
        () => {
          throw zodError
        },
        log,
      ),
    ).toMatchObject({ type: 'failed', error: { code: 'invalid_input', fields: [{ path: 'packId' }] } })
    expect(
      outcomeOf(
        'import',
        () => {
          throw new AppError('conflict', 'taken')
        },
        log,
      ),
    ).toEqual({ type: 'failed', error: { code: 'conflict', message: 'taken' } })
    expect(
      outcomeOf(
        'import',
        () => {
          throw new Error('disk on fire')
        },
        log,
      ),
    ).toEqual({
      type: 'failed',
      error: { code: 'internal', message: 'Internal error in the import job; the ledger was not changed.' },
    })
    expect(logged).toEqual(['the import job failed'])
  })
})
