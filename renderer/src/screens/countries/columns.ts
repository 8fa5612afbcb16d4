import type { CountryRow } from '../../../../shared/domain/country'
import { PctBarCell } from '../../charts/PctBar'
import { DASH, formatH100e, formatPct } from '../../format'
import { gridCell, plainFormat, tppColumn, type ColDefT } from '../../grid/columns'

/** A country row as the grid holds it: the house grid keys every row on `id` (here the ISO code). */
export type CountryGridRow = CountryRow & { id: string }

export const toGridRow = (r: CountryRow): CountryGridRow => ({ ...r, id: r.iso2 })

export interface CountryColumnsFrame {
  /** The pack has tiers (only the diffusion framework does): otherwise the column is left out. */
  tiered: boolean
  /** The pack sets country allocations: otherwise the cap columns are left out. */
  allocations: boolean
  /** TPP of one H100, from the pack, for the H100e column. */
  h100Tpp: number
}

/**
 * The Countries grid's columns for a pack. Columns the pack has nothing for are left out rather
 * than shown empty: an all-dash tier column under the enforced regime would read as "no tier yet".
 */
export function countryColumns(f: CountryColumnsFrame): ColDefT<CountryGridRow>[] {
  const cols: ColDefT<CountryGridRow>[] = [
    gridCell<CountryGridRow, string>({
      colId: 'iso2',
      field: 'iso2',
      headerName: 'ISO',
      format: plainFormat,
      width: 80,
      pinned: 'left',
    }),
    gridCell<CountryGridRow, string>({
      colId: 'name',
      field: 'name',
      headerName: 'Country',
      format: plainFormat,
      flex: 2,
      minWidth: 180,
      pinned: 'left',
    }),
    gridCell<CountryGridRow, string[]>({
      colId: 'groups',
      field: 'groups',
      headerName: 'EAR groups',
      // AG Grid may hand the quick filter an already-joined string; accept both.
      format: (v) => (Array.isArray(v) ? (v.length ? v.join(', ') : DASH) : v ? String(v) : DASH),
      flex: 1,
      minWidth: 150,
    }),
  ]
  if (f.tiered)
    cols.push(
      gridCell<CountryGridRow, number | null>({
        colId: 'tier',
        field: 'tier',
        headerName: 'Tier',
        format: (v) => (v == null ? DASH : String(v)),
        width: 90,
        filter: 'agNumberColumnFilter',
      }),
    )
  if (f.allocations)
    cols.push(
      ...[
        tppColumn<CountryGridRow>('allocation', 'Allocation (TPP)'),
        // Named as the Headroom board names the same figure (committed by licensed or shipped deals).
        tppColumn<CountryGridRow>('licensed', 'Committed (TPP)'),
        tppColumn<CountryGridRow>('reserved', 'Reserved (TPP)'),
        tppColumn<CountryGridRow>('remaining', 'Remaining (TPP)'),
        gridCell<CountryGridRow, number | null>({
          colId: 'remainingH100e',
          headerName: 'Remaining (H100e)',
          valueGetter: (p) => (p.data?.remaining == null ? null : p.data.remaining / f.h100Tpp),
          format: (v) => formatH100e(v),
          type: 'rightAligned',
          filter: 'agNumberColumnFilter',
          width: 150,
        }),
        gridCell<CountryGridRow, number | null | undefined>({
          colId: 'pctUsed',
          field: 'pctUsed',
          headerName: '% used',
          format: (v) => formatPct(v),
          cellRenderer: PctBarCell,
          filter: 'agNumberColumnFilter',
          width: 170,
        }),
      ],
    )
  return cols
}
