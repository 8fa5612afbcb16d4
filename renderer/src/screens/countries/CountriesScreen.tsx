import type { GridApi, GridReadyEvent, IRowNode, RowClickedEvent } from 'ag-grid-community'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { CountryRow } from '../../../../shared/domain/country'
import { BucketHistoryChart } from '../../charts/BucketHistoryChart'
import { PctBar } from '../../charts/PctBar'
import { DASH, formatH100e, formatPct, formatTpp } from '../../format'
import { DataGrid } from '../../grid/DataGrid'
import { MAP_MODES, type MapMode } from '../../map/fills'
import { WorldMap } from '../../map/WorldMap'
import { packInput, useWorkspace } from '../../state/workspace'
import { usePackFrame, useOp } from '../packs/frame'
import { countryColumns, toGridRow, type CountryGridRow } from './columns'

const rowId = (row: CountryGridRow) => row.id

function describeCountry(r: CountryRow): string {
  const parts = [r.name]
  if (r.tier != null) parts.push(`tier ${r.tier}`)
  if (r.groups.length) parts.push(r.groups.join(', '))
  if (r.pctUsed != null) parts.push(`${formatPct(r.pctUsed)} used`)
  return parts.join(' · ')
}

/**
 * Every ISO country under the selected pack: groups, tier, the country allocation and its use,
 * with a world map linked to the grid (a click on a country filters the grid to it).
 */
