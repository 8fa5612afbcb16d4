import type { ICellRendererParams } from 'ag-grid-community'
import type { ProjectRow, ProjectSortKey, ProjectStatus } from '../../../../shared/domain/project'
import type { Authorization, Outcome, ReviewPolicy, Tier } from '../../../../shared/rules/types'
import { OutcomeBadge } from '../../components/Badges'
import { STATUS_LABEL, StatusChip } from '../../components/StatusChip'
import { gridCell, plainFormat, type ColDefT } from '../../grid/columns'
import { bucketName } from '../../../../shared/rules/buckets'
import { DASH, formatDate, formatH100e, formatInt, formatTpp, humanize } from '../../format'

/** Grid column id → the ledger's sort key; columns without one are not sortable (sorting is server-side). */
export const SORT_KEYS: Partial<Record<string, ProjectSortKey>> = {
  id: 'id',
  name: 'name',
  consignee: 'consignee',
  destination: 'destination',
  plannedDate: 'plannedDate',
  status: 'status',
  tpp: 'tpp',
  units: 'units',
  h100e: 'h100e',
  outcome: 'outcome',
  updatedAt: 'updatedAt',
  headroomImpact: 'headroomRemaining',
}

const yesNo = (v: boolean | null | undefined) => (v == null ? DASH : v ? 'Yes' : 'No')

