import { allPacks } from '../db/scenarios'
import type { MemoImport, MemoLine, MemoPlace, MemoReport, MemoSetAside } from '../../shared/ipc/ops/reports'
import { lifecyclePackRefusal } from '../../shared/domain/lifecycle-pack'
import type { ProjectDetail, StoredDetermination } from '../../shared/domain/project'
import { countryName } from '../../shared/countries'
import { getPack, loadPacks } from '../../shared/rules/packs'
import { governingPack } from '../../shared/rules/timeline'
import { evaluateAgainstLedger, packHash } from '../db/evaluation'
import { enginePartyByName } from '../db/parties'
import { projectDetail, toDeal } from '../db/projects'
import { reportHeader, reportPack, type ReportEnv } from './header'
import { requirementsOf } from './requirements'

const REVIEW_DECISIONS = new Set(['approved', 'returned', 'rejected'])

/**
 * Why a stored determination is not the deal's record, or null when it is. A determination of an
 * earlier version describes other facts than the memo prints; one made under a what-if scenario, or
 * under a pinned pack other than the one in force on the deal's date (a re-evaluation of the book may
 * store either), is a way of looking, which no lifecycle step may record (`lifecyclePackRefusal`).
 */
function notTheRecord(s: StoredDetermination, version: number): MemoSetAside['why'] | null {
  if (s.projectVersion !== version) return 'earlier_version'
  return lifecyclePackRefusal(s.packId, governingPack(s.determination.date, loadPacks())?.id)
}

/**
 * The memo records the latest determination stored for the deal as it stands, under the rules in
 * force on its date (the rules the desk actually saw, named by pack hash). A draft has none yet, nor
 * has a deal edited since its last one, so it is evaluated against the ledger for the print and says
 * so on paper. Stored determinations after the one printed that are not the record (a what-if
 * re-evaluation, an earlier version) are named, not dropped.
 */
export function memoReport(env: ReportEnv, projectId: string): MemoReport {
  const detail = projectDetail(env.db, projectId)
  const p = detail.project
  const recordAt = detail.determinations.findLastIndex((s) => notTheRecord(s, p.version) === null)
  const stored = recordAt >= 0 ? detail.determinations[recordAt]! : null
  const setAside: MemoSetAside[] = detail.determinations.slice(recordAt + 1).map((s) => ({
    id: s.id,
    stage: s.stage,
    at: s.at,
    actor: s.actor,
    packId: s.packId,
    projectVersion: s.projectVersion,
    outcome: s.determination.outcome,
    why: notTheRecord(s, p.version)!,
  }))
  let determination = stored?.determination
  // The record is never a scenario's (`notTheRecord`), but the ledger's packs are looked up with the
  // built-in ones all the same, as every pack id is.
  let pack = stored ? getPack(stored.packId, allPacks(env.db)) : undefined
  if (!determination) {
    const result = evaluateAgainstLedger(env.db, toDeal(p), { excludeProject: p.id })
    determination = result.determination
    pack = result.pack
  }
  const d = determination
  const packInfo = pack
    ? // Whether the determination was pinned is not recorded; "timeline" says the timeline gives the
      // deal's date this pack, which is what a reader of the memo needs to know.
      reportPack(pack, d.date, governingPack(d.date, loadPacks())?.id === pack.id, stored?.packHash)
    : // A pack this build does not ship (a retired one): the stored id and hash still name the rules.
      // PackStatus has no word for it; `scenario` at least keeps it from reading as a shipped pack.
      {
        id: d.packId,
        title: d.packId,
        status: 'scenario' as const,
        effectiveDate: d.date,
        version: (stored?.packHash ?? '').slice(0, 12),
        auto: false,
        asOf: d.date,
      }

  // A pack this build ships may have been corrected since the determination was recorded: the
  // determination is printed as recorded, but the pack's title, dates and the requirements' figures
  // and citations are read from the pack as it is now.
  const current = pack ? packHash(pack) : null
  const packChanged =
    stored && current && current !== stored.packHash ? { recorded: stored.packHash, current } : null

  const lines: MemoLine[] = d.lines.map((l) => ({
    chip: l.classification.name || l.chip,
    quantity: l.quantity,
    tppPerUnit: l.classification.tpp,
    tpp: l.tpp,
    h100e: l.classification.h100e === null ? null : l.classification.h100e * l.quantity,
    eccn: l.classification.eccn,
    paragraph: l.classification.paragraph,
    citation: l.classification.citation,
    confidence: l.classification.confidence,
  }))

  const party = enginePartyByName(env.db, p.consignee)
  const imported = importOf(detail)
  // The import's status change records the status the book gave the deal, by whoever imported it: it
  // is neither the preparer's submission nor a reviewer's decision in this ledger.
  const acted = detail.history.filter((h) => h.id !== imported?.changeId)
  const submitted = acted.find((h) => h.to === 'in_review')
  const decision = acted.findLast((h) => REVIEW_DECISIONS.has(h.to))
  const reviewer = decision
    ? { name: decision.actor, at: decision.at, decision: decision.to, reason: decision.reason }
    : p.reviewer
      ? { name: p.reviewer, at: null, decision: null, reason: null }
      : null

  return {
    header: reportHeader(env, {
      kind: 'memo',
      title: 'Export determination memo',
      documentNumber: `HR-MEMO-${p.id}-v${p.version}`,
      pack: packInfo,
    }),
    project: p,
    destinationName: p.destination ? (countryName(p.destination) ?? null) : null,
    consigneeHq: placeOf(p.consigneeHq, party?.hq),
    parentHq: placeOf(p.parentHq, party?.parentHq),
    lines,
    determination: d,
    determinationSource: stored ? 'stored' : 'evaluated',
    setAside,
    packChanged,
    stored: stored
      ? {
          id: stored.id,
          stage: stored.stage,
          at: stored.at,
          actor: stored.actor,
          packHash: stored.packHash,
          projectVersion: stored.projectVersion,
        }
      : null,
    authorization: d.authorization,
    requirements: requirementsOf(d, pack, p.licenceNumber),
    preparer: { name: p.preparer, at: submitted?.at ?? null },
    reviewer,
    imported,
    history: detail.history,
    capacity: detail.capacity,
    audit: detail.audit,
  }
}

/**
 * The import that created the deal, with the status change it wrote (`draft` to the book's status, at
 * the batch's time, by the batch's actor), when it wrote one.
 */
function importOf(detail: ProjectDetail): MemoImport | null {
  const origin = detail.importedFrom
  if (!origin) return null
  const change = detail.history.find(
    (h) => h.from === 'draft' && h.at === origin.at && h.actor === origin.actor && h.reason === 'imported',
  )
  return {
    at: origin.at,
    actor: origin.actor,
    batch: origin.batch,
    row: origin.row,
    status: change?.to ?? 'draft',
    changeId: change?.id ?? null,
  }
}

/** The deal's own value wins; a missing one falls back to the party record, as the engine does. */
function placeOf(own: string | null | undefined, fromParty: string | null | undefined): MemoPlace {
  const name = (code: string | null) => (code ? (countryName(code) ?? null) : null)
  if (own !== undefined) return { code: own, name: name(own), source: 'deal' }
  if (fromParty !== undefined) return { code: fromParty, name: name(fromParty), source: 'party' }
  return { code: null, name: null, source: 'missing' }
}
