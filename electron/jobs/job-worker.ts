import { parentPort, workerData } from 'node:worker_threads'
import { openLedger } from '../db/ledger'
import { outcomeOf, runJob, throttled, type JobMessage, type JobSpec } from './run-job'

/**
 * A background job's thread. It opens its own connection to the ledger (WAL lets the window's
 * connection go on reading committed data meanwhile), runs the job in one transaction, and posts
 * progress and then how it ended. Its loop is synchronous, so a cancel message could never be read:
 * cancellation is a flag in shared memory, polled by the job between deals.
 */

const { spec, cancel } = workerData as { spec: JobSpec; cancel: SharedArrayBuffer }
const flag = new Int32Array(cancel)
const post = (message: JobMessage) => parentPort!.postMessage(message)
const who = { name: spec.actor, now: () => new Date(Date.now() + spec.clockOffsetMs) }
const report = throttled((p) => post({ type: 'progress', ...p }))
/** Slow motion when asked for: waits at each step unless the flag is (or becomes) set. */
const pace = (): void => {
  if (spec.paceMs > 0) Atomics.wait(flag, 0, 0, spec.paceMs)
}

const outcome = outcomeOf(spec.request.kind, () => {
  const db = openLedger(spec.ledgerPath)
  try {
    return runJob(db, spec.request, who, {
      onProgress: (p) => {
        report(p)
        pace()
      },
      isCancelled: () => Atomics.load(flag, 0) === 1,
    })
  } finally {
    db.close()
  }
})
post(outcome)
