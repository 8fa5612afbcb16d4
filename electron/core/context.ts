import type { Ledger } from '../db/ledger'

/** What every handler may use. Built once per session by `openSession`. */
export interface HandlerContext {
  /** Replaced by `ledger.restore`; read it on every call rather than keeping a copy. */
  ledger: Ledger
  ledgerPath: string
  host: 'electron' | 'browser' | 'cli' | 'test'
  /**
   * The desk user actions are recorded under (the OS user unless chosen otherwise). Mutable:
   * `users.switch` changes it, e.g. to act as the reviewer for four eyes.
   */
  actor: string
  /**
   * The desk user the session opened as (the OS user unless given). A session acting as a sample user
   * returns to it when the sample, and with it that user, is removed.
   */
  sessionUser: string
  /** The session clock; tests freeze it. Timestamps are stored as ISO-8601 UTC text. */
  now: () => Date
  appVersion: string
  /**
   * Slow motion for background jobs (`--job-pace-ms`): a job waits this long at each progress step,
   * waking at once on cancel. Zero or absent in real use; end-to-end tests set it so that a window
   * can be reloaded and a job cancelled while it is certainly still running, on any machine speed.
   */
  jobPaceMs?: number
}