/** The Projects grid's columns; `tiered` hides the tier column under packs that have no tiers. */
export function projectColumns(tiered: boolean): ColDefT<ProjectRow>[] {
  const cols: ColDefT<ProjectRow>[] = [
    // The determination columns come first: they are what the desk reads; the deal's facts follow.
    gridCell<ProjectRow, string>({
      colId: 'id',
      field: 'id',
      headerName: 'Deal',
      width: 130,
      pinned: 'left',
      format: plainFormat,
    }),
    gridCell<ProjectRow, string>({
      colId: 'name',
      field: 'name',
      headerName: 'Name',
      width: 200,
      format: plainFormat,
    }),
    gridCell<ProjectRow, ProjectStatus>({
      colId: 'status',
      field: 'status',
      headerName: 'Status',
      width: 130,
      format: (v) => (v ? STATUS_LABEL[v] : DASH),
      cellRenderer: (p: ICellRendererParams<ProjectRow, ProjectStatus>) =>
        p.value ? <StatusChip status={p.value} /> : DASH,
    }),
    gridCell<ProjectRow, string | null>({
      colId: 'destination',
      field: 'destination',
      headerName: 'Destination',
      width: 160,
      // Column filter answered by the ledger: the destination's ISO code.
      filter: 'agTextColumnFilter',
      filterParams: { filterOptions: ['equals'], maxNumConditions: 1, buttons: ['apply', 'reset'] },
      format: (v, row) => (v ? `${row?.destinationName ?? v} (${v})` : DASH),
    }),
    gridCell<ProjectRow, Tier | null>({
      colId: 'tier',
      field: 'tier',
      headerName: 'Tier',
      width: 80,
      sortable: false,
      hide: !tiered,
      format: (v) => (v == null ? DASH : `Tier ${v}`),
    }),
    gridCell<ProjectRow, number | null>({
      colId: 'tpp',
      field: 'tpp',
      headerName: 'TPP',
      width: 140,
      type: 'rightAligned',
      format: formatTpp,
    }),
    gridCell<ProjectRow, number | null>({
      colId: 'h100e',
      field: 'h100e',
      headerName: 'H100e',
      width: 110,
      type: 'rightAligned',
      format: formatH100e,
    }),
    gridCell<ProjectRow, Outcome | null>({
      colId: 'outcome',
      field: 'outcome',
      headerName: 'Outcome',
      width: 170,
      format: (v) => humanize(v),
      cellRenderer: (p: ICellRendererParams<ProjectRow, Outcome | null>) =>
        p.value ? <OutcomeBadge outcome={p.value} /> : DASH,
    }),
    gridCell<ProjectRow, boolean | null>({
      colId: 'licenseRequired',
      field: 'licenseRequired',
      headerName: 'Licence needed',
      width: 130,
      sortable: false,
      format: yesNo,
    }),
    gridCell<ProjectRow, Authorization | null>({
      colId: 'recommended',
      field: 'recommended',
      headerName: 'Authorization',
      width: 130,
      sortable: false,
      format: plainFormat,
    }),
    gridCell<ProjectRow, ReviewPolicy | null>({
      colId: 'reviewPolicy',
      field: 'reviewPolicy',
      headerName: 'Review policy',
      width: 170,
      sortable: false,
      format: (v) => humanize(v),
    }),
    gridCell<ProjectRow, ProjectRow['headroomImpact']>({
      colId: 'headroomImpact',
      field: 'headroomImpact',
      headerName: 'Headroom after',
      width: 230,
      type: 'rightAligned',
      format: (v) => (v ? `${formatTpp(v.remaining)} TPP left (${bucketName(v.bucket)})` : DASH),
      cellClassRules: { 'cell-over': (p) => (p.value?.remaining ?? 0) < 0 },
    }),
    gridCell<ProjectRow, string>({
      colId: 'consignee',
      field: 'consignee',
      headerName: 'Consignee',
      width: 180,
      format: plainFormat,
    }),
    gridCell<ProjectRow, string | null>({
      colId: 'endUser',
      field: 'endUser',
      headerName: 'End user',
      width: 160,
      sortable: false,
      format: plainFormat,
    }),
    gridCell<ProjectRow, string | null>({
      colId: 'site',
      field: 'site',
      headerName: 'Site',
      width: 140,
      sortable: false,
      format: plainFormat,
    }),
    gridCell<ProjectRow, string>({
      colId: 'chips',
      field: 'chips',
      headerName: 'Chips',
      width: 220,
      sortable: false,
      format: plainFormat,
    }),
    gridCell<ProjectRow, number>({
      colId: 'units',
      field: 'units',
      headerName: 'Units',
      width: 100,
      type: 'rightAligned',
      format: formatInt,
    }),
    gridCell<ProjectRow, string | null>({
      colId: 'eccn',
      field: 'eccn',
      headerName: 'ECCN',
      width: 100,
      sortable: false,
      format: (v) => (v === 'none' ? 'Not 3A090' : plainFormat(v)),
    }),
    gridCell<ProjectRow, string | null>({
      colId: 'authorization',
      field: 'authorization',
      headerName: 'Requested',
      width: 110,
      sortable: false,
      format: plainFormat,
    }),
    gridCell<ProjectRow, string | null>({
      colId: 'licenceNumber',
      field: 'licenceNumber',
      headerName: 'Licence no.',
      width: 130,
      sortable: false,
      format: plainFormat,
    }),
    gridCell<ProjectRow, string>({
      colId: 'plannedDate',
      field: 'plannedDate',
      headerName: 'Ship date',
      width: 120,
      format: formatDate,
    }),
    gridCell<ProjectRow, string>({
      colId: 'preparer',
      field: 'preparer',
      headerName: 'Preparer',
      width: 120,
      sortable: false,
      format: plainFormat,
    }),
    gridCell<ProjectRow, string | null>({
      colId: 'reviewer',
      field: 'reviewer',
      headerName: 'Reviewer',
      width: 120,
      sortable: false,
      format: plainFormat,
    }),
    gridCell<ProjectRow, string>({
      colId: 'updatedAt',
      field: 'updatedAt',
      headerName: 'Last change',
      width: 170,
      format: formatDate,
    }),
  ]
  // Only columns the ledger can sort by offer sorting; the rest would sort nothing.
  return cols.map((c) => ({
    ...c,
    sortable: c.sortable !== false && SORT_KEYS[c.colId] !== undefined,
    filter: c.filter ?? false,
  }))
}
