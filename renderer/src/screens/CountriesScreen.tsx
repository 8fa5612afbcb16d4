import type { ColDef } from 'ag-grid-community'
import { useEffect, useState } from 'react'
import type { CountryRow } from '../../../shared/domain/country'
import { call } from '../api/client'
import { DataGrid } from '../grid/DataGrid'

const columns: ColDef<CountryRow>[] = [
  { colId: 'iso2', field: 'iso2', headerName: 'ISO', width: 90 },
  { colId: 'name', field: 'name', headerName: 'Country', flex: 2, minWidth: 200 },
  {
    colId: 'groups',
    field: 'groups',
    headerName: 'EAR groups',
    flex: 1,
    valueFormatter: (p) => (p.value && p.value.length ? p.value.join(', ') : '–'),
  },
  { colId: 'tier', field: 'tier', headerName: 'Tier', width: 90, valueFormatter: (p) => (p.value == null ? '–' : String(p.value)) },
]

const rowId = (row: CountryRow) => row.iso2

export function CountriesScreen() {
  const [rows, setRows] = useState<CountryRow[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    call('countries.list', {}).then(setRows, (e: Error) => setError(e.message))
  }, [])
  return (
    <section className="screen" aria-labelledby="countries-title">
      <header className="screen-header">
        <h1 id="countries-title">Countries</h1>
        {rows && <span className="muted">{rows.length} countries</span>}
      </header>
      {error && <p role="alert" className="error">{error}</p>}
      <DataGrid<CountryRow> gridId="countries" rowId={rowId} rowData={rows} columnDefs={columns} />
    </section>
  )
}
