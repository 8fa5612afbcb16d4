import { existsSync } from 'node:fs'
import { userInfo } from 'node:os'
import { openLedger, type Ledger } from '../db/ledger'
import { ensureSampleOnFirstStart } from '../sample/load-sample'
import type { HandlerContext } from './context'
import { createDispatcher, type Dispatch } from './dispatch'
import { buildHandlerTable } from './handlers/index'
import { APP_VERSION } from './version'
import { jobsFor } from '../jobs/job-runner'

export interface Session {
  ledger: Ledger
  dispatch: Dispatch
  context: HandlerContext
  close(): void
}

export interface OpenSessionOptions {
  ledgerPath: string
  host: HandlerContext['host']
  actor?: string
  /**
   * Load the sample portfolio into a ledger this start creates. Defaults to on for the window and the
   * browser host (`--no-sample` turns it off) and off for the CLI and tests, which want what they import.
   */
  sample?: boolean
  /** Session clock (tests freeze it); defaults to the system clock. */
  now?: () => Date
  /** See `HandlerContext.jobPaceMs`. */
  jobPaceMs?: number
}

/** Opens the ledger and builds the handler table around it: everything a transport needs. */
export function openSession(options: OpenSessionOptions): Session {
  const created = options.ledgerPath === ':memory:' || !existsSync(options.ledgerPath)
  const ledger = openLedger(options.ledgerPath)
  const actor = options.actor ?? safeOsUser()
  const context: HandlerContext = {
    ledger,
    ledgerPath: options.ledgerPath,
    host: options.host,
    actor,
    sessionUser: actor,
    appVersion: APP_VERSION,
    now: options.now ?? (() => new Date()),
    jobPaceMs: options.jobPaceMs,
  }
  if (options.sample ?? (options.host === 'electron' || options.host === 'browser')) {
    try {
      ensureSampleOnFirstStart(ledger, { created, actor: context.actor })
    } catch (error) {
      // The desk's ledger must open even if the sample cannot be loaded; the import left nothing behind.
      console.error('Headroom: the sample portfolio could not be loaded', error)
    }
  }
  const dispatch = createDispatcher(buildHandlerTable(), context)
  // `ledger.restore` swaps context.ledger, so the session reads it through the context.
  return {
    get ledger() {
      return context.ledger
    },
    dispatch,
    context,
    close: () => {
      // A running job's worker has its own connection and rolls its one transaction back when it sees
      // the flag. Closing does not wait for that: should the process exit first, SQLite discards the
      // uncommitted transaction as after a crash (WAL). `JobRunner.shutdown` waits, for callers that can.
      jobsFor(context).cancelRunning()
      context.ledger.close()
    },
  }
}

function safeOsUser(): string {
  try {
    return userInfo().username || 'unknown'
  } catch {
    return 'unknown'
  }
}
