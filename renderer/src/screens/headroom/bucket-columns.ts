import type { HeadroomRow } from '../../../../shared/domain/headroom'
import { BUCKET_KIND_LABEL, bucketName } from '../../../../shared/rules/buckets'
import { PctBarCell } from '../../charts/PctBar'
import { formatPct } from '../../format'
import { gridCell, plainFormat, tppColumn, type ColDefT } from '../../grid/columns'
import { limitFromNote, limitFromWords } from './board'

/**
 * The Headroom board's bucket grid columns, apart from the screen so their values (what the grid
 * shows, sorts, filters and exports) can be tested without the charts.
 */

export type BucketGridRow = HeadroomRow & { id: string }
// The Kind and Bucket columns hold the words they show (not the stored kind or label), so sorting and
// the column filter follow what the desk reads.
export const bucketColumns: ColDefT<BucketGridRow>[] = [
  gridCell<BucketGridRow, string>({
    colId: 'kind',
    headerName: 'Kind',
    valueGetter: (p) => (p.data ? BUCKET_KIND_LABEL[p.data.kind] : null),
    format: plainFormat,
    width: 180,
  }),
  {
    ...gridCell<BucketGridRow, string>({
      colId: 'label',
      headerName: 'Bucket',
      // In words, as the deal panel names it; the id is the tooltip, and the quick filter finds either.
      valueGetter: (p) => (p.data ? bucketName(p.data.bucket) : null),
      format: plainFormat,
      flex: 2,
      minWidth: 240,
      tooltipField: 'bucket',
    }),
    getQuickFilterText: (p) => `${bucketName(p.data.bucket)} ${p.data.bucket}`,
  },
  gridCell<BucketGridRow, string | null>({
    colId: 'period',
    field: 'period',
    headerName: 'Period',
    format: plainFormat,
    width: 100,
  }),
  tppColumn<BucketGridRow>('limit', 'Limit (TPP)'),
  // Validated end users' compute already in place counts against their caps (15 CFR 748.15), so
  // remaining = limit − installed base − committed − reserved.
  tppColumn<BucketGridRow>('installedBase', 'Installed base (TPP)'),
  tppColumn<BucketGridRow>('committed', 'Committed (TPP)'),
  tppColumn<BucketGridRow>('reserved', 'Reserved (TPP)'),
  tppColumn<BucketGridRow>('remaining', 'Remaining (TPP)'),
  gridCell<BucketGridRow, number | null>({
    colId: 'pctUsed',
    field: 'pctUsed',
    headerName: '% used',
    format: (v) => formatPct(v),
    cellRenderer: PctBarCell,
    filter: 'agNumberColumnFilter',
    width: 170,
    sort: 'desc',
  }),
  // Whose limit the figures are, beside the pack recorded under: under a pinned scenario a row's Limit,
  // Remaining and % used are the scenario's while its entries stay recorded under the pack it copies,
  // and with that pack alone on the row it read as that pack's limit. After the figures, so % used
  // keeps its place in view.
  gridCell<BucketGridRow, string | null>({
    colId: 'limitFrom',
    headerName: 'Limit from',
    headerTooltip:
      "Whose limit the Limit, Remaining and % used columns read: a what-if scenario's where it replaces the recorded limit, else that of the pack the entries were recorded under (a licence: its authorized TPP).",
    valueGetter: (p) => (p.data ? limitFromWords(p.data) : null),
    tooltipValueGetter: (p) => (p.data ? limitFromNote(p.data) : null),
    format: plainFormat,
    width: 290,
  }),
  gridCell<BucketGridRow, string | null>({
    colId: 'packId',
    field: 'packId',
    headerName: 'Recorded under',
    headerTooltip:
      "The rule pack the bucket's entries were recorded under (the pack its deals were evaluated with). Under a scenario the limit can be another pack's: see Limit from.",
    format: plainFormat,
    width: 210,
  }),
]
export const bucketRowId = (r: BucketGridRow) => r.id
