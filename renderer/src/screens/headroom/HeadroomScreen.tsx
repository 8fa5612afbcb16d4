import type { AgChartOptions } from 'ag-charts-community'
import type { GridApi, GridReadyEvent, ModelUpdatedEvent } from 'ag-grid-community'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { BucketKind, HeadroomRow } from '../../../../shared/domain/headroom'
import type { RulePack } from '../../../../shared/rules/types'
import { BucketHistoryChart } from '../../charts/BucketHistoryChart'
import { Chart, tppAxis, tppTooltip } from '../../charts/Chart'
import { DASH, formatPct, formatShare, formatTpp, formatTppCompact } from '../../format'
import { DataGrid } from '../../grid/DataGrid'
import { exportGridCsv } from '../../grid/exporters'
import { packInput, useWorkspace } from '../../state/workspace'
import { useSession } from '../../shell/session'
import { getPack, useOp } from '../packs/frame'
import {
  boardSummary,
  limitPacksWords,
  lppByConsignee,
  nveuSeries,
  recordedPackIds,
  rowTotals,
  staleNote,
  uveuShares,
  veusOf,
} from './board'
import { bucketColumns, bucketRowId, type BucketGridRow } from './bucket-columns'
import { BUCKET_KIND_LABEL } from '../../../../shared/rules/buckets'
import { countryName } from '../../../../shared/countries'

/**
 * The headroom board: every capacity bucket the ledger keeps (running totals), drawn per kind —
 * country allocations, consignee LPP by year, NVEU country-quarter caps, UVEU distribution — and
 * listed in one grid. A pinned pack shows only its buckets; `auto` shows all, each with its pack.
 */
export function HeadroomScreen() {
  const ws = useWorkspace()
  const session = useSession()
  // Under a pinned scenario the limits are the scenario's on the header's date (`on`), as the Countries
  // grid reads them; the listing keeps every period. The allocation-over-time chart asks the same.
  const selection = ws.packId === 'auto' ? null : { packId: ws.packId, on: ws.asOf }
  const buckets = useOp('headroom.buckets', selection ?? {})
  const countries = useOp('countries.list', packInput(ws))
  const base = useOp('parties.installedBase', {})
  // While the next answer is read (another selection, or the ledger changed) the board keeps the last
  // figures in view, as a desk tool does rather than blanking its charts, but dimmed, busy and said to
  // be whose they are: never as the answer to the new selection.
  const bucketRows = buckets.data ?? buckets.previous?.data ?? null
  const countryRows = countries.data ?? countries.previous?.data ?? null
  const baseRows = base.data ?? base.previous?.data ?? null
  const stale = buckets.previous !== null || countries.previous !== null || base.previous !== null
  const all = useMemo(() => bucketRows ?? [], [bucketRows])
  const names = useMemo(() => new Map((countryRows ?? []).map((c) => [c.iso2, c.name])), [countryRows])
  // The ISO name when the pack's list is not there (no pack governs the as-of date): the board itself
  // is the ledger's buckets under every pack and does not depend on the date.
  const nameOf = useCallback(
    (iso2: string | null) => (iso2 ? (names.get(iso2) ?? countryName(iso2) ?? iso2) : DASH),
    [names],
  )
  // The VEU charts' caps and tiers come from the pack their buckets were recorded under (the diffusion
  // framework), not necessarily the pack the header shows, and under `auto` not one pack for all.
  const recordedPacks = useRulePacks(all)
  // Whether the header pins a scenario: from the session's pack list, which names the selection itself.
  const isScenario = useCallback(
    (id: string) => session.packs.some((p) => p.id === id && p.scenario),
    [session.packs],
  )
  const scenario = isScenario(ws.packId) ? ws.packId : null

  const summary = useMemo(() => boardSummary(all), [all])
  return (
    <section className="screen headroom-screen" aria-labelledby="headroom-title">
      <header className="screen-header">
        <h1 id="headroom-title">Headroom</h1>
        {bucketRows && (
          <span className={stale ? 'muted is-stale' : 'muted'} data-testid="headroom-summary">
            {summary.regulatory} regulatory {summary.regulatory === 1 ? 'bucket' : 'buckets'} (all periods):{' '}
            {summary.regulatoryAt80} at 80% or more of the limit, {summary.regulatoryUsedUp} used up ·{' '}
            {summary.licences} {summary.licences === 1 ? 'licence' : 'licences'}: {summary.licencesDrawnDown}{' '}
            drawn down in full
          </span>
        )}
        <span className="muted" data-testid="headroom-pack">
          {ws.packId === 'auto'
            ? 'all packs'
            : scenario
              ? `scenario ${ws.packId}: what-if limits on ${ws.asOf}, use as recorded`
              : `pack ${ws.packId}`}
        </span>
      </header>
      {(buckets.error ?? countries.error ?? base.error) && (
        <p role="alert" className="error">
          {buckets.error ?? countries.error ?? base.error}
        </p>
      )}
      {stale && (
        <p className="stale-note" role="status" data-testid="headroom-stale">
          {staleNote(buckets.previous?.input ?? null, selection ?? {}, isScenario)}
        </p>
      )}
      <div
        className={stale ? 'headroom-board is-stale' : 'headroom-board'}
        aria-busy={stale}
        data-testid="headroom-board"
      >
        {/* Until the buckets are read (or when they cannot be), the charts' empty states ("No LPP shipments
          recorded") and an empty grid would read as nothing drawn on: say what is happening instead. */}
        {bucketRows ? (
          <>
            <CountrySection buckets={all} nameOf={nameOf} selection={selection} />
            <div className="chart-grid">
              <LppChart buckets={all} />
              <NveuChart buckets={all} packs={recordedPacks} scenario={scenario} nameOf={nameOf} />
              <UveuChart
                buckets={all}
                base={baseRows ?? []}
                packs={recordedPacks}
                scenario={scenario}
                nameOf={nameOf}
              />
            </div>
          </>
        ) : (
          <p className="muted" data-testid="headroom-not-loaded" aria-live="polite">
            {buckets.error
              ? 'The buckets could not be read from the ledger, so no headroom is shown: not zero, not clear.'
              : 'Reading the buckets from the ledger…'}
          </p>
        )}
        <BucketGrid buckets={bucketRows ? all : null} unavailable={buckets.error} />
      </div>
    </section>
  )
}

