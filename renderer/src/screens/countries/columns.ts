import type { ColDef } from 'ag-grid-community'
import type { CountryRow } from '../../../../shared/domain/country'
import { PctBarCell } from '../../charts/PctBar'
import { DASH, formatH100e, formatTpp } from '../../format'

export interface CountryColumnsFrame {
  /** The pack has tiers (only the diffusion framework does): otherwise the column is left out. */
  tiered: boolean
  /** The pack sets country allocations: otherwise the cap columns are left out. */
  allocations: boolean
  /** TPP of one H100, from the pack, for the H100e column. */
  h100Tpp: number
}

const tpp = (p: { value: number | null | undefined }) => formatTpp(p.value)
const num = { type: 'rightAligned', filter: 'agNumberColumnFilter', width: 150 } as const

/**
 * The Countries grid's columns for a pack. Columns the pack has nothing for are left out rather
 * than shown empty: an all-dash tier column under the enforced regime would read as "no tier yet".
 */
export function countryColumns(f: CountryColumnsFrame): ColDef<CountryRow>[] {
  const cols: ColDef<CountryRow>[] = [
    { colId: 'iso2', field: 'iso2', headerName: 'ISO', width: 80, pinned: 'left' },
    { colId: 'name', field: 'name', headerName: 'Country', flex: 2, minWidth: 180, pinned: 'left' },
    {
      colId: 'groups',
      field: 'groups',
      headerName: 'EAR groups',
      flex: 1,
      minWidth: 150,
      valueFormatter: (p) => (p.value && p.value.length ? p.value.join(', ') : DASH),
      getQuickFilterText: (p) => (p.value as string[]).join(' '),
    },
  ]
  if (f.tiered)
    cols.push({
      colId: 'tier',
      field: 'tier',
      headerName: 'Tier',
      width: 90,
      filter: 'agNumberColumnFilter',
      valueFormatter: (p) => (p.value == null ? DASH : String(p.value)),
    })
  if (f.allocations)
    cols.push(
      { ...num, colId: 'allocation', field: 'allocation', headerName: 'Allocation (TPP)', valueFormatter: tpp },
      { ...num, colId: 'licensed', field: 'licensed', headerName: 'Licensed (TPP)', valueFormatter: tpp },
      { ...num, colId: 'reserved', field: 'reserved', headerName: 'Reserved (TPP)', valueFormatter: tpp },
      { ...num, colId: 'remaining', field: 'remaining', headerName: 'Remaining (TPP)', valueFormatter: tpp },
      {
        ...num,
        colId: 'remainingH100e',
        headerName: 'Remaining (H100e)',
        width: 140,
        valueGetter: (p) => (p.data?.remaining == null ? null : p.data.remaining / f.h100Tpp),
        valueFormatter: (p) => formatH100e(p.value as number | null),
      },
      {
        colId: 'pctUsed',
        field: 'pctUsed',
        headerName: '% used',
        width: 170,
        filter: 'agNumberColumnFilter',
        cellRenderer: PctBarCell,
      },
    )
  return cols
}
