import { openLedger, type Ledger } from '../../../electron/db/ledger'
import type { ImportSetup } from '../../../electron/db/import-evaluation'
import type { Actor } from '../../../electron/db/statements'
import { createUser } from '../../../electron/db/users'
import type { ProjectFields } from '../../../shared/domain/project'
import { tempLedgerPath } from '../helpers/temp-ledger'

/** A clock that advances one second per reading, so events get distinct, reproducible times. */
export function frozenClock(start = '2025-03-01T09:00:00.000Z'): () => Date {
  let t = Date.parse(start)
  return () => new Date((t += 1000))
}

export interface Desk {
  db: Ledger
  path: string
  alice: Actor
  bob: Actor
  carol: Actor
}

/** A ledger file with alice (preparer), bob and carol (reviewers) on one frozen clock. */
export function openDesk(): Desk {
  const path = tempLedgerPath()
  const db = openLedger(path)
  const now = frozenClock()
  const admin: Actor = { name: 'admin', now }
  createUser(db, admin, { name: 'alice', role: 'preparer' })
  createUser(db, admin, { name: 'bob', role: 'reviewer' })
  createUser(db, admin, { name: 'carol', role: 'reviewer' })
  return { db, path, alice: { name: 'alice', now }, bob: { name: 'bob', now }, carol: { name: 'carol', now } }
}

/** An LPP deal under the diffusion framework: 1,000 H100 (15,832 TPP each) to a tier-2 consignee. */
export function lppDeal(overrides: Partial<ProjectFields> = {}): ProjectFields {
  return {
    name: 'Mumbai inference cluster',
    consignee: 'Acme Cloud India',
    consigneeHq: 'IN',
    parentHq: null,
    destination: 'IN',
    plannedDate: '2025-03-10',
    authorization: 'LPP',
    lines: [{ chip: 'H100', quantity: 1000 }],
    ...overrides,
  }
}

/** An import's setup with nothing from a ledger: no chips, parties or balances (alice, one batch). */
export const emptyImportSetup: ImportSetup = {
  chips: new Map(),
  parties: new Map(),
  balances: {},
  actor: 'alice',
  at: '2026-01-01T00:00:00.000Z',
  batch: 1,
  sample: false,
}