/**
 * The rule packs the board's buckets were recorded under, in full, by id: absent while a pack is read,
 * null when it could not be. The VEU charts read their caps and tiers from them.
 */
function useRulePacks(buckets: readonly HeadroomRow[]): ReadonlyMap<string, RulePack | null> {
  // One string, so the effect runs again only when the set of packs changes, not with every answer.
  const ids = useMemo(() => recordedPackIds(buckets).join('\n'), [buckets])
  const [packs, setPacks] = useState<ReadonlyMap<string, RulePack | null>>(new Map())
  useEffect(() => {
    let live = true
    for (const id of ids ? ids.split('\n') : [])
      getPack(id).then(
        (p) => live && setPacks((m) => new Map(m).set(id, p)),
        () => live && setPacks((m) => new Map(m).set(id, null)),
      )
    return () => {
      live = false
    }
  }, [ids])
  return packs
}

/**
 * The one pack a set of VEU buckets was recorded under, for its caps and tiers: null while it is read,
 * or when the buckets span several packs (only `auto` lists those together) and no one pack's caps
 * are theirs.
 */
function recordedPackOf(rows: readonly HeadroomRow[], packs: ReadonlyMap<string, RulePack | null>) {
  const ids = recordedPackIds(rows)
  return ids.length === 1 ? (packs.get(ids[0]!) ?? null) : null
}

/** Under a pinned scenario: the VEU charts draw the recorded caps, and say that the scenario's are not applied. */
const recordedNote = (scenario: string | null) =>
  scenario ? ` (as recorded: scenario ${scenario}'s limits apply to allocations and LPP only)` : ''

