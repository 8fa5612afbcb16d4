import type { LedgerDealExtension } from '../../shared/domain/ledger'
import type { ProjectStatus } from '../../shared/domain/project'
import { AppError } from '../../shared/ipc/result'
import {
  createEvaluationState,
  evaluateDeal,
  orderDeals,
  type DealContext,
} from '../../shared/rules/evaluator'
import type {
  ChipSpec,
  Deal,
  Determination,
  OpeningBalances,
  Party,
  RulePack,
} from '../../shared/rules/types'
import { claimsOf, packFor, type Claim } from './evaluation'
import { COMMITTING, fieldsOf, RESERVING, statusOf, type ParsedBook } from './ledger-book'
import {
  evaluationSummary,
  linesColumns,
  projectRow,
  type EvaluationSummary,
  type LinesColumns,
  type ProjectDbRow,
} from './project-row'

/**
 * The import's evaluation of a book, without a ledger: every deal evaluated in date order against one
 * running state seeded from the ledger's balances, and turned into what the ledger writes for it (its
 * row, its stored determination, the capacity it holds). The importer runs it on its own thread for a
 * small book, or on a second thread (import-worker.ts) while it writes a large one; either way the
 * same code makes every value, so the ledger ends the same.
 */

/** What the evaluation needs from the ledger, read once in the import's transaction. */
export interface ImportSetup {
  /** The desk's chips and the book's, by lower-case name (`indexBookChips`). */
  chips: ReadonlyMap<string, ChipSpec>
  /** The ledger's parties (the book's included), by lower-case name (`enginePartyMap`). */
  parties: ReadonlyMap<string, Party>
  /** Capacity already held in the ledger, and the validated end users' installed base. */
  balances: OpeningBalances
  actor: string
  /** The import's one timestamp. */
  at: string
  batch: number
  sample: boolean
}

/** One deal, ready to write; or the error that stops the import at its row. */
export type EvaluatedDeal =
  | {
      /** The deal's 0-based position in the book. */
      index: number
      status: ProjectStatus
      /** The `project` row's summary columns from the determination as shown. */
      evaluation: EvaluationSummary
      /** Its lines' columns (worked out here: the importer's thread is the busier one). */
      lines: LinesColumns
      /** The pack that governed the deal; null when none did (then nothing is held or stored). */
      packId: string | null
      /** The determination as shown to the desk, as JSON, for a deal past draft. */
      determination: string | null
      /** What a deal in review or later holds: from the determination counted in the running totals. */
      claims: Claim[] | null
      /** TPP of the determination as shown (a licence's usage). */
      tpp: number | null
      error?: undefined
    }
  | { index: number; error: { field: string; message: string } }

/** A deal imports as sample data when the whole import is, or when the book marks it so. */
export const sampleDeal = (
  setup: Pick<ImportSetup, 'sample'>,
  ext: LedgerDealExtension | undefined,
): boolean => setup.sample || ext?.sample === true

/** A deal's `project` row as the import writes it: the book's fields, people and status, and its evaluation. */
export function importedRow(
  parsed: ParsedBook,
  index: number,
  status: ProjectStatus,
  evaluation: EvaluationSummary,
  lines: LinesColumns,
  setup: Pick<ImportSetup, 'actor' | 'at' | 'batch' | 'sample'>,
): ProjectDbRow {
  const deal = parsed.book.deals[index]!
  const ext = parsed.extensions[index]
  return projectRow(
    setup.actor,
    deal.id,
    fieldsOf(deal, ext),
    {
      sample: sampleDeal(setup, ext),
      status,
      preparer: ext?.preparer ?? setup.actor,
      reviewer: ext?.reviewer ?? null,
      licence: {
        number: ext?.licenceNumber ?? null,
        authorizedTpp: ext?.authorizedTpp ?? null,
        authorizedUnits: ext?.authorizedUnits ?? null,
      },
      // A licence granted: said by the deal, or by its status or licence number.
      licensed: deal.licensed === true || status === 'licensed' || Boolean(ext?.licenceNumber),
    },
    evaluation,
    setup.at,
    lines,
  )
}

/**
 * The pack a determination names, by id, cached for the import: `packFor`, or null when it cannot be
 * had. An id resolves the same whatever the date, so the first date asked for it stands for all.
 */
export function packResolver(): (date: string, packId: string) => RulePack | null {
  const packs = new Map<string, RulePack | null>()
  return (date, packId) => {
    let pack = packs.get(packId)
    if (pack === undefined) {
      try {
        pack = packFor(date, packId)
      } catch {
        pack = null
      }
      packs.set(packId, pack)
    }
    return pack
  }
}

/** The deal without its `licensed` flag (a fresh object: `delete` would make it a slow dictionary-mode one). */
function withoutLicensed(deal: Deal): Deal {
  const { licensed: _licensed, ...rest } = deal
  return rest
}

export function* evaluateForImport(parsed: ParsedBook, setup: ImportSetup): Generator<EvaluatedDeal> {
  const ctx: DealContext = { chips: setup.chips, parties: setup.parties }
  const dryCtx: DealContext = { ...ctx, dryRun: true }
  const state = createEvaluationState('auto', setup.balances)
  // Keyed by id (unique in a valid book): a string key hashes faster than an object's identity.
  const indexOf = new Map(parsed.book.deals.map((d, i) => [d.id, i]))
  const packOf = packResolver()
  for (const deal of orderDeals(parsed.book.deals)) {
    const index = indexOf.get(deal.id)!
    const ext = parsed.extensions[index]
    const status = statusOf(deal, ext)
    try {
      const commits = COMMITTING.includes(status)
      const holds = commits || RESERVING.includes(status)
      // Evaluated as at submission (not licensed), like `transition`; the claims are the licence
      // route's when the deal goes that way or, committed, was licensed (a deal approved under LPP or a
      // VEU and licensed all the same ships under the licence): so an imported deal holds exactly what
      // the same deal walked through the lifecycle would.
      const evalDeal = deal.licensed === undefined ? deal : withoutLicensed(deal)
      const shown = evaluateDeal(state, evalDeal, dryCtx)
      let claimsFrom: Determination = shown
      if (holds) {
        const licensedInBook = commits && (deal.licensed === true || status === 'licensed')
        const asLicensed =
          licensedInBook ||
          (shown.authorization === 'LICENSE' && !shown.caps.some((c) => c.kind === 'country' && c.counted))
        claimsFrom = evaluateDeal(state, asLicensed ? { ...evalDeal, licensed: true } : evalDeal, ctx)
      }
      const pack = shown.packId !== 'auto' ? packOf(deal.date, shown.packId) : null
      const veuId = (deal.veu ?? setup.parties.get(deal.consignee.trim().toLowerCase())?.veu)?.id
      yield {
        index,
        status,
        evaluation: evaluationSummary(shown, pack),
        lines: linesColumns(deal.lines),
        packId: pack?.id ?? null,
        determination: status !== 'draft' && pack ? JSON.stringify(shown) : null,
        claims: holds && pack ? claimsOf(claimsFrom, veuId) : null,
        tpp: shown.tpp,
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      yield { index, error: { field: error.fields?.[0]?.path ?? '(deal)', message: error.message } }
    }
  }
}
