import type { CompareResult, CompareRow, CompareSide } from '../../shared/domain/scenario'
import { FINAL_STATUSES, type ProjectStatus } from '../../shared/domain/project'
import { AppError } from '../../shared/ipc/result'
import {
  createDealContext,
  createEvaluationState,
  evaluateDeal,
  orderDeals,
} from '../../shared/rules/evaluator'
import { getPack } from '../../shared/rules/packs'
import type { Deal, DealBook, Determination, Outcome, RulePack } from '../../shared/rules/types'
import { exportBook } from '../db/interchange'
import type { Ledger } from '../db/ledger'
import { COMMITTING, RESERVING } from '../db/ledger-book'
import { allPacks } from '../db/scenarios'

const OUTCOMES: Outcome[] = [
  'allowed',
  'allowed_with_notice',
  'license_required',
  'likely_denied',
  'not_determinable',
]
/** Deals no longer in play (closed, rejected, cancelled): listed only when asked for. */
const FINAL = new Set<string>(FINAL_STATUSES)
/**
 * Deals that hold capacity in the ledger (in review and approved reserve it; licensed, shipped and
 * closed commit it): always part of the running state, listed or not, because a licence still counts
 * against the destination's allocation after the deal closes (§ 742.6(b)(10)(iii)(B)(1)). The others
 * (draft, returned, rejected, cancelled) hold nothing: each is evaluated against the running state
 * at its date and adds nothing to it.
 */
const HOLDING = new Set<string>([...RESERVING, ...COMMITTING])
/**
 * The fields that make up a deal's answer. The tier is not one: under a pack without tiers it is
 * simply absent, and a tier that changes the answer shows in these.
 */
const FIELDS = ['outcome', 'licenseRequired', 'authorization', 'reviewPolicy'] as const satisfies Array<
  keyof CompareSide
>

type BookDeal = Deal & { status?: ProjectStatus }

/**
 * The book under one pack in date order, with the running state the ledger keeps: a deal holding
 * capacity consumes what it holds there (one in review or approved, not yet licensed, holds the
 * allocation it would use once licensed, as `projects.transition` reserves it), and its row shows the
 * deal as it stands; every other deal is a dry run. Mirrors the import's evaluation of a book.
 */
function runBook(book: DealBook & { deals: BookDeal[] }, pack: RulePack): Map<string, Determination> {
  const state = createEvaluationState(pack, { installedBase: book.installedBase ?? [] })
  const ctx = createDealContext(book)
  const dry = { ...ctx, dryRun: true }
  const out = new Map<string, Determination>()
  for (const deal of orderDeals(book.deals) as BookDeal[]) {
    const holds = HOLDING.has(deal.status ?? 'draft')
    if (!holds || deal.licensed) {
      out.set(deal.id, evaluateDeal(state, deal, holds ? ctx : dry))
      continue
    }
    const shown = evaluateDeal(state, deal, dry)
    const asLicensed =
      shown.authorization === 'LICENSE' && !shown.caps.some((c) => c.kind === 'country' && c.counted)
    evaluateDeal(state, asLicensed ? { ...deal, licensed: true } : deal, ctx)
    out.set(deal.id, shown)
  }
  return out
}

function side(d: Determination): CompareSide {
  const remaining = d.caps.filter((c) => c.counted && c.unit === 'tpp').map((c) => c.remaining)
  const allocation = d.caps.find((c) => c.kind === 'country')
  return {
    outcome: d.outcome,
    authorization: d.authorization,
    licenseRequired: d.licenseRequired,
    reviewPolicy: d.reviewPolicy,
    tier: d.tier,
    tightestRemaining: remaining.length ? Math.min(...remaining) : null,
    allocationRemaining: allocation ? Math.round(allocation.remaining) : null,
    allocationCounted: allocation?.counted ?? false,
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
 * caps fill up as they would have, see `runBook`), and the rows say where the answers differ.
 * `includeClosed` decides which deals are listed and counted, never what the running state holds.
 */
export function comparePacks(
  db: Ledger,
  input: { left: string; right: string; includeClosed: boolean; limit?: number },
): CompareResult {
  const left = packById(db, input.left, 'left')
  const right = packById(db, input.right, 'right')
  const book = exportBook(db)
  const deals = book.deals.filter((d) => input.includeClosed || !FINAL.has(d.status ?? 'draft'))
  const byIdLeft = runBook(book, left)
  const byIdRight = runBook(book, right)
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
