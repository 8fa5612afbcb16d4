import { useCallback, useId, useMemo, useState, type FormEvent } from 'react'
import { countryList, countryName } from '../../../../shared/countries'
import type { InstalledBaseRow, PartyKind, PartyRow } from '../../../../shared/domain/party'
import { call } from '../../api/client'
import { DASH, formatDate, formatInt, formatTpp } from '../../format'
import { gridCell, plainFormat, type ColDefT } from '../../grid/columns'
import { DataGrid } from '../../grid/DataGrid'
import { useOp } from '../packs/frame'

const KIND_LABEL: Record<PartyKind, string> = {
  consignee: 'Consignee',
  end_user: 'End user',
  parent: 'Parent',
  other: 'Other',
}
const country = (v: string | null | undefined) => (v ? `${countryName(v) ?? v} (${v})` : DASH)

const partyColumns: ColDefT<PartyRow>[] = [
  gridCell<PartyRow, string>({
    colId: 'name',
    field: 'name',
    headerName: 'Party',
    format: plainFormat,
    flex: 2,
    minWidth: 220,
    pinned: 'left',
  }),
  gridCell<PartyRow, PartyKind>({
    colId: 'kind',
    field: 'kind',
    headerName: 'Kind',
    format: (v) => (v ? KIND_LABEL[v] : DASH),
    width: 120,
  }),
  gridCell<PartyRow, string | null>({
    colId: 'hq',
    field: 'hq',
    headerName: 'Headquarters',
    format: country,
    width: 190,
  }),
  gridCell<PartyRow, string | null>({
    colId: 'parentName',
    field: 'parentName',
    headerName: 'Ultimate parent',
    format: plainFormat,
    width: 190,
  }),
  gridCell<PartyRow, string | null | undefined>({
    colId: 'parentHq',
    field: 'parentHq',
    headerName: 'Parent HQ',
    // Null means "no parent", undefined "not known": the determination treats them differently.
    format: (v) => (v === undefined ? 'Not known' : v === null ? 'No parent' : country(v)),
    width: 170,
  }),
  gridCell<PartyRow, string>({
    colId: 'veu',
    headerName: 'Validated end user',
    valueGetter: (p) => (p.data?.veu ? `${p.data.veu.kind} ${p.data.veu.id}` : ''),
    format: plainFormat,
    width: 190,
  }),
  gridCell<PartyRow, string>({
    colId: 'veuCountries',
    headerName: 'VEU countries',
    valueGetter: (p) => p.data?.veu?.countries.join(', ') ?? '',
    format: plainFormat,
    width: 150,
  }),
  gridCell<PartyRow, boolean>({
    colId: 'sample',
    field: 'sample',
    headerName: 'Sample',
    format: (v) => (v ? 'Sample' : ''),
    width: 100,
  }),
  gridCell<PartyRow, number>({
    colId: 'version',
    field: 'version',
    headerName: 'Version',
    format: (v) => String(v ?? DASH),
    width: 100,
    type: 'rightAligned',
  }),
  gridCell<PartyRow, string>({
    colId: 'updatedAt',
    field: 'updatedAt',
    headerName: 'Updated',
    format: (v) => formatDate(v),
    width: 170,
  }),
]

type BaseGridRow = InstalledBaseRow & { id: string }
const baseColumns: ColDefT<BaseGridRow>[] = [
  gridCell<BaseGridRow, string>({
    colId: 'veu',
    field: 'veu',
    headerName: 'VEU',
    format: plainFormat,
    flex: 1,
  }),
  gridCell<BaseGridRow, string>({
    colId: 'country',
    field: 'country',
    headerName: 'Country',
    format: country,
    flex: 1,
  }),
  gridCell<BaseGridRow, number>({
    colId: 'tpp',
    field: 'tpp',
    headerName: 'Installed base (TPP)',
    format: (v) => formatTpp(v),
    type: 'rightAligned',
    flex: 1,
  }),
]

const partyId = (p: PartyRow) => String(p.id)
const baseId = (r: BaseGridRow) => r.id

