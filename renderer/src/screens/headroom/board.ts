import type { HeadroomRow } from '../../../../shared/domain/headroom'
import type { InstalledBaseRow } from '../../../../shared/domain/party'

/**
 * Pure shaping of the ledger's buckets for the board's charts. Kept apart from the components so
 * the arithmetic (cumulative installed base, UVEU shares) can be read and tested on its own.
 */

export const used = (b: HeadroomRow) => b.committed + b.reserved

/**
 * The pack whose limit a row is measured against, as the board names it: the pinned scenario's where
 * its limit replaced the recorded one (`limitPackId`), else the pack the bucket was recorded under, by
 * id as the grid's Rule pack column shows it. Null for a row no pack recorded (a licence).
 */
export function limitPackName(b: HeadroomRow): string | null {
  if (b.limitPackId) return `scenario ${b.limitPackId}`
  return b.packId
}

/** What a licence's row is measured against: its own authorized TPP, which no rule pack sets. */
export const LICENCE_LIMIT = 'the licence'

/**
 * Whose limit a row's Limit, Remaining and % used are, in the words of the grid's and the reports'
 * "Limit from" column: `limitPackName`, and for a licence the licence itself. Beside the pack the
 * entries were recorded under, it keeps a scenario's limit from reading as the recorded pack's.
 */
export function limitFromWords(b: HeadroomRow): string | null {
  if (!b.limitPackId && b.kind === 'licence') return LICENCE_LIMIT
  return limitPackName(b)
}

/** The "Limit from" cell's tooltip: where that limit comes from, and what it stands in for. */
export function limitFromNote(b: HeadroomRow): string {
  if (b.limitPackId)
    return `What-if: the limit of scenario ${b.limitPackId} on the header's date, in place of the limit of the pack the entries were recorded under${b.packId ? ` (${b.packId})` : ''}.`
  if (b.kind === 'licence') return "A licence's limit is its authorized TPP, not a rule pack's."
  return b.packId
    ? `The limit of ${b.packId}, the pack the entries were recorded under.`
    : 'No rule pack is recorded for this bucket.'
}

/** The packs `rows` were recorded under (their `packId`s), each once, sorted. */
export function recordedPackIds(rows: readonly HeadroomRow[]): string[] {
  return [...new Set(rows.flatMap((b) => (b.packId ? [b.packId] : [])))].sort()
}

/**
 * The packs whose limits a chart of `rows` draws, in words. One pack: its name. Under `auto` the board
 * holds every pack's buckets, so several packs each name what they cover (`item`), and a chart never
 * passes one pack's limit off as another's. Empty when no row has a pack.
 */
export function limitPacksWords(rows: readonly HeadroomRow[], item: (b: HeadroomRow) => string): string {
  const byPack = new Map<string, string[]>()
  for (const b of rows) {
    const pack = limitPackName(b)
    if (pack === null) continue
    const items = byPack.get(pack) ?? []
    if (!items.includes(item(b))) items.push(item(b))
    byPack.set(pack, items)
  }
  if (byPack.size <= 1) return [...byPack.keys()].join('')
  return [...byPack].map(([pack, items]) => `${pack} (${items.join(', ')})`).join('; ')
}

export interface LppDatum {
  consignee: string
  [year: string]: number | string
}

/** An LPP limit a chart draws, with the pack it is the limit of. */
export interface PackLimit {
  limit: number
  /** `limitPackName` of the buckets measured against it. */
  pack: string | null
}

/**
 * Consignees (the most used first, at most `top`) × calendar years of LPP use, and every distinct LPP
 * limit the buckets are measured against with its pack: under `auto` the buckets of several packs
 * are listed together, and the first bucket's limit is not every pack's.
 */
export function lppByConsignee(
  buckets: readonly HeadroomRow[],
  top = 12,
): { data: LppDatum[]; years: string[]; limits: PackLimit[] } {
  const lpp = buckets.filter((b) => b.kind === 'lpp' && b.consignee)
  const years = [...new Set(lpp.map((b) => b.period ?? ''))].filter(Boolean).sort()
  const byConsignee = new Map<string, LppDatum>()
  for (const b of lpp) {
    const d = byConsignee.get(b.consignee!) ?? { consignee: b.consignee! }
    d[b.period ?? ''] = used(b)
    byConsignee.set(b.consignee!, d)
  }
  const peak = (d: LppDatum) =>
    Math.max(0, ...years.map((y) => (typeof d[y] === 'number' ? (d[y] as number) : 0)))
  const data = [...byConsignee.values()].sort((a, b) => peak(b) - peak(a)).slice(0, top)
  const limits: PackLimit[] = []
  for (const b of lpp) {
    const pack = limitPackName(b)
    if (b.limit != null && !limits.some((l) => l.limit === b.limit && l.pack === pack))
      limits.push({ limit: b.limit, pack })
  }
  return { data, years, limits }
}

export interface NveuDatum {
  quarter: string
  /**
   * Cumulative installed base at the end of the quarter, as the ledger counts it against the cap: the
   * bucket's `installedBase` (recorded base plus the earlier quarters' deals) plus its own deals.
   */
  installed: number
  /** Deals in this quarter alone. */
  inQuarter: number
  cap: number | null
}

/**
 * One NVEU in one country: cumulative installed base per quarter against the quarter's cap, from the
 * ledger's figures (no sum here, so the chart and the grid's remaining agree). A quarter without a
 * bucket carries the installed base forward (before the first bucket: the base that bucket starts from).
 */
