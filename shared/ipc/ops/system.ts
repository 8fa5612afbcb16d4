import { z } from 'zod'
import { op } from '../define'

export interface SystemInfo {
  appVersion: string
  /** Absolute path of the ledger file this session has open. */
  ledgerPath: string
  /** `PRAGMA user_version` of the open ledger. */
  schemaVersion: number
  /** Where the renderer is hosted: inside Electron or in a browser through the loopback host. */
  host: 'electron' | 'browser'
  /** The desk user actions are recorded under. */
  actor: string
}

export const systemOps = {
  'system.info': op<SystemInfo>()(
    z.object({}).strict(),
    'Version, ledger path and schema version of this session.',
  ),
  'system.ping': op<{ echo: string }>()(
    z.object({ echo: z.string().max(200) }).strict(),
    'Round trip through the contract; answers with the same text.',
  ),
}
