import type { Ledger } from '../db/ledger'

/** What every handler may use. Built once per session by `openSession`. */
export interface HandlerContext {
  ledger: Ledger
  ledgerPath: string
  host: 'electron' | 'browser' | 'cli' | 'test'
  /** The desk user actions are recorded under (the OS user unless chosen otherwise). */
  actor: string
  appVersion: string
}