function CountrySection({
  buckets,
  nameOf,
  selection,
}: {
  buckets: HeadroomRow[]
  nameOf(iso2: string | null): string
  selection: { packId: string; on: string } | null
}) {
  const countryBuckets = useMemo(
    () => buckets.filter((b) => b.kind === 'country').sort((a, b) => (b.pctUsed ?? 0) - (a.pctUsed ?? 0)),
    [buckets],
  )
  const charted = useMemo(() => countryBuckets.slice(0, 15), [countryBuckets])
  const limitsOf = limitPacksWords(charted, (b) => nameOf(b.country))
  const [chosen, setChosen] = useState<string>('')
  const current = chosen || countryBuckets[0]?.bucket || ''
  const options = useMemo<AgChartOptions>(
    () => ({
      data: charted.map((b) => ({
        country: nameOf(b.country),
        committed: b.committed,
        reserved: b.reserved,
        remaining: Math.max(b.remaining ?? 0, 0),
      })),
      series: [
        {
          type: 'bar',
          direction: 'horizontal',
          xKey: 'country',
          yKey: 'committed',
          // The grid's word (its Committed column) and the country statement's.
          yName: 'Committed',
          stacked: true,
          tooltip: tppTooltip,
        },
        {
          type: 'bar',
          direction: 'horizontal',
          xKey: 'country',
          yKey: 'reserved',
          yName: 'Reserved',
          stacked: true,
          tooltip: tppTooltip,
        },
        {
          type: 'bar',
          direction: 'horizontal',
          xKey: 'country',
          yKey: 'remaining',
          yName: 'Remaining',
          stacked: true,
          fill: '#c9d3de',
          tooltip: tppTooltip,
        },
      ],
      axes: {
        x: { type: 'category', position: 'left' },
        y: {
          type: 'number',
          position: 'bottom',
          label: { formatter: ({ value }: { value: number }) => formatTppCompact(value) },
        },
      },
      legend: { position: 'bottom' },
    }),
    [charted, nameOf],
  )
  return (
    <div className="chart-grid">
      <Chart
        id="country-usage"
        title="Country allocations: use by country"
        caption={`Tier-2 allocations in TPP, the most used first${limitsOf ? ` · limits of ${limitsOf}` : ''}`}
        options={options}
        empty={countryBuckets.length ? null : 'No country allocation has been drawn on.'}
        height={Math.max(200, 60 + 28 * Math.min(countryBuckets.length, 15))}
      />
      <div className="chart-with-picker">
        <label className="field-inline">
          Country
          <select
            aria-label="Country allocation to chart over time"
            value={current}
            onChange={(e) => setChosen(e.target.value)}
          >
            {countryBuckets.map((b) => (
              <option key={b.bucket} value={b.bucket}>
                {nameOf(b.country)} ({formatPct(b.pctUsed)} used)
              </option>
            ))}
          </select>
        </label>
        {current ? (
          <BucketHistoryChart
            id="country-history"
            bucket={current}
            selection={selection}
            title={`${nameOf(current.split(':')[1] ?? null)}: allocation over time`}
          />
        ) : (
          <p className="muted">No country allocation to chart.</p>
        )}
      </div>
    </div>
  )
}

function LppChart({ buckets }: { buckets: HeadroomRow[] }) {
  const { data, years, limits } = useMemo(() => lppByConsignee(buckets), [buckets])
  const lpp = useMemo(() => buckets.filter((b) => b.kind === 'lpp'), [buckets])
  const options = useMemo<AgChartOptions>(
    () => ({
      data,
      series: years.map((y) => ({
        type: 'bar' as const,
        xKey: 'consignee',
        yKey: y,
        yName: y,
        tooltip: tppTooltip,
      })),
      axes: {
        x: { type: 'category', position: 'bottom', label: { avoidCollisions: true } },
        y: {
          ...tppAxis,
          // One line per limit, each naming its pack when there is more than one (only under `auto`).
          crossLines: limits.map(({ limit, pack }) => ({
            type: 'line' as const,
            value: limit,
            stroke: '#b3261e',
            lineDash: [6, 4],
            label: {
              text: `LPP limit ${formatTppCompact(limit)}${limits.length > 1 && pack ? ` (${pack})` : ''}`,
              position: 'top' as const,
            },
          })),
        },
      },
      legend: { position: 'bottom' },
    }),
    [data, years, limits],
  )
  return (
    <Chart
      id="lpp"
      title="Consignee LPP use by calendar year"
      caption={lppCaption(
        limits,
        limitPacksWords(lpp, (b) => b.period ?? DASH),
      )}
      options={options}
      empty={data.length ? null : 'No LPP shipments recorded.'}
    />
  )
}

