import { z } from 'zod'
import { op } from '../define'
import type { ImportResult } from '../../domain/ledger'
import type { Outcome } from '../../rules/types'
import type { ErrorInfo } from '../result'
import { packIdField } from './fields'
import { ledgerImportInput } from './ledger'

/**
 * Long work (an import, re-evaluating the book) runs as a background job in the main process: the
 * window starts it, polls its status and may cancel it. A job writes in one transaction, so a
 * cancelled or failed job leaves the ledger as it was. While a job runs, every other operation that
 * writes is refused (`busy`); reads go on.
 */

export type JobKind = 'import' | 'reevaluate'
export type JobState = 'running' | 'done' | 'failed' | 'cancelled'
/** `checking` the input, `writing` deals (import), `evaluating` deals (re-evaluation), `committing`. */
export type JobPhase = 'starting' | 'checking' | 'writing' | 'evaluating' | 'committing'

export interface ReevaluationResult {
  /** `auto` or the pinned pack id. */
  packId: string
  evaluated: number
  /** Deals whose outcome differs from the stored one (each got a stored determination). */
  changed: number
  /** Deals no pack could evaluate (e.g. no pack governs their date under `auto`); left as they were. */
  skipped: number
  byOutcome: Partial<Record<Outcome, number>>
  /** `from→to` outcome pairs of the changed deals, counted (`none` for a deal never evaluated). */
  transitions: Record<string, number>
}

interface JobStatusBase {
  id: string
  state: JobState
  phase: JobPhase
  /** Deals done so far, of `total` (0 while the total is not known yet). */
  done: number
  total: number
  startedAt: string
  finishedAt: string | null
  /** Cancel was asked for; the state says whether it came in time (a job may still finish). */
  cancelRequested: boolean
  error?: ErrorInfo
}

export type JobStatus =
  | (JobStatusBase & { kind: 'import'; result?: ImportResult })
  | (JobStatusBase & { kind: 'reevaluate'; result?: ReevaluationResult })

export const jobStartInput = z.discriminatedUnion('kind', [
  ledgerImportInput.extend({ kind: z.literal('import') }).strict(),
  z
    .object({
      kind: z.literal('reevaluate'),
      /** The header's selection: a pack or scenario id, or `auto` (each deal under its date's pack). */
      packId: packIdField.default('auto'),
      /** Which deals: only open ones (closed, rejected and cancelled deals keep their record). */
      scope: z.enum(['open']).default('open'),
    })
    .strict(),
])
export type JobStartInput = z.output<typeof jobStartInput>

const jobId = z.object({ jobId: z.string().min(1).max(100) }).strict()

export const jobsOps = {
  'jobs.start': op<{ jobId: string }>()(
    jobStartInput,
    'Starts a background job: importing a deal book, or re-evaluating every open deal under a pack (summary columns, a stored determination where the outcome changed, one audit event). One transaction; one job at a time.',
    { mutates: true },
  ),
  'jobs.status': op<JobStatus>()(
    jobId,
    'Where a job is: state, phase, deals done of total, and its result or error once it has ended.',
  ),
  'jobs.cancel': op<JobStatus>()(
    jobId,
    'Asks a running job to stop; its transaction rolls back, so nothing it did is kept. No effect on a job that has ended.',
  ),
  'jobs.current': op<JobStatus | null>()(
    z.object({}).strict(),
    'The job running now, if any: a window opened (or reloaded) while a job runs finds it again, to follow or cancel it.',
  ),
}