export function CountriesScreen() {
  const ws = useWorkspace()
  const { frame, error: frameError } = usePackFrame()
  const countries = useOp('countries.list', packInput(ws))
  const rows = useMemo(() => countries.data?.map(toGridRow) ?? null, [countries.data])
  const pack = frame?.pack
  const tiered = pack ? pack.countries.tiers != null : true
  const allocations = pack ? pack.caps.countryAllocation != null : true
  const h100Tpp = pack?.classification.h100Tpp.value ?? 15_832
  const columns = useMemo(
    () => countryColumns({ tiered, allocations, h100Tpp }),
    [tiered, allocations, h100Tpp],
  )

  const [mode, setMode] = useState<MapMode>('tier')
  // The tier colouring means nothing under a pack without tiers; fall back to groups there.
  const effectiveMode: MapMode =
    mode === 'tier' && !tiered ? 'groups' : mode === 'pct' && !allocations ? 'groups' : mode
  const [selected, setSelected] = useState<string | null>(null)
  const [focused, setFocused] = useState<string | null>(null)
  const [quick, setQuick] = useState('')
  const [shown, setShown] = useState<number | null>(null)

  const apiRef = useRef<GridApi<CountryGridRow> | null>(null)
  const selectedRef = useRef<string | null>(null)
  selectedRef.current = selected
  const isExternalFilterPresent = useCallback(() => selectedRef.current != null, [])
  const doesExternalFilterPass = useCallback(
    (node: IRowNode<CountryGridRow>) => node.data?.iso2 === selectedRef.current,
    [],
  )
  const countShown = useCallback(() => setShown(apiRef.current?.getDisplayedRowCount() ?? null), [])
  const onGridReady = useCallback(
    (e: GridReadyEvent<CountryGridRow>) => {
      apiRef.current = e.api
      countShown()
    },
    [countShown],
  )
  useEffect(() => {
    apiRef.current?.onFilterChanged()
  }, [selected])

  const select = useCallback((iso2: string | null) => {
    setSelected(iso2)
    setFocused(iso2)
  }, [])
  const onRowClicked = useCallback(
    (e: RowClickedEvent<CountryGridRow>) => setFocused(e.data?.iso2 ?? null),
    [],
  )

  const byIso = useMemo(() => new Map((rows ?? []).map((r) => [r.iso2, r])), [rows])
  const sortedRows = useMemo(
    () => [...(rows ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'en')),
    [rows],
  )
  const selectedRow = selected ? byIso.get(selected) : undefined
  const focusedRow = focused ? byIso.get(focused) : undefined
  const error = countries.error ?? frameError

  return (
    <section className="screen countries-screen" aria-labelledby="countries-title">
      <header className="screen-header">
        <h1 id="countries-title">Countries</h1>
        {rows && <span className="muted">{rows.length} countries</span>}
        {frame && (
          <span className="muted" data-testid="countries-pack">
            under {frame.resolved.title}
            {/* Groups, tiers and allocations are read on the date, pinned pack or not: always say it. */}
            {frame.resolved.auto
              ? ` (in force on ${frame.resolved.asOf})`
              : ` (pinned), on ${frame.resolved.asOf}`}
          </span>
        )}
      </header>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}

      <div className="countries-toolbar" role="toolbar" aria-label="Map and filter">
        <div className="segmented" role="radiogroup" aria-label="Colour the map by">
          {MAP_MODES.map((m) => {
            const disabled = (m.mode === 'tier' && !tiered) || (m.mode === 'pct' && !allocations)
            return (
              <label key={m.mode} className={disabled ? 'disabled' : undefined}>
                <input
                  type="radio"
                  name="map-mode"
                  value={m.mode}
                  checked={effectiveMode === m.mode}
                  disabled={disabled}
                  onChange={() => setMode(m.mode)}
                />
                {m.label}
              </label>
            )
          })}
        </div>
        <label className="field-inline">
          Country
          <select
            aria-label="Filter to a country"
            value={selected ?? ''}
            onChange={(e) => select(e.target.value || null)}
          >
            <option value="">All countries</option>
            {sortedRows.map((r) => (
              <option key={r.iso2} value={r.iso2}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        {selectedRow && (
          <span className="filter-chip" data-testid="country-filter-chip">
            Filtered to {selectedRow.name}
            <button
              type="button"
              aria-label={`Clear the ${selectedRow.name} filter`}
              onClick={() => select(null)}
            >
              ×
            </button>
          </span>
        )}
        <input
          type="search"
          className="quick-filter"
          placeholder="Find (name, code, group)…"
          aria-label="Find countries"
          value={quick}
          onChange={(e) => setQuick(e.target.value)}
        />
        {shown != null && rows && (
          <span className="muted" data-testid="countries-shown" aria-live="polite">
            {shown === rows.length ? `All ${rows.length} shown` : `${shown} of ${rows.length} shown`}
          </span>
        )}
      </div>

      <div className="countries-top">
        <WorldMap
          rows={rows}
          mode={effectiveMode}
          selected={selected ?? focused}
          onSelect={select}
          describe={describeCountry}
        />
        <CountryCard
          row={focusedRow}
          allocations={allocations}
          h100Tpp={h100Tpp}
          // The card's allocation is the pinned pack's on the date (a scenario's what-if limit): the
          // chart under it draws the same.
          selection={ws.packId === 'auto' ? null : { packId: ws.packId, on: ws.asOf }}
        />
      </div>

      <DataGrid<CountryGridRow>
        gridId="countries"
        rowId={rowId}
        rowData={rows}
        columnDefs={columns}
        quickFilterText={quick}
        isExternalFilterPresent={isExternalFilterPresent}
        doesExternalFilterPass={doesExternalFilterPass}
        onGridReady={onGridReady}
        onModelUpdated={countShown}
        onRowClicked={onRowClicked}
        unavailable={countries.error}
        // A dozen columns: rendering them all keeps every cell reachable (tests, screen readers).
        suppressColumnVirtualisation
      />
    </section>
  )
}

function CountryCard({
  row,
  allocations,
  h100Tpp,
  selection,
}: {
  row: CountryRow | undefined
  allocations: boolean
  h100Tpp: number
  selection: { packId: string; on: string } | null
}) {
  if (!row)
    return (
      <aside className="country-card muted" aria-label="Country detail">
        {allocations
          ? 'Click a country on the map or a row in the grid to see its groups, its allocation and its use over time.'
          : 'Click a country on the map or a row in the grid to see its EAR groups under this pack.'}
      </aside>
    )
  return (
    <aside className="country-card" aria-label={`${row.name} detail`} data-testid="country-card">
      <h2>
        {row.name} <span className="muted">{row.iso2}</span>
      </h2>
      <dl className="facts">
        <dt>EAR groups</dt>
        <dd>{row.groups.length ? row.groups.join(', ') : 'None of the groups this pack lists'}</dd>
        {row.tier != null && (
          <>
            <dt>Tier</dt>
            <dd>{row.tier}</dd>
          </>
        )}
        {allocations && (
          <>
            <dt>Allocation</dt>
            <dd>{row.allocation == null ? 'None under this pack' : `${formatTpp(row.allocation)} TPP`}</dd>
            {/* The Headroom board's word for the figure (its Committed column): licensed or shipped. */}
            <dt>Committed</dt>
            <dd>{formatTpp(row.licensed)} TPP</dd>
            <dt>Reserved</dt>
            <dd>{formatTpp(row.reserved)} TPP</dd>
            <dt>Remaining</dt>
            <dd>
              {row.remaining == null
                ? DASH
                : `${formatTpp(row.remaining)} TPP (${formatH100e(row.remaining / h100Tpp)} H100e)`}
            </dd>
            <dt>% used</dt>
            <dd>
              <PctBar pct={row.pctUsed} />
            </dd>
          </>
        )}
      </dl>
      {allocations && row.allocation != null && (
        <BucketHistoryChart
          id="country-history"
          bucket={`country:${row.iso2}`}
          selection={selection}
          title={`${row.name}: allocation over time`}
          height={200}
        />
      )}
    </aside>
  )
}