/** The LPP chart's caption: the limit or limits it draws, each with the pack it is the limit of. */
function lppCaption(limits: readonly { limit: number; pack: string | null }[], packs: string): string {
  const [one] = limits
  if (limits.length === 1 && one)
    return `Against ${formatTpp(one.limit)} TPP per consignee per year${one.pack ? ` · limit of ${one.pack}` : ''}`
  if (limits.length > 1)
    return `Against ${limits.map((l) => `${formatTpp(l.limit)} TPP (${l.pack ?? 'no pack'})`).join(', ')} per consignee per year`
  return `TPP per consignee per year${packs ? ` · no LPP limit under ${packs}` : ''}`
}

interface VeuChartProps {
  buckets: HeadroomRow[]
  base: { veu: string; country: string; tpp: number }[]
  /** The packs the buckets were recorded under (`useRulePacks`). */
  packs: ReadonlyMap<string, RulePack | null>
  /** The scenario the header pins, if any. */
  scenario: string | null
  nameOf(iso2: string | null): string
}

/** The NVEU chart draws the ledger's figures (each bucket's installed base and deals), no base of its own. */
function NveuChart({ buckets, packs, scenario, nameOf }: Omit<VeuChartProps, 'base'>) {
  const pairs = useMemo(() => {
    const seen = new Map<string, { veu: string; country: string }>()
    for (const b of buckets)
      if (b.kind === 'nveu' && b.veu && b.country)
        seen.set(`${b.veu}|${b.country}`, { veu: b.veu, country: b.country })
    return [...seen.entries()]
  }, [buckets])
  const [chosen, setChosen] = useState('')
  const key = chosen || pairs[0]?.[0] || ''
  const pair = pairs.find(([k]) => k === key)?.[1]
  const pairRows = useMemo(
    () => buckets.filter((b) => b.kind === 'nveu' && b.veu === pair?.veu && b.country === pair?.country),
    [buckets, pair],
  )
  // The quarters' caps are the schedule of the pack the pair's quarters were recorded under; where
  // they span packs, each quarter's own recorded limit.
  const pack = recordedPackOf(pairRows, packs)
  const schedule = pack?.caps.nveu?.schedule ?? NO_SCHEDULE
  const capsOf = limitPacksWords(pairRows, (b) => b.period ?? DASH)
  const data = useMemo(
    () => (pair ? nveuSeries(buckets, pair.veu, pair.country, schedule) : []),
    [buckets, pair, schedule],
  )
  const options = useMemo<AgChartOptions>(
    () => ({
      data,
      series: [
        {
          type: 'bar',
          xKey: 'quarter',
          yKey: 'installed',
          yName: 'Installed base (cumulative)',
          tooltip: tppTooltip,
        },
        {
          type: 'line',
          xKey: 'quarter',
          yKey: 'cap',
          yName: 'Quarter cap',
          stroke: '#b3261e',
          marker: { fill: '#b3261e' },
          tooltip: tppTooltip,
        },
      ],
      axes: {
        x: { type: 'category', position: 'bottom' },
        y: tppAxis,
      },
      legend: { position: 'bottom' },
    }),
    [data],
  )
  return (
    <div className="chart-with-picker">
      {pairs.length > 1 && (
        <label className="field-inline">
          NVEU
          <select
            aria-label="NVEU and country to chart"
            value={key}
            onChange={(e) => setChosen(e.target.value)}
          >
            {pairs.map(([k, p]) => (
              <option key={k} value={k}>
                {p.veu} in {nameOf(p.country)}
              </option>
            ))}
          </select>
        </label>
      )}
      <Chart
        id="nveu"
        title="NVEU country-quarter caps against installed base"
        caption={
          pair
            ? `${pair.veu} in ${nameOf(pair.country)}${capsOf ? ` · caps of ${capsOf}${recordedNote(scenario)}` : ''}`
            : undefined
        }
        options={options}
        empty={pair ? null : 'No NVEU deployments recorded.'}
      />
    </div>
  )
}

