import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { stepTimeAxis, UseOverTimeChart } from '../../../renderer/src/reports/charts'

// The country statement's Malaysia under the diffusion framework: two licensed deals, the second on
// the last date of the chart.
const points = [
  { at: '2025-01-01', values: [0, 0] },
  { at: '2025-01-20', values: [379_968_000, 0] },
  { at: '2025-03-10', values: [703_968_000, 0] },
]

describe("the statement's use-over-time chart", () => {
  it('gives the last step a width, so the chart ends at the last figure', () => {
    const times = points.map((p) => Date.parse(p.at))
    const axis = stepTimeAxis(times, 64, 644)
    expect(axis.x(axis.t0)).toBe(64)
    expect(axis.x(axis.tLast)).toBeLessThan(64 + 644 - 20)
    // One point: still a step of its own.
    const one = stepTimeAxis([times[0]!], 64, 644)
    expect(one.x(one.tLast)).toBe(64)
  })

  it("prints the figure it ends at (the table's committed plus reserved) and the last date", () => {
    const svg = renderToStaticMarkup(
      createElement(UseOverTimeChart, {
        points,
        series: [
          { name: 'Committed', color: '#2f4f77' },
          { name: 'Reserved', color: '#9fb6d1' },
        ],
        limit: 790_000_000,
        label: 'Use of the Malaysia allocation over time',
      }),
    )
    expect(svg).toMatch(/data-testid="use-over-time-final"[^>]*>704M</)
    expect(svg).toContain('>2025-03-10<')
    // The committed area reaches the last figure's height over a step of positive width.
    const path = /<path d="([^"]+)"/.exec(svg)![1]!
    const coords = [...path.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])])
    const top = Math.min(...coords.map(([, y]) => y!))
    const atTop = coords.filter(([, y]) => y === top).map(([x]) => x!)
    expect(Math.max(...atTop) - Math.min(...atTop)).toBeGreaterThan(20)
  })
})
