import type { ImportResult } from '../../shared/domain/ledger'
import { importBook } from '../db/interchange'
import { createUser, getUser } from '../db/users'
import type { Ledger } from '../db/ledger'
import { asActor, writeTransaction, type ActorLike } from '../db/statements'
// Imported statically (not read from disk) so the bundled main process carries it with no extra file.
import portfolio from './portfolio.json'

/**
 * The sample portfolio: 40 fictional deals (electron/sample/portfolio.json) that show a new desk what
 * the ledger, the headroom board and the reports look like before its own deals are in. Everything it
 * writes carries the `sample` flag, so `ledger.removeSample` takes it all out in one action.
 */

/**
 * Setting row written in the same transaction as the sample import. Its presence, whatever its value,
 * means "this ledger has had its sample": the sample is never offered again, so removing it sticks.
 */
export const SAMPLE_SETTING_KEY = 'sample.portfolio'

export type SampleDecision =
  /** Imported now. */
  | 'loaded'
  /** The ledger file existed before this start: it is someone's ledger, not a first start. */
  | 'existing-ledger'
  /** The ledger already holds deals. */
  | 'has-projects'
  /** The sample was loaded before (and perhaps removed since). */
  | 'already-offered'

export interface SampleOutcome {
  decision: SampleDecision
  /** What the import wrote, when `loaded`. */
  result?: ImportResult
}

export interface EnsureSampleOptions {
  /** True when this start created the ledger file (it did not exist before `openLedger`). */
  created: boolean
  /** Who the import is recorded under in the audit chain (the session's user). */
  actor: ActorLike
}

/**
 * The sample's desk users, so a new desk can see four eyes at work (prepare as one, approve as the
 * other) without setting anything up. `ledger.removeSample` deactivates them again.
 */
export const SAMPLE_USERS = [
  { name: 'a.okafor', displayName: 'A. Okafor (sample preparer)', role: 'preparer' },
  { name: 'm.lindqvist', displayName: 'M. Lindqvist (sample reviewer)', role: 'reviewer' },
] as const

export const sampleOffered = (db: Ledger): boolean =>
  db.prepare('SELECT 1 FROM setting WHERE key = ?').get(SAMPLE_SETTING_KEY) !== undefined

/**
 * Imports the sample portfolio, marked as sample, and records that it was offered, in one
 * transaction. Throws when the import is refused: the portfolio ships with the build, so a refusal
 * is a defect to surface, not a user error.
 */
export function loadSamplePortfolio(db: Ledger, actor: ActorLike): ImportResult {
  return writeTransaction(db, () => {
    const result = importBook(db, portfolio, actor, { sample: true, format: 'json' })
    if (result.errors?.length) {
      const first = result.errors
        .slice(0, 3)
        .map((e) => `${e.row === null ? '' : `row ${e.row} `}${e.field}: ${e.message}`)
      throw new Error(
        `The sample portfolio was refused by the importer (${result.errors.length} errors): ${first.join('; ')}`,
      )
    }
    // Never the session's own user: the removal deactivates the sample's users, and a desk member
    // whose login happens to be a sample name would be locked out with them.
    const own = asActor(actor).name
    const users = SAMPLE_USERS.filter((u) => u.name !== own && !getUser(db, u.name)).map(
      (u) => createUser(db, actor, { ...u }).name,
    )
    db.prepare(
      'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(
      SAMPLE_SETTING_KEY,
      JSON.stringify({ loadedAt: new Date().toISOString(), deals: result.imported, users }),
    )
    return result
  })
}

/**
 * The first-start hook the session calls: loads the sample only into a ledger this start created,
 * that has no deals, and that has never had the sample. Each condition protects a real ledger: an
 * existing file is the desk's record, and a removed sample must stay removed.
 */
export function ensureSampleOnFirstStart(db: Ledger, options: EnsureSampleOptions): SampleOutcome {
  if (!options.created) return { decision: 'existing-ledger' }
  if (sampleOffered(db)) return { decision: 'already-offered' }
  if ((db.prepare('SELECT count(*) FROM project').pluck().get() as number) > 0)
    return { decision: 'has-projects' }
  return { decision: 'loaded', result: loadSamplePortfolio(db, options.actor) }
}
