import { useMemo } from 'react'
import type { AgChartOptions } from 'ag-charts-community'
import { formatTpp } from '../format'
import { bucketName } from '../../../shared/rules/buckets'
import { useOp } from '../screens/packs/frame'
import { limitPackName } from '../screens/headroom/board'
import { dayOfEntry, historyPoints, type HistoryPoint as Point } from './bucketHistoryPoints'
import { Chart, tppAxis } from './Chart'

/** Tooltip: the date the entry is placed at, its deal and when it was recorded, then the running total. */
const entryTooltip = {
  renderer: (p: { datum: Point; yKey: string; yName?: string }) => ({
    title: `${p.datum.day}${p.datum.deal ? ` · ${p.datum.deal}` : ''} · entry ${p.datum.entry} recorded ${p.datum.at}`,
    data: [{ label: p.yName ?? p.yKey, value: formatTpp(p.datum[p.yKey as keyof Point] as number | null) }],
  }),
}

/**
 * A bucket over time: what is committed, what is committed or reserved, and the limit, by the planned
 * ship date of each entry's deal (`historyPoints`). Used for a country's allocation on the Countries
 * screen and the Headroom board. Under the header's pinned pack (`selection`) the limit is the one the
 * board and the Countries grid show: a pinned scenario's, on the as-of date. The caption and the
 * legend name the pack whose limit is drawn, since the line alone cannot say whose it is.
 */
export function BucketHistoryChart({
  bucket,
  selection,
  title,
  id,
  height,
}: {
  bucket: string
  /** The header's pinned pack and as-of date; null under `auto`. */
  selection?: { packId: string; on: string } | null
  title: string
  id: string
  height?: number
}) {
  const history = useOp('headroom.history', { bucket, ...(selection ?? {}) })
  const points = useMemo<Point[]>(() => (history.data ? historyPoints(history.data) : []), [history.data])
  const hasLimit = points.some((p) => p.limit != null)
  const limitPack = history.data ? limitPackName(history.data.bucket) : null
  const dayOf = useMemo(() => dayOfEntry(points), [points])
  const options = useMemo<AgChartOptions>(
    () => ({
      data: points,
      series: [
        {
          type: 'line',
          xKey: 'entry',
          yKey: 'used',
          yName: 'Committed + reserved',
          marker: { size: 4 },
          tooltip: entryTooltip,
        },
        {
          type: 'line',
          xKey: 'entry',
          yKey: 'committed',
          yName: 'Committed',
          marker: { size: 4 },
          tooltip: entryTooltip,
        },
        ...(hasLimit
          ? [
              {
                type: 'line' as const,
                xKey: 'entry',
                yKey: 'limit',
                yName: limitPack ? `Limit (${limitPack})` : 'Limit',
                marker: { enabled: false },
                lineDash: [6, 4],
                tooltip: entryTooltip,
              },
            ]
          : []),
      ],
      axes: {
        // One point per entry (the key stays the entry, so entries of one day are still steps), each
        // labelled by its deal's planned ship date.
        x: {
          type: 'category',
          position: 'bottom',
          title: { text: 'Planned ship date of the deal (one point per ledger entry)' },
          label: { avoidCollisions: true, formatter: ({ value }: { value: string }) => dayOf(value) },
        },
        // A cumulative use starts from nothing: an axis from the first deal's figure would make a
        // small second deal look like a doubling.
        y: { ...tppAxis, min: 0 },
      },
      legend: { position: 'bottom' },
    }),
    [points, hasLimit, dayOf, limitPack],
  )
  // The ledger keeps a bucket only once a deal draws on it: an unknown bucket is one nothing has used.
  const notDrawn = `Nothing reserved or committed against ${bucketName(bucket)} yet.`
  const empty =
    history.errorCode === 'not_found'
      ? notDrawn
      : history.error
        ? `No history for ${bucketName(bucket)}: ${history.error}`
        : history.loading
          ? 'Loading…'
          : points.length === 0
            ? notDrawn
            : null
  const last = points.at(-1)
  const limit = history.data?.bucket.limit ?? null
  // The latest figures in words too: a canvas chart is not readable by screen readers or tests.
  const caption = `Running TPP by planned ship date · ${bucketName(bucket)}${
    last ? ` · ${points.length} entries, now ${formatTpp(last.used)} TPP committed or reserved` : ''
  }${
    !limitPack
      ? ''
      : limit === null
        ? ` · no limit under ${limitPack}`
        : ` · limit ${formatTpp(limit)} TPP of ${limitPack}`
  }`
  return <Chart id={id} title={title} caption={caption} options={options} empty={empty} height={height} />
}
