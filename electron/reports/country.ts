import type { CountryDeal, CountryReport } from '../../shared/ipc/ops/reports'
import type { HeadroomRow } from '../../shared/domain/headroom'
import type { ProjectStatus } from '../../shared/domain/project'
import { allocationFor } from '../../shared/rules/allocation'
import { geographyOf, nameOf } from '../../shared/rules/geography'
import { resolvePack } from '../core/packs'
import { headroomUnder } from '../core/scenario-headroom'
import { alertLevelOf, entriesFor, headroomOf } from '../db/capacity'
import { COMMITTING, RESERVING } from '../db/ledger-book'
import { stmt } from '../db/statements'
import { allProjects } from './book'
import { reportHeader, reportPack, todayOf, type ReportEnv } from './header'

/**
 * One country under one pack and date. Under a pack with a country allocation the figures are the
 * bucket's running totals and the deals are those whose capacity entries make them up; under a pack
 * without one, the statement still lists the TPP of the deals to the country by status.
 */
export function countryReport(
  env: ReportEnv,
  input: { country: string; packId?: string; asOf?: string },
): CountryReport {
  const { pack, asOf, auto } = resolvePack({ packId: input.packId, asOf: input.asOf ?? todayOf(env) }, env.db)
  const iso2 = input.country.toUpperCase()
  const geo = geographyOf(pack)
  const view = geo.view(geo.canonical(iso2).code, asOf)
  const allocation = allocationFor(pack, iso2, asOf)
  const bucketId = `country:${iso2}`
  const stored = allocation !== null ? (headroomOf(env.db, bucketId) ?? null) : null
  // Each deal's outcome as the portfolio report lists it: under a pinned pack re-evaluated under that
  // pack (the ledger's own list re-evaluation, so both reports state the same for the same deal); under
  // Auto as last saved, each under the pack recorded with it (the renderer says which).
  const book = allProjects(env.db, {
    destination: iso2,
    sortBy: 'plannedDate',
    sortDir: 'asc',
    ...(auto ? {} : { packId: pack.id }),
  })
  const byId = new Map(book.map((r) => [r.id, r]))

  let licensed = 0
  let reserved = 0
  let deals: CountryDeal[]
  if (allocation !== null) {
    const net = new Map<string, { committed: number; reserved: number }>()
    for (const e of stored ? entriesFor(env.db, { bucket: bucketId }, 1_000_000) : []) {
      if (!e.projectId) continue
      const n = net.get(e.projectId) ?? { committed: 0, reserved: 0 }
      if (e.action === 'commit') n.committed += e.tpp
      else n.reserved += e.action === 'reserve' ? e.tpp : -e.tpp
      net.set(e.projectId, n)
    }
    deals = [...net]
      .filter(([, n]) => n.committed !== 0 || n.reserved !== 0)
      .map(([projectId, n]) => dealOf(env, projectId, byId.get(projectId), n.committed, n.reserved))
    licensed = stored?.committed ?? 0
    reserved = stored?.reserved ?? 0
  } else {
    deals = book
      .filter((r) => COMMITTING.includes(r.status) || RESERVING.includes(r.status))
      .map((r) => {
        const tpp = r.tpp ?? 0
        const committed = COMMITTING.includes(r.status) ? tpp : 0
        return {
          projectId: r.id,
          name: r.name,
          consignee: r.consignee,
          status: r.status,
          plannedDate: r.plannedDate,
          committed,
          reserved: tpp - committed,
        }
      })
    licensed = deals.reduce((a, d) => a + d.committed, 0)
    reserved = deals.reduce((a, d) => a + d.reserved, 0)
  }
  deals.sort(
    (a, b) =>
      (a.plannedDate ?? '').localeCompare(b.plannedDate ?? '') || a.projectId.localeCompare(b.projectId),
  )
  const points = useOverTime(deals, pack.caps.countryAllocation?.period.value.from ?? null, asOf)

  const remaining = allocation === null ? null : allocation - licensed - reserved
  // A pack's allocation is a positive number (the pack schema refuses zero).
  const pctUsed = allocation === null ? null : ((licensed + reserved) / allocation) * 100
  // No allocation, no alert band: "below 80%" of a cap the pack does not set would read as headroom.
  const alertLevel = allocation === null ? null : alertLevelOf(pctUsed, pack.caps.alertThresholds)
  const bucket: HeadroomRow | null =
    allocation === null
      ? null
      : stored
        ? {
            ...stored,
            limit: allocation,
            remaining,
            pctUsed,
            alertLevel: alertLevel ?? 'none',
          }
        : null
  return {
    header: reportHeader(env, {
      kind: 'country',
      title: 'Country headroom statement',
      documentNumber: `HR-CTRY-${iso2}-${asOf}`,
      pack: reportPack(pack, asOf, auto),
    }),
    country: { iso2, name: nameOf(iso2), tier: view.tier, groups: view.groupList },
    bucket,
    allocation,
    licensed,
    reserved,
    remaining,
    pctUsed,
    alertLevel,
    deals,
    points,
    book,
    // Only the pack's own buckets, as the Headroom board lists a pinned pack's: a bucket another pack
    // recorded (a diffusion-framework UVEU share under a later pack) is no cap under this one. Under a
    // scenario, which records nothing, those of the pack it copies against the scenario's limits.
    otherBuckets: headroomUnder(env.db, { country: iso2, asOf, packId: pack.id }, todayOf(env)).filter(
      (b) => b.kind !== 'country',
    ),
  }
}

function dealOf(
  env: ReportEnv,
  projectId: string,
  row: { name: string; consignee: string; status: ProjectStatus; plannedDate: string } | undefined,
  committed: number,
  reserved: number,
): CountryDeal {
  // A deal re-routed to another destination after reserving still appears, read from the ledger.
  const r =
    row ??
    (stmt(
      env.db,
      'SELECT name, consignee, status, planned_date AS plannedDate FROM project WHERE id = ?',
    ).get(projectId) as
      { name: string; consignee: string; status: ProjectStatus; plannedDate: string } | undefined)
  return {
    projectId,
    name: r?.name ?? '(deleted)',
    consignee: r?.consignee ?? '',
    status: r?.status ?? null,
    plannedDate: r?.plannedDate ?? null,
    committed,
    reserved,
  }
}

/**
 * Cumulative use by planned ship date: when the capacity is (to be) used, which is what an allocation
 * period measures. Entry times would only say when the desk recorded it (all one day after an import).
 */
function useOverTime(
  deals: readonly CountryDeal[],
  periodStart: string | null,
  asOf: string,
): CountryReport['points'] {
  const points: CountryReport['points'] = []
  let committed = 0
  let reserved = 0
  const first = deals[0]?.plannedDate
  if (periodStart && (!first || periodStart < first))
    points.push({ at: periodStart, committed: 0, reserved: 0 })
  for (const d of deals) {
    committed += d.committed
    reserved += d.reserved
    const at = d.plannedDate ?? asOf
    if (points.at(-1)?.at === at) points[points.length - 1] = { at, committed, reserved }
    else points.push({ at, committed, reserved })
  }
  const last = points.at(-1)
  if (last && last.at < asOf) points.push({ at: asOf, committed, reserved })
  return points
}