/** Consignees, end users and parents with headquarters and VEU status; the VEUs' installed base. */
export function PartiesScreen() {
  const parties = useOp('parties.list', {})
  const base = useOp('parties.installedBase', {})
  const baseRows = useMemo(
    () => base.data?.map((r) => ({ ...r, id: `${r.veu}:${r.country}` })) ?? null,
    [base.data],
  )
  const [quick, setQuick] = useState('')
  const onSaved = useCallback(
    (p: PartyRow) => {
      parties.reload()
      setQuick(p.name)
    },
    [parties],
  )
  return (
    <section className="screen parties-screen" aria-labelledby="parties-title">
      <header className="screen-header">
        <h1 id="parties-title">Parties</h1>
        {parties.data && (
          <span className="muted">
            {formatInt(parties.data.length)} {parties.data.length === 1 ? 'party' : 'parties'}
          </span>
        )}
      </header>
      {(parties.error ?? base.error) && (
        <p role="alert" className="error">
          {parties.error ?? base.error}
        </p>
      )}
      <div className="toolbar" role="toolbar" aria-label="Parties">
        <input
          type="search"
          className="quick-filter"
          aria-label="Find parties"
          placeholder="Find (name, country, VEU)…"
          value={quick}
          onChange={(e) => setQuick(e.target.value)}
        />
      </div>
      <DataGrid<PartyRow>
        gridId="parties"
        rowId={partyId}
        rowData={parties.data}
        columnDefs={partyColumns}
        quickFilterText={quick}
      />
      <div className="parties-bottom">
        <AddPartyForm onSaved={onSaved} />
        <section className="panel" aria-labelledby="installed-title">
          <h2 id="installed-title">Installed base of validated end users</h2>
          <DataGrid<BaseGridRow>
            gridId="installed-base"
            rowId={baseId}
            rowData={baseRows}
            columnDefs={baseColumns}
            domLayout="autoHeight"
          />
        </section>
      </div>
    </section>
  )
}

function AddPartyForm({ onSaved }: { onSaved(p: PartyRow): void }) {
  const id = useId()
  const [name, setName] = useState('')
  const [kind, setKind] = useState<PartyKind>('consignee')
  const [hq, setHq] = useState('')
  const [parentName, setParentName] = useState('')
  const [parentHq, setParentHq] = useState('unknown')
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const countries = useMemo(() => countryList(), [])
  async function submit(e: FormEvent) {
    e.preventDefault()
    try {
      const p = await call('parties.upsert', {
        name,
        kind,
        hq: hq || null,
        parentName: parentName.trim() || null,
        ...(parentHq === 'unknown' ? {} : { parentHq: parentHq === 'none' ? null : parentHq }),
      })
      setSaved(p.name)
      setError(null)
      setName('')
      setParentName('')
      onSaved(p)
    } catch (err) {
      // Only the latest outcome: a refusal replaces the note of an earlier save.
      setSaved(null)
      setError((err as Error).message)
    }
  }
  const countryOptions = countries.map((c) => (
    <option key={c.iso2} value={c.iso2}>
      {c.name} ({c.iso2})
    </option>
  ))
  return (
    <form className="panel" aria-labelledby={`${id}-t`} onSubmit={submit}>
      <h2 id={`${id}-t`}>Add a party</h2>
      <div className="form-grid">
        <label className="form-field">
          <span>Name</span>
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="form-field">
          <span>Kind</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as PartyKind)}>
            {Object.entries(KIND_LABEL).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label className="form-field">
          <span>Headquarters</span>
          <select value={hq} onChange={(e) => setHq(e.target.value)}>
            <option value="">Not known</option>
            {countryOptions}
          </select>
        </label>
        <label className="form-field">
          <span>Ultimate parent</span>
          <input value={parentName} onChange={(e) => setParentName(e.target.value)} />
        </label>
        <label className="form-field">
          <span>Parent headquarters</span>
          <select value={parentHq} onChange={(e) => setParentHq(e.target.value)}>
            <option value="unknown">Not known</option>
            <option value="none">No parent</option>
            {countryOptions}
          </select>
        </label>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit">Save party</button>
        {saved && (
          <span role="status" className="ok-text">
            Saved {saved}.
          </span>
        )}
      </div>
    </form>
  )
}
