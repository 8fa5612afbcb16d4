import { chipsSummary, parseLines } from '../project-row'
import type { Migration } from './types'

/**
 * A deal's chips summary names catalogue chips by their catalogue name ("NVIDIA B200 × 9,000"), as
 * the deal panel does, whether its lines gave the chip's id, name or an alias: the grid showed
 * "nvidia-b200" beside "NVIDIA H200 SXM". Rows written before are rewritten from their lines.
 */
export const m0130ChipNamesInSummary: Migration = {
  version: 130,
  name: 'chip-names-in-summary',
  up(db) {
    const rows = db.prepare('SELECT id, lines, chips_summary FROM project').all() as Array<{
      id: string
      lines: string
      chips_summary: string
    }>
    const update = db.prepare('UPDATE project SET chips_summary = ? WHERE id = ?')
    for (const r of rows) {
      const summary = chipsSummary(parseLines(r.lines))
      if (summary !== r.chips_summary) update.run(summary, r.id)
    }
  },
}
