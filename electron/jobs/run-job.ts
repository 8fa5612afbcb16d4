import type { JobPhase, JobStartInput, JobStatus } from '../../shared/ipc/ops/jobs'
import type { ErrorInfo } from '../../shared/ipc/result'
import { toErrorInfo } from '../core/error-info'
import { ImportCancelled, importBook } from '../db/interchange'
import type { Ledger } from '../db/ledger'
import { ReevaluationCancelled, reevaluateBook } from '../db/reevaluate'
import type { Actor } from '../db/statements'

/** What a job reports while it runs. */
export interface JobProgress {
  phase: JobPhase
  done: number
  total: number
}

export interface JobHooks {
  onProgress(progress: JobProgress): void
  isCancelled(): boolean
}

/** How a job ended, as the worker posts it (plain data: it crosses a thread). */
export type JobOutcome =
  | { type: 'done'; result: NonNullable<JobStatus['result']> }
  | { type: 'cancelled' }
  | { type: 'failed'; error: ErrorInfo }

/** Worker → main messages. */
export type JobMessage = ({ type: 'progress' } & JobProgress) | JobOutcome

/** What the worker is given: the request, who acts, and the session's clock as an offset from the system's. */
export interface JobSpec {
  request: JobStartInput
  ledgerPath: string
  actor: string
  /**
   * The session clock cannot cross a thread; its distance from the system clock can, so a job's
   * timestamps follow the session's time (tests freeze it) as the window's own writes do.
   */
  clockOffsetMs: number
  /** `HandlerContext.jobPaceMs`: a wait at each progress step, cut short by cancel. */
  paceMs: number
}

/** The job's work on a connection, inside its one transaction; throws when cancelled or failed. */
export function runJob(db: Ledger, request: JobStartInput, who: Actor, hooks: JobHooks) {
  if (request.kind === 'import') {
    return importBook(db, request.text, who, {
      format: request.format,
      sample: request.sample,
      onProgress: hooks.onProgress,
      isCancelled: hooks.isCancelled,
    })
  }
  return reevaluateBook(db, who, request.packId, {
    onProgress: hooks.onProgress,
    isCancelled: hooks.isCancelled,
  })
}

/**
 * Runs `work` and says how it ended. A cancellation is not an error; an AppError keeps its code and
 * message; anything else is logged here and answered `internal`, as the dispatcher does.
 */
export function outcomeOf(
  kind: JobStartInput['kind'],
  work: () => NonNullable<JobStatus['result']>,
  log: (message: string, error: unknown) => void = (m, e) => console.error(m, e),
): JobOutcome {
  try {
    return { type: 'done', result: work() }
  } catch (error) {
    if (error instanceof ImportCancelled || error instanceof ReevaluationCancelled)
      return { type: 'cancelled' }
    return { type: 'failed', error: toErrorInfo(error, `the ${kind} job`, log) }
  }
}

/** Progress reports at most every `intervalMs`, and always when the phase changes. */
export function throttled(
  send: (progress: JobProgress) => void,
  intervalMs = 100,
  clock: () => number = Date.now,
): (progress: JobProgress) => void {
  let lastAt = -Infinity
  let lastPhase: JobPhase | null = null
  return (progress) => {
    const at = clock()
    if (progress.phase === lastPhase && at - lastAt < intervalMs) return
    lastAt = at
    lastPhase = progress.phase
    send({ phase: progress.phase, done: progress.done, total: progress.total })
  }
}
