import { FINAL_STATUSES, type ProjectStatus } from '../../shared/domain/project'
import { REEVALUATION_STAGE } from '../../shared/domain/ship-gate'
import type { ReevaluationResult } from '../../shared/ipc/ops/jobs'
import { AppError } from '../../shared/ipc/result'
import { indexBookChips } from '../../shared/rules/classifier'
import type { DealContext } from '../../shared/rules/evaluator'
import { getPack } from '../../shared/rules/packs'
import type { Outcome } from '../../shared/rules/types'
import { appendAudit } from './audit'
import { veuSnapshot } from './capacity'
import { deskChipSpecs } from './chips'
import { evaluateAgainstLedger } from './evaluation'
import type { Ledger } from './ledger'
import { enginePartyMap } from './parties'
import { evaluationSummary } from './project-row'
import { getProject, storeDetermination, toDeal } from './projects'
import { allPacks } from './scenarios'
import { stmt, type ActorLike, writeTransaction } from './statements'

export type { ReevaluationResult }

/**
 * Deals whose stored determination is the record of what was decided: finished ones, and shipped ones
 * (the export has happened under the determination it shipped with; evaluated again under another
 * pack, a shipment made under an exception or NLR would be stored as "licence required").
 */
const FINISHED: readonly ProjectStatus[] = ['shipped', ...FINAL_STATUSES]

/** How often (in deals) a re-evaluation reports progress and looks for a cancellation. */
export const REEVALUATE_EVERY = 250

/** Changed deals named one by one in the run's audit event; the rest are counted. */
const LISTED_CHANGES = 1_000

export interface ReevaluateProgress {
  phase: 'checking' | 'evaluating' | 'committing'
  done: number
  total: number
}

export interface ReevaluateOptions {
  onProgress?: (progress: ReevaluateProgress) => void
  /** Asked between deals and before the commit: true rolls the whole run back. */
  isCancelled?: () => boolean
}

/** Thrown when `isCancelled` said stop; the run's transaction is rolled back, nothing written. */
export class ReevaluationCancelled extends Error {
  constructor() {
    super('The re-evaluation was cancelled; nothing was written to the ledger.')
    this.name = 'ReevaluationCancelled'
  }
}

/**
 * Re-evaluates every open deal against the ledger's current balances (each without its own holdings,
 * as the editor and the grid do) under one pack selection, in date order, and refreshes the stored
 * summary columns. Where the outcome changed it stores the determination (stage `reevaluation`), so
 * the deal's record shows why its row changed. Capacity entries are records of decisions taken, so
 * nothing is reserved, released or committed. One transaction and one audit event for the run.
 */
export function reevaluateBook(
  db: Ledger,
  who: ActorLike,
  packId: string,
  options: ReevaluateOptions = {},
): ReevaluationResult {
  const stopIfCancelled = () => {
    if (options.isCancelled?.()) throw new ReevaluationCancelled()
  }
  options.onProgress?.({ phase: 'checking', done: 0, total: 0 })
  const pinned = packId === 'auto' ? undefined : packId
  // Scenarios included, read once for the run (not once per deal).
  const packs = allPacks(db)
  if (pinned && !getPack(pinned, packs))
    throw new AppError('not_found', `No rule pack or scenario with id "${pinned}".`, [
      { path: 'packId', message: 'unknown pack' },
    ])
  return writeTransaction(db, (): ReevaluationResult => {
    // Read up front: better-sqlite3 cannot write on a connection while one of its reads is open.
    const deals = stmt(
      db,
      `SELECT id, outcome FROM project WHERE status NOT IN (${FINISHED.map(() => '?').join(', ')})
        ORDER BY planned_date, rowid`,
    ).all(...FINISHED) as Array<{ id: string; outcome: Outcome | null }>
    const total = deals.length
    // One lookup of the desk's chips and parties for the run, not one per deal.
    const ctx: DealContext = { chips: indexBookChips(deskChipSpecs(db)), parties: enginePartyMap(db) }
    // The VEU deployments and installed base too: a re-evaluation writes neither.
    const veu = veuSnapshot(db)
    const result: ReevaluationResult = {
      packId,
      evaluated: 0,
      changed: 0,
      skipped: 0,
      byOutcome: {},
      transitions: {},
    }
    const changes: Array<{ id: string; from: Outcome | null; to: Outcome }> = []
    let update: ReturnType<typeof stmt> | undefined
    deals.forEach(({ id, outcome: before }, i) => {
      if (i % REEVALUATE_EVERY === 0) {
        stopIfCancelled()
        options.onProgress?.({ phase: 'evaluating', done: i, total })
      }
      const project = getProject(db, id)
      let evaluation: ReturnType<typeof evaluateAgainstLedger>
      try {
        evaluation = evaluateAgainstLedger(db, toDeal(project), {
          packId: pinned,
          excludeProject: id,
          ctx,
          packs,
          veu,
        })
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        result.skipped++
        return
      }
      const { determination: d, pack } = evaluation
      // The determination's columns only: a deal's lines (its units and chips) do not change here.
      const summary = evaluationSummary(d, pack)
      update ??= summaryUpdate(db, Object.keys(summary))
      update.run({ ...summary, id })
      result.evaluated++
      result.byOutcome[d.outcome] = (result.byOutcome[d.outcome] ?? 0) + 1
      if (before !== d.outcome) {
        storeDetermination(db, who, project, REEVALUATION_STAGE, d, pack)
        result.changed++
        const key = `${before ?? 'none'}→${d.outcome}`
        result.transitions[key] = (result.transitions[key] ?? 0) + 1
        if (changes.length < LISTED_CHANGES) changes.push({ id, from: before, to: d.outcome })
      }
    })
    appendAudit(db, who, {
      operation: 'ledger.reevaluate',
      entity: 'ledger',
      entityId: null,
      after: { ...result, changes, changesNotListed: result.changed - changes.length },
      packId: pinned ?? null,
    })
    // The last moment a cancellation can still undo everything.
    stopIfCancelled()
    options.onProgress?.({ phase: 'committing', done: total, total })
    return result
  })
}

/**
 * The UPDATE of a deal's summary columns, named by `evaluationSummary`'s own keys so the two cannot
 * drift apart. A row whose summary is unchanged is compared, not rewritten.
 */
function summaryUpdate(db: Ledger, columns: readonly string[]) {
  return stmt(
    db,
    `UPDATE project SET ${columns.map((k) => `${k} = @${k}`).join(', ')}
      WHERE id = @id AND (${columns.map((k) => `${k} IS NOT @${k}`).join(' OR ')})`,
  )
}
