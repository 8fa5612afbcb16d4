import type { CompareResult, CompareRow, CompareSide } from '../../shared/domain/scenario'
import { AppError } from '../../shared/ipc/result'
import { evaluate } from '../../shared/rules/evaluator'
import { getPack } from '../../shared/rules/packs'
import type { Determination, Outcome, RulePack } from '../../shared/rules/types'
import { exportBook } from '../db/interchange'
import type { Ledger } from '../db/ledger'
import { allPacks } from '../db/scenarios'

const OUTCOMES: Outcome[] = [
  'allowed',
  'allowed_with_notice',
  'license_required',
  'likely_denied',
  'not_determinable',
]
/** Deals that no longer hold or seek capacity; left out unless asked for. */
const CLOSED = new Set(['cancelled', 'rejected', 'closed'])
const FIELDS: Array<keyof CompareSide> = [
  'outcome',
  'authorization',
  'licenseRequired',
  'reviewPolicy',
  'tier',
]

function side(d: Determination): CompareSide {
  const remaining = d.caps.filter((c) => c.counted && c.unit === 'tpp').map((c) => c.remaining)
  return {
    outcome: d.outcome,
    authorization: d.authorization,
    licenseRequired: d.licenseRequired,
    reviewPolicy: d.reviewPolicy,
    tier: d.tier,
    tightestRemaining: remaining.length ? Math.min(...remaining) : null,
  }
}

function packById(db: Ledger, id: string, path: string): RulePack {
  const pack = getPack(id, allPacks(db))
  if (!pack)
    throw new AppError('not_found', `No rule pack or scenario "${id}"`, [{ path, message: 'unknown pack' }])
  return pack
}

/**
 * The same deal book under two rule versions: each pack evaluates the whole book in date order (so
 * caps fill up as they would have), and the rows say where the answers differ.
 */
export function comparePacks(
  db: Ledger,
  input: { left: string; right: string; includeClosed: boolean; limit?: number },
): CompareResult {
  const left = packById(db, input.left, 'left')
  const right = packById(db, input.right, 'right')
  const book = exportBook(db)
  const deals = book.deals.filter((d) => input.includeClosed || !CLOSED.has(d.status ?? 'draft'))
  const scoped = { ...book, deals }
  const byIdLeft = new Map(evaluate(scoped, left).map((d) => [d.dealId, d]))
  const byIdRight = new Map(evaluate(scoped, right).map((d) => [d.dealId, d]))
  const count = () => Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>
  const outcomes = { left: count(), right: count() }
  const rows: CompareRow[] = []
  for (const deal of deals) {
    const l = byIdLeft.get(deal.id)
    const r = byIdRight.get(deal.id)
    if (!l || !r) continue
    const ls = side(l)
    const rs = side(r)
    outcomes.left[ls.outcome]++
    outcomes.right[rs.outcome]++
    rows.push({
      dealId: deal.id,
      name: deal.name ?? deal.id,
      status: deal.status ?? 'draft',
      date: deal.date,
      consignee: deal.consignee,
      destination: l.destination,
      tpp: l.tpp,
      left: ls,
      right: rs,
      changed: FIELDS.filter((f) => ls[f] !== rs[f]),
    })
  }
  const changedCount = rows.filter((r) => r.changed.length > 0).length
  // A window asks for a bounded list (100,000 rows are ~40 MB of JSON): the changed deals first, as
  // they are what the comparison is for, each group still in date order.
  const shown =
    input.limit === undefined || rows.length <= input.limit
      ? rows
      : [...rows.filter((r) => r.changed.length > 0), ...rows.filter((r) => r.changed.length === 0)].slice(
          0,
          input.limit,
        )
  return {
    left: { packId: left.id, title: left.title },
    right: { packId: right.id, title: right.title },
    rows: shown,
    total: rows.length,
    changedCount,
    outcomes,
  }
}
