import {
  AllCommunityModule,
  ModuleRegistry,
  type AgCartesianChartOptions,
  type AgChartOptions,
} from 'ag-charts-community'
import { AgCharts } from 'ag-charts-react'
import type { ReactNode } from 'react'
import { formatTpp, formatTppCompact } from '../format'

ModuleRegistry.registerModules([AllCommunityModule])

export interface ChartProps {
  /** `data-testid="chart-<id>"` on the figure. */
  id: string
  title: string
  /** One line under the title: what is counted and under which pack. */
  caption?: ReactNode
  options: AgChartOptions
  /** Said instead of drawing an empty chart. */
  empty?: string | null
  height?: number
}

/**
 * An AG Charts chart in a figure whose title is HTML, not canvas text: screen readers, the print
 * view and tests read it. The chart itself is a canvas, so the figure carries a text alternative.
 */
export function Chart({ id, title, caption, options, empty, height = 260 }: ChartProps) {
  const titleId = `chart-${id}-title`
  return (
    <figure className="chart" data-testid={`chart-${id}`} aria-labelledby={titleId}>
      <figcaption>
        <strong id={titleId}>{title}</strong>
        {caption && <span className="muted chart-caption">{caption}</span>}
      </figcaption>
      {empty ? (
        <p className="muted chart-empty">{empty}</p>
      ) : (
        <div className="chart-body" style={{ height }} role="img" aria-label={title}>
          <AgCharts
            options={{ background: { visible: false }, ...options } as AgChartOptions}
            style={{ height: '100%' }}
          />
        </div>
      )}
    </figure>
  )
}

/** Axis labels in compact TPP (26.9M), tooltips in full TPP (26,900,000): people compare, then read. */
export const tppAxis = {
  type: 'number' as const,
  position: 'left' as const,
  label: { formatter: ({ value }: { value: number }) => formatTppCompact(value) },
}

/** Tooltip rows in full TPP with thousands separators, whatever the series. */
export const tppTooltip = {
  renderer: (p: { datum: Record<string, unknown>; yKey: string; yName?: string; title?: string }) => ({
    data: [{ label: p.yName ?? p.title ?? p.yKey, value: formatTpp(p.datum[p.yKey] as number) }],
  }),
}

export type CartesianOptions = AgCartesianChartOptions