function UveuChart({ buckets, base, packs, scenario, nameOf }: VeuChartProps) {
  const veus = useMemo(() => veusOf(buckets, 'uveu_country'), [buckets])
  const [chosen, setChosen] = useState('')
  const veu = chosen || veus[0] || ''
  const veuRows = useMemo(
    () => buckets.filter((b) => b.kind === 'uveu_country' && b.veu === veu),
    [buckets, veu],
  )
  // Tier 1 and the share limits are the pack's the UVEU's buckets were recorded under: no shares are
  // worked out until it is read (a default tier 1 would give a tier-1 share no pack says).
  const pack = recordedPackOf(veuRows, packs)
  const tier1 = useMemo(() => (pack ? new Set(pack.countries.tiers?.tier1.value ?? ['US']) : null), [pack])
  const limits = pack?.caps.uveu
  const limitsOf = limitPacksWords(veuRows, (b) => nameOf(b.country))
  const shares = useMemo(
    () => (veu && tier1 ? uveuShares(buckets, base, veu, tier1) : null),
    [buckets, base, veu, tier1],
  )
  const data = useMemo(
    () =>
      shares
        ? [
            {
              measure: 'Tier-1 share (min)',
              share: shares.tier1Share ?? 0,
              limit: limits?.tier1MinShare.value ?? null,
            },
            {
              measure: 'US share (min, US HQ)',
              share: shares.usShare ?? 0,
              limit: limits?.usMinShareForUsHq.value ?? null,
            },
            {
              measure: `Largest tier-2${shares.largestTier2 ? ` (${nameOf(shares.largestTier2.country)})` : ''} (max)`,
              share: shares.largestTier2?.share ?? 0,
              limit: limits?.tier2CountryMaxShare.value ?? null,
            },
          ]
        : [],
    [shares, limits, nameOf],
  )
  const options = useMemo<AgChartOptions>(
    () => ({
      data,
      series: [
        { type: 'bar', xKey: 'measure', yKey: 'share', yName: 'Share of installed TPP', tooltip: pctTooltip },
        {
          type: 'bar',
          xKey: 'measure',
          yKey: 'limit',
          yName: 'Limit',
          fill: '#b3261e',
          fillOpacity: 0.35,
          tooltip: pctTooltip,
        },
      ],
      axes: {
        x: { type: 'category', position: 'bottom' },
        y: {
          type: 'number',
          position: 'left',
          min: 0,
          max: 1,
          label: { formatter: ({ value }: { value: number }) => formatShare(value) },
        },
      },
      legend: { position: 'bottom' },
    }),
    [data],
  )
  return (
    <div className="chart-with-picker">
      {veus.length > 1 && (
        <label className="field-inline">
          UVEU
          <select aria-label="UVEU to chart" value={veu} onChange={(e) => setChosen(e.target.value)}>
            {veus.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
      )}
      <Chart
        id="uveu"
        title="UVEU distribution"
        caption={
          shares
            ? `${veu}: ${formatTpp(shares.total)} TPP installed · tier 1 ${formatShare(shares.tier1Share)} · US ${formatShare(shares.usShare)} · largest tier 2 ${formatShare(shares.largestTier2?.share)}${limitsOf ? ` · limits and tiers of ${limitsOf}${recordedNote(scenario)}` : ''}`
            : undefined
        }
        options={options}
        empty={
          !veu
            ? 'No UVEU deployments recorded.'
            : !pack
              ? uveuPackMissing(veuRows, packs, limitsOf)
              : shares && shares.total > 0
                ? null
                : 'No UVEU deployments recorded.'
        }
      />
    </div>
  )
}

/** Why the UVEU chart draws no shares yet: its pack is being read, could not be, or there are several. */
function uveuPackMissing(
  rows: readonly HeadroomRow[],
  packs: ReadonlyMap<string, RulePack | null>,
  named: string,
): string {
  const ids = recordedPackIds(rows)
  if (ids.length === 0)
    return 'No rule pack is recorded for these buckets, so no tier-1 share can be worked out.'
  if (ids.length > 1)
    return `The buckets of this UVEU were recorded under several packs (${named}); pin one to chart its shares.`
  return packs.get(ids[0]!) === null
    ? `The rule pack ${ids[0]} could not be read, so no tier-1 share can be worked out.`
    : `Reading the tiers and limits of ${ids[0]}…`
}

const NO_SCHEDULE: readonly { quarter: string; limitTpp: number }[] = []

const pctTooltip = {
  renderer: (p: { datum: Record<string, unknown>; yKey: string; yName?: string }) => ({
    data: [{ label: p.yName ?? p.yKey, value: formatShare(p.datum[p.yKey] as number | null) }],
  }),
}

const KINDS: (BucketKind | 'all')[] = ['all', 'country', 'lpp', 'nveu', 'uveu_country', 'licence']

/** `buckets` null: not read yet (the grid shows its loading overlay) or unreadable (`unavailable`). */
function BucketGrid({ buckets, unavailable }: { buckets: HeadroomRow[] | null; unavailable: string | null }) {
  const [kind, setKind] = useState<BucketKind | 'all'>('all')
  const [quick, setQuick] = useState('')
  const rows = useMemo(
    () =>
      buckets?.filter((b) => kind === 'all' || b.kind === kind).map((b) => ({ ...b, id: b.bucket })) ?? null,
    [buckets, kind],
  )
  const apiRef = useRef<GridApi<BucketGridRow> | null>(null)
  // The rows the grid shows after its kind and quick filters (and any column filter), so the footer's
  // count and totals describe exactly those rows.
  const [shown, setShown] = useState<BucketGridRow[]>([])
  const onGridReady = useCallback((e: GridReadyEvent<BucketGridRow>) => {
    apiRef.current = e.api
  }, [])
  const onModelUpdated = useCallback((e: ModelUpdatedEvent<BucketGridRow>) => {
    const visible: BucketGridRow[] = []
    e.api.forEachNodeAfterFilter((n) => {
      if (n.data) visible.push(n.data)
    })
    setShown(visible)
  }, [])
  const totals = rowTotals(shown)
  return (
    <section className="bucket-section" aria-labelledby="buckets-title">
      <div className="toolbar" role="toolbar" aria-label="Buckets">
        <h2 id="buckets-title">All buckets</h2>
        <label className="field-inline">
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as BucketKind | 'all')}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k === 'all' ? 'All kinds' : BUCKET_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <input
          type="search"
          className="quick-filter"
          aria-label="Find buckets"
          placeholder="Find (country, consignee, VEU)…"
          value={quick}
          onChange={(e) => setQuick(e.target.value)}
        />
        <button
          type="button"
          onClick={() => apiRef.current && exportGridCsv(apiRef.current, 'headroom-buckets')}
        >
          Export CSV
        </button>
        {rows && (
          <span
            className="muted"
            data-testid="headroom-shown"
            title="Sums of the Committed and Reserved columns over the rows shown; a deal counts once in each bucket it draws on."
          >
            {shown.length} shown · committed {formatTpp(totals.committed)} TPP · reserved{' '}
            {formatTpp(totals.reserved)} TPP
          </span>
        )}
      </div>
      <DataGrid<BucketGridRow>
        gridId="headroom-buckets"
        rowId={bucketRowId}
        rowData={rows}
        columnDefs={bucketColumns}
        quickFilterText={quick}
        onGridReady={onGridReady}
        onModelUpdated={onModelUpdated}
        unavailable={unavailable}
      />
    </section>
  )
}
