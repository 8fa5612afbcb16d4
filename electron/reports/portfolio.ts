import type { PortfolioGroup, PortfolioReport } from '../../shared/ipc/ops/reports'
import { FINAL_STATUSES, PROJECT_STATUSES } from '../../shared/domain/project'
import { nameOf } from '../../shared/rules/geography'
import { resolvePack } from '../core/packs'
import { headroomUnder, recordedUnder } from '../core/scenario-headroom'
import { allProjects } from './book'
import { reportHeader, reportPack, todayOf, type ReportEnv } from './header'

/** Most deals the portfolio report lists one by one (about 90 landscape pages). */
export const PORTFOLIO_LISTED_DEALS = 2_000

const OPEN = PROJECT_STATUSES.filter((s) => !FINAL_STATUSES.includes(s))
const RISKS = 12

interface GroupRow {
  status: string
  destination: string | null
  deals: number
  units: number
  tpp: number
  h100e: number
}

function group(
  rows: GroupRow[],
  keyOf: (r: GroupRow) => string,
  labelOf: (key: string) => string,
): PortfolioGroup[] {
  const groups = new Map<string, PortfolioGroup>()
  for (const r of rows) {
    const key = keyOf(r)
    const g = groups.get(key) ?? { key, label: labelOf(key), deals: 0, units: 0, tpp: 0, h100e: 0 }
    g.deals += r.deals
    g.units += r.units
    g.tpp += r.tpp
    g.h100e += r.h100e
    groups.set(key, g)
  }
  return [...groups.values()]
}

/**
 * Open deals summed by status and destination in SQL from the stored summary columns (TPP, units and
 * H100e do not depend on the pack), so the totals cover every open deal however many there are.
 */
function openDealGroups(db: ReportEnv['db']): GroupRow[] {
  const marks = OPEN.map(() => '?').join(', ')
  return db
    .prepare(
      `SELECT status, destination, count(*) AS deals, coalesce(sum(units), 0) AS units,
              coalesce(sum(tpp), 0) AS tpp, coalesce(sum(h100e), 0) AS h100e
         FROM project WHERE status IN (${marks}) GROUP BY status, destination`,
    )
    .all(...OPEN) as GroupRow[]
}

/**
 * Open deals with totals. Totals and groups are the ledger's stored summary columns summed in SQL,
 * so the printed total TPP is the ledger's own; the listed rows are re-evaluated only under a pinned
 * pack other than the stored one.
 */
export function portfolioReport(env: ReportEnv, input: { packId?: string; asOf?: string }): PortfolioReport {
  const { pack, asOf, auto } = resolvePack({ packId: input.packId, asOf: input.asOf ?? todayOf(env) }, env.db)
  // One more than the list holds, to know whether the list is cut.
  const listed = allProjects(
    env.db,
    { status: OPEN, sortBy: 'id', sortDir: 'asc', ...(auto ? {} : { packId: pack.id }) },
    PORTFOLIO_LISTED_DEALS + 1,
  )
  const sums = openDealGroups(env.db)
  const byStatus = group(
    sums,
    (r) => r.status,
    (s) => s.replace('_', ' '),
  ).sort((a, b) => OPEN.indexOf(a.key as never) - OPEN.indexOf(b.key as never))
  const byCountry = group(
    sums,
    (r) => r.destination ?? '—',
    (c) => (c === '—' ? 'not given' : `${nameOf(c)} (${c})`),
  ).sort((a, b) => b.tpp - a.tpp)
  const totals = sums.reduce(
    (t, r) => ({
      deals: t.deals + r.deals,
      units: t.units + r.units,
      tpp: t.tpp + r.tpp,
      h100e: t.h100e + r.h100e,
    }),
    { deals: 0, units: 0, tpp: 0, h100e: 0 },
  )
  // Only the caps of the report's pack: the buckets recorded under it, as the Headroom board lists a
  // pinned pack's buckets (`headroom.buckets` with its packId). A bucket another pack recorded (the
  // diffusion framework's allocations under a later pack that sets none) is no cap under this one, and
  // the country statement under the same pack says so. Caps only: a licence drawn down to zero is the
  // licence doing its job, not a headroom risk. A bucket in use counts a VEU's installed base, which
  // fills its cap whether or not the bucket holds a deal of its own (one returned or cancelled).
  // Under a scenario, which records nothing, the buckets of the pack it copies against the scenario's
  // limits, as the Headroom board shows them under the same pin.
  const buckets = headroomUnder(env.db, { asOf, packId: pack.id }, todayOf(env)).filter(
    (b) => b.kind !== 'licence' && b.limit !== null && b.installedBase + b.committed + b.reserved !== 0,
  )
  const byUse = [...buckets].sort(
    (a, b) => (b.pctUsed ?? 0) - (a.pctUsed ?? 0) || a.bucket.localeCompare(b.bucket),
  )
  const truncated = listed.length > PORTFOLIO_LISTED_DEALS
  return {
    header: reportHeader(env, {
      kind: 'portfolio',
      title: 'Portfolio report',
      documentNumber: `HR-PORT-${asOf}`,
      pack: reportPack(pack, asOf, auto),
    }),
    // The totals and groups cover every open deal; the list is capped because a paper report of
    // 100,000 rows (thousands of pages) serves nobody and freezes the renderer that lays it out.
    deals: truncated ? listed.slice(0, PORTFOLIO_LISTED_DEALS) : listed,
    listedLimit: PORTFOLIO_LISTED_DEALS,
    truncated,
    byStatus,
    byCountry,
    totals,
    capsPackId: pack.id,
    capsRecordedUnder: recordedUnder(env.db, pack.id),
    alerts: byUse.filter((b) => b.alertLevel !== 'none'),
    risks: byUse.slice(0, RISKS),
  }
}
