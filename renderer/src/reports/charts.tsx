/**
 * Static SVG charts for print. Canvas charts print as bitmaps cut at the page width; these are
 * vectors sized by their viewBox, so they scale to the paper and stay sharp.
 */

const W = 720
const PAD = { left: 64, right: 12, top: 10, bottom: 26 }

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 })

function ticks(max: number, count = 4): number[] {
  if (max <= 0) return [0]
  const raw = max / count
  const mag = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw
  const out: number[] = []
  for (let v = 0; v <= max + step / 2; v += step) out.push(v)
  return out
}

/**
 * The time axis of a step chart. Each step runs from its point to the next one and the last to the
 * plot's right edge, so the axis runs past the last point (a day, or 6% of the span): a last point
 * on the edge would draw its step with no width, and the chart would end below the final figure.
 */
export function stepTimeAxis(
  times: readonly number[],
  left: number,
  width: number,
): { t0: number; tLast: number; x(t: number): number } {
  const t0 = Math.min(...times)
  const tLast = Math.max(...times)
  const t1 = tLast + Math.max(86_400_000, (tLast - t0) * 0.06)
  return { t0, tLast, x: (t) => left + ((t - t0) / (t1 - t0)) * width }
}

export interface SeriesPoint {
  /** ISO date or instant. */
  at: string
  values: number[]
}

/**
 * Stacked step chart of use over time (e.g. licensed + reserved) with a dashed limit line.
 * Steps, not slopes: capacity changes at an entry and holds until the next one.
 */
export function UseOverTimeChart({
  points,
  series,
  limit,
  height = 220,
  label,
}: {
  points: SeriesPoint[]
  series: Array<{ name: string; color: string }>
  limit: number | null
  height?: number
  label: string
}) {
  const H = height
  const plotW = W - PAD.left - PAD.right
  const plotH = H - PAD.top - PAD.bottom
  if (points.length === 0) {
    return (
      <svg viewBox={`0 0 ${W} 40`} role="img" aria-label={label}>
        <text x={W / 2} y={24} textAnchor="middle" fontSize="11" fill="#555">
          No capacity entries yet.
        </text>
      </svg>
    )
  }
  const times = points.map((p) => Date.parse(p.at))
  const { t0, tLast, x } = stepTimeAxis(times, PAD.left, plotW)
  const totals = points.map((p) => p.values.reduce((a, b) => a + b, 0))
  const final = totals.at(-1) ?? 0
  const max = Math.max(limit ?? 0, ...totals) * 1.05 || 1
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH
  // Cumulative stack boundaries per point.
  const stacks = points.map((p) => {
    let acc = 0
    return p.values.map((v) => (acc += v))
  })
  const areas = series.map((s, k) => {
    let top = ''
    let bottom = ''
    points.forEach((_, i) => {
      const xi = x(times[i]!)
      const xn = i + 1 < points.length ? x(times[i + 1]!) : PAD.left + plotW
      const hi = y(stacks[i]![k]!)
      const lo = y(k === 0 ? 0 : stacks[i]![k - 1]!)
      top += `${i === 0 ? 'M' : 'L'}${xi.toFixed(1)},${hi.toFixed(1)} L${xn.toFixed(1)},${hi.toFixed(1)} `
      bottom = `L${xn.toFixed(1)},${lo.toFixed(1)} L${xi.toFixed(1)},${lo.toFixed(1)} ` + bottom
    })
    return <path key={s.name} d={`${top}${bottom}Z`} fill={s.color} stroke="none" />
  })
  const dateLabel = (t: number) => new Date(t).toISOString().slice(0, 10)
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      {ticks(max / 1.05).map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#d5d9de" strokeWidth="0.6" />
          <text x={PAD.left - 4} y={y(v) + 3} textAnchor="end" fontSize="9" fill="#333">
            {compact.format(v)}
          </text>
        </g>
      ))}
      {areas}
      {limit != null && (
        <g>
          <line
            x1={PAD.left}
            x2={W - PAD.right}
            y1={y(limit)}
            y2={y(limit)}
            stroke="#9b1c1c"
            strokeWidth="1.2"
            strokeDasharray="5 3"
          />
          <text x={W - PAD.right} y={y(limit) - 3} textAnchor="end" fontSize="9" fill="#9b1c1c">
            limit {compact.format(limit)}
          </text>
        </g>
      )}
      <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} stroke="#111" strokeWidth="0.8" />
      {/* The figure the chart ends at, which is the table's total above it. */}
      <text
        x={W - PAD.right}
        // Below its step when it would sit on the limit's label.
        y={limit != null && Math.abs(y(final) - y(limit)) < 12 ? y(final) + 10 : y(final) - 3}
        textAnchor="end"
        fontSize="9"
        fill="#111"
        data-testid="use-over-time-final"
      >
        {compact.format(final)}
      </text>
      <text x={PAD.left} y={H - 8} fontSize="9" fill="#333">
        {dateLabel(t0)}
      </text>
      {tLast > t0 && (
        <text x={x(tLast)} y={H - 8} textAnchor="middle" fontSize="9" fill="#333">
          {dateLabel(tLast)}
        </text>
      )}
      {series.map((s, k) => (
        <g key={s.name} transform={`translate(${PAD.left + 160 + k * 120}, ${H - 16})`}>
          <rect width="9" height="9" fill={s.color} />
          <text x="13" y="8" fontSize="9" fill="#333">
            {s.name}
          </text>
        </g>
      ))}
    </svg>
  )
}

/** Horizontal bars (e.g. TPP by country), largest first, values printed at the bar ends. */
export function BarsChart({
  bars,
  label,
  format = (v: number) => compact.format(v),
}: {
  bars: Array<{ label: string; value: number }>
  label: string
  format?: (v: number) => string
}) {
  const rowH = 16
  const left = 150
  const H = Math.max(1, bars.length) * rowH + 8
  const max = Math.max(1, ...bars.map((b) => b.value))
  const plotW = W - left - 70
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      {bars.map((b, i) => (
        <g key={b.label} transform={`translate(0, ${4 + i * rowH})`}>
          <text x={left - 6} y={rowH * 0.7} textAnchor="end" fontSize="9.5" fill="#111">
            {b.label}
          </text>
          <rect
            x={left}
            y={2}
            width={Math.max(0.5, (b.value / max) * plotW)}
            height={rowH - 5}
            fill="#4a6a8f"
          />
          <text x={left + (b.value / max) * plotW + 4} y={rowH * 0.7} fontSize="9" fill="#333">
            {format(b.value)}
          </text>
        </g>
      ))}
    </svg>
  )
}
