import type { ChipRow } from '../../../../shared/domain/chip'
import type { ClassifiedChip } from '../../../../shared/rules/types'
import { DASH, formatDecimal, formatH100e, formatInt, formatTpp } from '../../format'
import { gridCell, plainFormat, type ColDefT } from '../../grid/columns'
import { figureLabel } from './chipFigures'

/**
 * "TPP, die area": what a classification lacks, in the screen's words. The classifier names what is
 * missing by its field; people read the forms' own labels.
 */
export const missingText = (missing: readonly string[]): string =>
  missing.map((m) => figureLabel(m) ?? m).join(', ')

/** `3A090.b (b.2)`, `Not 3A090`, or why it cannot be told. */
export function eccnText(c: ClassifiedChip): string {
  if (c.eccn === null) return c.missing.length ? `Not determinable: missing ${missingText(c.missing)}` : DASH
  if (c.eccn === 'none') return 'Not 3A090'
  return c.paragraph ? `${c.eccn} (${c.paragraph})` : c.eccn
}

const num = { type: 'rightAligned', filter: 'agNumberColumnFilter' } as const

/**
 * The columns a classification turns on (chip, TPP, density, ECCN, H100e) come first, so they fit
 * beside the custom-chip panel at 1440 px; the rest scroll. A cut cell shows its full text on hover.
 */
export const chipColumns: ColDefT<ChipRow>[] = [
  gridCell<ChipRow, string>({
    colId: 'name',
    field: 'name',
    headerName: 'Chip',
    format: plainFormat,
    width: 190,
    pinned: 'left',
    tooltip: true,
  }),
  gridCell<ChipRow, number | null>({
    ...num,
    colId: 'tpp',
    headerName: 'TPP',
    valueGetter: (p) => p.data?.classification.tpp ?? null,
    format: (v) => formatTpp(v),
    width: 100,
  }),
  gridCell<ChipRow, number | null>({
    ...num,
    colId: 'pd',
    headerName: 'Perf. density',
    headerTooltip: 'Performance density: TPP / applicable die area (mm²)',
    valueGetter: (p) => p.data?.classification.performanceDensity ?? null,
    format: (v) => formatDecimal(v),
    width: 140,
  }),
  gridCell<ChipRow, string>({
    colId: 'eccn',
    headerName: 'ECCN',
    valueGetter: (p) => (p.data ? eccnText(p.data.classification) : ''),
    format: plainFormat,
    width: 160,
    tooltip: true,
  }),
  gridCell<ChipRow, number | null>({
    ...num,
    colId: 'h100e',
    headerName: 'H100e',
    headerTooltip: 'H100-equivalents: TPP divided by the TPP of one H100',
    valueGetter: (p) => p.data?.classification.h100e ?? null,
    format: (v) => formatH100e(v),
    width: 100,
  }),
  gridCell<ChipRow, string>({
    colId: 'vendor',
    field: 'vendor',
    headerName: 'Vendor',
    format: plainFormat,
    width: 120,
    tooltip: true,
  }),
  gridCell<ChipRow, string>({
    colId: 'origin',
    field: 'origin',
    headerName: 'Origin',
    format: (v) => (v === 'desk' ? 'Desk' : 'Catalogue'),
    width: 110,
  }),
  gridCell<ChipRow, number | null | undefined>({
    ...num,
    colId: 'dieArea',
    headerName: 'Die area (mm²)',
    valueGetter: (p) => p.data?.spec.dieArea ?? null,
    format: (v) => formatInt(v),
    width: 140,
  }),
  gridCell<ChipRow, number | null>({
    ...num,
    colId: 'dram',
    headerName: 'DRAM (GB/s)',
    valueGetter: (p) => p.data?.classification.dramBandwidth ?? null,
    format: (v) => formatInt(v),
    width: 130,
  }),
  gridCell<ChipRow, string>({
    colId: 'confidence',
    headerName: 'Confidence',
    valueGetter: (p) => p.data?.classification.confidence ?? '',
    format: plainFormat,
    width: 120,
  }),
  gridCell<ChipRow, string>({
    colId: 'source',
    field: 'source',
    headerName: 'Source',
    format: plainFormat,
    flex: 2,
    minWidth: 240,
    tooltip: true,
  }),
]
