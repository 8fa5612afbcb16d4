import { useMemo } from 'react'
import type { AgChartOptions } from 'ag-charts-community'
import { formatTppCompact } from '../format'
import { useOp } from '../screens/packs/frame'
import { Chart, tppTooltip } from './Chart'

interface Point {
  at: Date
  used: number
  committed: number
  limit: number | null
}

/**
 * A bucket over time: what is committed, what is committed or reserved, and the limit, after each
 * ledger entry. Used for a country's allocation on the Countries screen and the Headroom board.
 */
export function BucketHistoryChart({ bucket, title, id, height }: { bucket: string; title: string; id: string; height?: number }) {
  const history = useOp('headroom.history', { bucket })
  const points = useMemo<Point[]>(() => {
    const h = history.data
    if (!h) return []
    const limit = h.bucket.limit
    return h.points.map((p) => ({ at: new Date(p.at), used: p.committed + p.reserved, committed: p.committed, limit }))
  }, [history.data])
  const hasLimit = points.some((p) => p.limit != null)
  const options = useMemo<AgChartOptions>(
    () => ({
      data: points,
      series: [
        { type: 'line', xKey: 'at', yKey: 'used', yName: 'Committed + reserved', marker: { size: 4 }, tooltip: tppTooltip },
        { type: 'line', xKey: 'at', yKey: 'committed', yName: 'Committed', marker: { size: 4 }, tooltip: tppTooltip },
        ...(hasLimit
          ? [{ type: 'line' as const, xKey: 'at', yKey: 'limit', yName: 'Limit', marker: { enabled: false }, lineDash: [6, 4], tooltip: tppTooltip }]
          : []),
      ],
      axes: {
        x: { type: 'time', position: 'bottom' },
        y: { type: 'number', position: 'left', label: { formatter: ({ value }: { value: number }) => formatTppCompact(value) } },
      },
      legend: { position: 'bottom' },
    }),
    [points, hasLimit],
  )
  const empty = history.error
    ? `No history for this bucket (${history.error}).`
    : history.loading
      ? 'Loading…'
      : points.length === 0
        ? 'Nothing reserved or committed against this bucket yet.'
        : null
  return <Chart id={id} title={title} caption={`TPP over time · ${bucket}`} options={options} empty={empty} height={height} />
}