export function nveuSeries(
  buckets: readonly HeadroomRow[],
  veu: string,
  country: string,
  schedule: readonly { quarter: string; limitTpp: number }[],
): NveuDatum[] {
  const mine = buckets
    .filter((b) => b.kind === 'nveu' && b.veu === veu && b.country === country && b.period)
    .sort((a, b) => (a.period! < b.period! ? -1 : a.period! > b.period! ? 1 : 0))
  const byQuarter = new Map(mine.map((b) => [b.period!, b]))
  const quarters = [...new Set([...schedule.map((s) => s.quarter), ...byQuarter.keys()])].sort()
  let running = mine[0]?.installedBase ?? 0
  return quarters.map((quarter) => {
    const b = byQuarter.get(quarter)
    const inQuarter = b ? used(b) : 0
    if (b) running = b.installedBase + inQuarter
    const cap = schedule.find((s) => s.quarter === quarter)?.limitTpp ?? b?.limit ?? null
    return { quarter, installed: running, inQuarter, cap }
  })
}

export interface UveuShares {
  veu: string
  total: number
  tier1Share: number | null
  usShare: number | null
  largestTier2: { country: string; share: number } | null
}

/** A UVEU's distribution: tier-1 share, US share and largest tier-2 share of its installed TPP. */
export function uveuShares(
  buckets: readonly HeadroomRow[],
  base: readonly InstalledBaseRow[],
  veu: string,
  tier1: ReadonlySet<string>,
): UveuShares {
  const perCountry = new Map<string, number>()
  const add = (c: string, tpp: number) => perCountry.set(c, (perCountry.get(c) ?? 0) + tpp)
  for (const b of buckets)
    if (b.kind === 'uveu_country' && b.veu === veu && b.country) add(b.country, used(b))
  for (const r of base) if (r.veu === veu) add(r.country, r.tpp)
  const total = [...perCountry.values()].reduce((s, v) => s + v, 0)
  if (total <= 0) return { veu, total: 0, tier1Share: null, usShare: null, largestTier2: null }
  let t1 = 0
  let largest: { country: string; share: number } | null = null
  for (const [c, tpp] of perCountry) {
    if (tier1.has(c)) t1 += tpp
    else if (!largest || tpp / total > largest.share) largest = { country: c, share: tpp / total }
  }
  return {
    veu,
    total,
    tier1Share: t1 / total,
    usShare: (perCountry.get('US') ?? 0) / total,
    largestTier2: largest,
  }
}

/** VEU ids present in buckets or the installed base, per kind. */
export function veusOf(buckets: readonly HeadroomRow[], kind: 'nveu' | 'uveu_country'): string[] {
  return [...new Set(buckets.filter((b) => b.kind === kind && b.veu).map((b) => b.veu!))].sort()
}

/**
 * The board's summary line. Regulatory buckets (allocations, LPP, VEU caps) and licences are counted
 * apart: a licence at 100% is the licence drawn down by its shipments, not headroom used up. Both
 * counts use the rows' own alert level (the grid's "% used"), so the line agrees with the grid.
 */
export interface BoardSummary {
  /** Every bucket other than a licence, with or without a limit. */
  regulatory: number
  /** Regulatory buckets at 80% or more of their limit (alert level 80, 90, 95 or 100). */
  regulatoryAt80: number
  /** Regulatory buckets at 100% or more of their limit. */
  regulatoryUsedUp: number
  licences: number
  /** Licences whose authorized TPP is drawn down in full (100% or more). */
  licencesDrawnDown: number
}

export function boardSummary(buckets: readonly HeadroomRow[]): BoardSummary {
  const s: BoardSummary = {
    regulatory: 0,
    regulatoryAt80: 0,
    regulatoryUsedUp: 0,
    licences: 0,
    licencesDrawnDown: 0,
  }
  for (const b of buckets) {
    if (b.kind === 'licence') {
      s.licences++
      if (b.alertLevel === '100') s.licencesDrawnDown++
    } else {
      s.regulatory++
      if (b.alertLevel !== 'none') s.regulatoryAt80++
      if (b.alertLevel === '100') s.regulatoryUsedUp++
    }
  }
  return s
}

/** Column totals over the rows a grid shows, licences included, as the grid's own columns read. */
export function rowTotals(rows: readonly HeadroomRow[]): { committed: number; reserved: number } {
  let committed = 0
  let reserved = 0
  for (const b of rows) {
    committed += b.committed
    reserved += b.reserved
  }
  return { committed, reserved }
}

/** A `headroom.buckets` input: the board's selection (none under `auto`). */
export interface BoardSelection {
  packId?: string
  on?: string
}

/** A selection in the words of the board's own line: all packs, a pack, or a scenario on its date. */
export function selectionWords(s: BoardSelection, isScenario: (id: string) => boolean): string {
  if (!s.packId) return 'all packs'
  return isScenario(s.packId) ? `scenario ${s.packId}${s.on ? ` on ${s.on}` : ''}` : `pack ${s.packId}`
}

/**
 * What the board says while it keeps earlier figures in view, dimmed, and reads the next answer:
 * whose figures they are. `previous` is the selection the buckets shown answer; null when the buckets
 * are current and only the country names or the installed base are read again.
 */
export function staleNote(
  previous: BoardSelection | null,
  current: BoardSelection,
  isScenario: (id: string) => boolean,
): string {
  if (previous === null) return 'Updating: some of the figures shown, dimmed, are being read again.'
  const now = selectionWords(current, isScenario)
  const then = selectionWords(previous, isScenario)
  return now === then
    ? `Reading ${now} again: the figures shown, dimmed, are those read before.`
    : `Updating for ${now}: the figures shown, dimmed, are still those for ${then}.`
}
