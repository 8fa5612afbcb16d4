import { useCallback, useEffect, useRef, useState } from 'react'
import type { OpInput } from '../../../shared/ipc/contract'
import type { JobStatus } from '../../../shared/ipc/ops/jobs'
import type { Progress } from '../components/ProgressDialog'
import { formatInt } from '../format'
import { call } from './client'

/** How often the window asks where a job is (there is no push channel from the core). */
const POLL_MS = 250

export interface JobControl {
  /** The running job's last known status; null when none runs. */
  status: JobStatus | null
  /** True from `run` until the job has ended (including the moment before the core has answered). */
  running: boolean
  /** Cancel was asked for and the job has not ended yet. */
  cancelling: boolean
  /**
   * Starts a job and resolves with its final status (done, failed or cancelled). The input may be
   * prepared first (reading a file): the job counts as running, and cancellable, from the call.
   */
  run(input: OpInput<'jobs.start'> | (() => Promise<OpInput<'jobs.start'>>)): Promise<JobStatus>
  /** Follows a job already running (started by an earlier window) until it ends. */
  follow(jobId: string): Promise<JobStatus>
  /** Asks the job to stop; a cancel made before the core has answered `jobs.start` is sent right after. */
  cancel(): void
}

/** A background job of the core (`jobs.*`), polled while it runs. One job at a time per hook. */
export function useJob(): JobControl {
  const [status, setStatus] = useState<JobStatus | null>(null)
  const [running, setRunning] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const jobId = useRef<string | null>(null)
  const cancelAsked = useRef(false)
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const sendCancel = useCallback((id: string) => {
    call('jobs.cancel', { jobId: id }).then(
      (s) => mounted.current && setStatus(s),
      () => undefined,
    )
  }, [])

  /** Runs `start` (which names the job), then polls the job until it has ended. */
  const track = useCallback(
    async (start: () => Promise<string>) => {
      jobId.current = null
      setStatus(null)
      setRunning(true)
      try {
        const id = await start()
        jobId.current = id
        if (cancelAsked.current) sendCancel(id)
        for (;;) {
          const s = await call('jobs.status', { jobId: id })
          if (mounted.current) setStatus(s)
          if (s.state !== 'running') return s
          await new Promise((r) => setTimeout(r, POLL_MS))
        }
      } finally {
        jobId.current = null
        // Reset at the end, not the start: a cancel asked while the caller prepared the input counts.
        cancelAsked.current = false
        if (mounted.current) {
          setRunning(false)
          setCancelling(false)
          setStatus(null)
        }
      }
    },
    [sendCancel],
  )

  const run = useCallback(
    (input: OpInput<'jobs.start'> | (() => Promise<OpInput<'jobs.start'>>)) =>
      track(async () => {
        const { jobId: id } = await call('jobs.start', typeof input === 'function' ? await input() : input)
        return id
      }),
    [track],
  )
  const follow = useCallback((id: string) => track(() => Promise.resolve(id)), [track])

  const cancel = useCallback(() => {
    cancelAsked.current = true
    setCancelling(true)
    if (jobId.current) sendCancel(jobId.current)
  }, [sendCancel])

  return { status, running, cancelling, run, follow, cancel }
}

/** What the progress dialog shows for a job: the phase in words and, once known, a determinate bar. */
export function jobProgress(
  title: string,
  job: Pick<JobControl, 'status' | 'cancelling'>,
  words: { working: string; cancelNote: string },
): Progress {
  const { status } = job
  const base = { title, done: status?.done ?? 0, total: status?.total ?? 0, note: words.cancelNote }
  if (job.cancelling || status?.cancelRequested)
    return { ...base, detail: 'Cancelling… rolling back, nothing will be written.', cancelling: true }
  switch (status?.phase) {
    case 'writing':
    case 'evaluating':
      return {
        ...base,
        detail: `${words.working} ${formatInt(status.done)} of ${formatInt(status.total)} deals`,
      }
    case 'committing':
      return { ...base, detail: 'Committing…' }
    case 'checking':
      return { ...base, detail: 'Checking…' }
    default:
      return { ...base, detail: 'Starting…' }
  }
}
