import type { Column, GridApi } from 'ag-grid-community'
import { describe, expect, it } from 'vitest'
import type { HeadroomRow } from '../../../shared/domain/headroom'
import { DASH } from '../../../renderer/src/format'
import { exportColumns, rowsToCsv } from '../../../renderer/src/grid/exporters'
import { bucketColumns, type BucketGridRow } from '../../../renderer/src/screens/headroom/bucket-columns'
import { MY_ALLOCATION } from './helpers'

/** Malaysia's allocation as the sample records it under the diffusion framework. */
const my: BucketGridRow = { ...MY_ALLOCATION, id: MY_ALLOCATION.bucket }

/** The same row under a pinned scenario that doubles the allocation: the ledger marks the limit as its. */
const myUnderScenario: BucketGridRow = {
  ...my,
  limit: 1_580_000_000,
  remaining: 876_032_000,
  pctUsed: 44.55,
  alertLevel: 'none',
  limitPackId: 'scn-malaysia-g2g',
}

/** A licence: its limit is its authorized TPP, recorded under no pack. */
const licence: BucketGridRow = {
  ...my,
  id: 'licence:D900101',
  bucket: 'licence:D900101',
  kind: 'licence',
  label: 'Licence D900101',
  country: null,
  limit: 379_968_000,
  committed: 379_968_000,
  remaining: 0,
  pctUsed: 100,
  alertLevel: '100',
  packId: null,
}

/**
 * The grid's columns as its exports read them (the visible, exportable columns in order, each through
 * its house formatter), from a stand-in for the grid API that displays every column defined.
 */
function exported(): ReturnType<typeof exportColumns<BucketGridRow>> {
  const columns = bucketColumns.map(
    (def) => ({ getColDef: () => def, getColId: () => def.colId }) as unknown as Column,
  )
  const api = {
    getAllDisplayedColumns: () => columns,
    getDisplayNameForColumn: (c: Column) => c.getColDef().headerName ?? null,
  } as unknown as GridApi<BucketGridRow>
  return exportColumns(api)
}

const cell = (row: BucketGridRow, colId: string): string => {
  const col = exported().find((c) => c.colId === colId)
  if (!col) throw new Error(`no exported column ${colId}`)
  return col.text(row)
}

describe("the headroom grid's Limit from column", () => {
  it('names the pack the entries were recorded under when its limit is that pack’s own', () => {
    expect(cell(my, 'limit')).toBe('790,000,000')
    expect(cell(my, 'limitFrom')).toBe('us-ai-diffusion-2025')
    expect(cell(my, 'packId')).toBe('us-ai-diffusion-2025')
  })

  it("names the scenario when the row is measured against the scenario's limit, and keeps the recorded pack apart", () => {
    expect(cell(myUnderScenario, 'limit')).toBe('1,580,000,000')
    expect(cell(myUnderScenario, 'limitFrom')).toBe('scenario scn-malaysia-g2g')
    // The pack the entries were recorded under is still the one they were recorded under.
    expect(cell(myUnderScenario, 'packId')).toBe('us-ai-diffusion-2025')
  })

  it("says a licence's limit is the licence's, not a dash beside its authorized TPP", () => {
    expect(cell(licence, 'limitFrom')).toBe('the licence')
    expect(cell(licence, 'packId')).toBe(DASH)
  })

  it('stands beside the pack recorded under, whose column says that is what it is', () => {
    const headers = exported().map((c) => c.header)
    expect(headers.slice(-3)).toEqual(['% used', 'Limit from', 'Recorded under'])
    expect(headers).not.toContain('Rule pack')
    const recorded = bucketColumns.find((c) => c.colId === 'packId')
    expect(recorded?.headerTooltip).toMatch(/^The rule pack the bucket's entries were recorded under/)
  })

  it('is carried by the CSV export, with the scenario beside its limit', () => {
    const lines = rowsToCsv(exported(), [my, myUnderScenario]).split(/\r?\n/)
    expect(lines[0]).toMatch(/^Kind,Bucket,Period,Limit \(TPP\),.*,% used,Limit from,Recorded under$/)
    expect(lines[1]).toContain('"790,000,000"')
    expect(lines[1]).toMatch(/,89\.1%,us-ai-diffusion-2025,us-ai-diffusion-2025$/)
    expect(lines[2]).toContain('"1,580,000,000"')
    expect(lines[2]).toMatch(/,44\.6%,scenario scn-malaysia-g2g,us-ai-diffusion-2025$/)
  })

  it('feeds the quick filter the words it shows, so finding a scenario finds its rows', () => {
    const col = bucketColumns.find((c) => c.colId === 'limitFrom')!
    const value = (col.valueGetter as (p: { data: HeadroomRow }) => unknown)({ data: myUnderScenario })
    const quick = col.getQuickFilterText as (p: { value: unknown; data: HeadroomRow }) => string
    expect(quick({ value, data: myUnderScenario })).toBe('scenario scn-malaysia-g2g')
  })
})
