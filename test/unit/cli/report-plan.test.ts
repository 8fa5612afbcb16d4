import { describe, expect, it } from 'vitest'
import { planReport } from '../../../electron/cli/commands/report'

describe('headroom report: dates', () => {
  it.each(['--as-of', '--from', '--to'])('%s takes a real day only, as the core does', (option) => {
    const kind = option === '--as-of' ? 'portfolio' : 'audit'
    for (const date of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-1-01'])
      expect(() => planReport([kind, option, date, '--pdf', 'out.pdf']), date).toThrow(
        `${option} is a date as YYYY-MM-DD`,
      )
    expect(() => planReport([kind, option, '2024-02-29', '--pdf', 'out.pdf'])).not.toThrow()
  })
})
