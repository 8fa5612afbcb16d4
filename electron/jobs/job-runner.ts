import type { JobStartInput, JobStatus } from '../../shared/ipc/ops/jobs'
import { AppError } from '../../shared/ipc/result'
import type { HandlerContext } from '../core/context'
import { holdWrites } from '../core/dispatch'
import { who } from '../core/handlers/who'
import { spawnWorker, workerEntry, type WorkerEntry } from '../workers/worker-entry'
import { outcomeOf, runJob, type JobMessage, type JobOutcome, type JobSpec } from './run-job'

/** Ended jobs kept for `jobs.status` (a window polling a job it started must find it ended). */
const KEPT_JOBS = 20

const BUSY: Record<JobStartInput['kind'], string> = {
  import: 'An import is running: wait for it to finish or cancel it.',
  reevaluate: 'A re-evaluation of the book is running: wait for it to finish or cancel it.',
}

interface JobRecord {
  status: JobStatus
  /** Int32 at 0: 1 once cancel was asked. Shared with the worker, whose loop cannot read messages. */
  cancel: Int32Array
  ended: Promise<JobStatus>
  end(outcome: JobOutcome): void
}

/** The background job worker's entry, beside this module (bundled) or as its source. */
export const jobWorkerEntry = (base: string = import.meta.url): WorkerEntry => workerEntry('job-worker', base)

/**
 * The session's background jobs: one writing job at a time, run in a worker thread on its own
 * connection (in-process for a `:memory:` ledger, which no other connection can open). While it runs,
 * the dispatcher refuses every other mutating operation with `busy`.
 */
export class JobRunner {
  private readonly jobs = new Map<string, JobRecord>()
  private active: JobRecord | null = null
  private seq = 0

  constructor(private readonly ctx: HandlerContext) {}

  start(request: JobStartInput): { jobId: string } {
    if (this.active) throw new AppError('busy', BUSY[this.active.status.kind])
    const release = holdWrites(this.ctx, BUSY[request.kind])
    const id = `job-${++this.seq}`
    const record = this.track(id, request, release)
    try {
      if (this.ctx.ledgerPath === ':memory:') this.runInProcess(record, request)
      else this.runInWorker(record, request)
    } catch (error) {
      record.end({
        type: 'failed',
        error: { code: 'internal', message: `The ${request.kind} job could not start: ${String(error)}` },
      })
    }
    return { jobId: id }
  }

  status(jobId: string): JobStatus {
    const record = this.jobs.get(jobId)
    if (!record) throw new AppError('not_found', `No job ${jobId} in this session.`)
    return { ...record.status }
  }

  /** The running job's status, or null when none runs. */
  current(): JobStatus | null {
    return this.active ? { ...this.active.status } : null
  }

  cancel(jobId: string): JobStatus {
    const record = this.jobs.get(jobId)
    if (!record) throw new AppError('not_found', `No job ${jobId} in this session.`)
    if (record.status.state === 'running') {
      Atomics.store(record.cancel, 0, 1)
      // Wakes a paced worker waiting on the flag (see `HandlerContext.jobPaceMs`).
      Atomics.notify(record.cancel, 0)
      record.status.cancelRequested = true
    }
    return { ...record.status }
  }

  /** Resolves with the job's final status once it has ended (and its worker has gone). */
  ended(jobId: string): Promise<JobStatus> {
    const record = this.jobs.get(jobId)
    if (!record) return Promise.reject(new AppError('not_found', `No job ${jobId} in this session.`))
    return record.ended
  }

  /** Asks a running job, if any, to stop (the session is closing: its work must not half-happen). */
  cancelRunning(): void {
    if (this.active) this.cancel(this.active.status.id)
  }

  /** Cancels a running job and waits for it to end (its transaction rolled back, its thread gone). */
  async shutdown(): Promise<void> {
    const active = this.active
    this.cancelRunning()
    await active?.ended
  }

  private track(id: string, request: JobStartInput, release: () => void): JobRecord {
    let resolve!: (status: JobStatus) => void
    const ended = new Promise<JobStatus>((r) => (resolve = r))
    const status = {
      id,
      kind: request.kind,
      state: 'running',
      phase: 'starting',
      done: 0,
      total: 0,
      startedAt: this.ctx.now().toISOString(),
      finishedAt: null,
      cancelRequested: false,
    } as JobStatus
    const record: JobRecord = {
      status,
      cancel: new Int32Array(new SharedArrayBuffer(4)),
      ended,
      end: (outcome) => {
        if (status.state !== 'running') return
        if (outcome.type === 'done') {
          status.state = 'done'
          status.result = outcome.result as never
          status.done = status.total
        } else if (outcome.type === 'cancelled') status.state = 'cancelled'
        else {
          status.state = 'failed'
          status.error = outcome.error
        }
        status.finishedAt = this.ctx.now().toISOString()
        if (this.active === record) this.active = null
        release()
        resolve({ ...status })
      },
    }
    this.jobs.set(id, record)
    this.active = record
    for (const old of this.jobs.keys()) {
      if (this.jobs.size <= KEPT_JOBS) break
      if (this.jobs.get(old)!.status.state !== 'running') this.jobs.delete(old)
    }
    return record
  }

  private progress(record: JobRecord, p: { phase: JobStatus['phase']; done: number; total: number }) {
    if (record.status.state !== 'running') return
    record.status.phase = p.phase
    record.status.done = p.done
    record.status.total = p.total
  }

  private runInWorker(record: JobRecord, request: JobStartInput): void {
    const spec: JobSpec = {
      request,
      ledgerPath: this.ctx.ledgerPath,
      actor: this.ctx.actor,
      clockOffsetMs: this.ctx.now().getTime() - Date.now(),
      paceMs: this.ctx.jobPaceMs ?? 0,
    }
    const worker = spawnWorker(jobWorkerEntry(), { workerData: { spec, cancel: record.cancel.buffer } })
    let outcome: JobOutcome | null = null
    worker.on('message', (message: JobMessage) => {
      if (message.type === 'progress') this.progress(record, message)
      else outcome = message
    })
    worker.on('error', (error) => {
      console.error(`Headroom: the ${request.kind} job's worker failed`, error)
      outcome ??= {
        type: 'failed',
        error: {
          code: 'internal',
          message: `Internal error in the ${request.kind} job; the ledger was not changed.`,
        },
      }
    })
    // Ended only once the thread is gone: its connection is closed, so the next writer is alone.
    worker.on('exit', (code) => {
      record.end(
        outcome ?? {
          type: 'failed',
          error: {
            code: 'internal',
            message: `The ${request.kind} job stopped unexpectedly (exit code ${code}); the ledger was not changed.`,
          },
        },
      )
    })
  }

  /**
   * A `:memory:` ledger exists only on the session's connection, so the job runs on it, after
   * `jobs.start` has answered. It blocks the process while it runs, so only a cancel made before it
   * starts can stop it; progress is still recorded.
   */
  private runInProcess(record: JobRecord, request: JobStartInput): void {
    setImmediate(() => {
      record.end(
        outcomeOf(request.kind, () =>
          runJob(this.ctx.ledger, request, who(this.ctx), {
            onProgress: (p) => this.progress(record, p),
            isCancelled: () => Atomics.load(record.cancel, 0) === 1,
          }),
        ),
      )
    })
  }
}

const runners = new WeakMap<HandlerContext, JobRunner>()

/** The session's job runner (one per handler context, made on first use). */
export function jobsFor(ctx: HandlerContext): JobRunner {
  let runner = runners.get(ctx)
  if (!runner) runners.set(ctx, (runner = new JobRunner(ctx)))
  return runner
}
