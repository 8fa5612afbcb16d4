import type { Migration } from './types'

/**
 * A deal's lines move into its row (`project.lines`, JSON `[{ chip, quantity }]`, an inline chip spec
 * as given), and `project_line` goes. Nothing reads lines across deals, and a table of its own made
 * every deal several B-tree writes more: a second of a 100,000-deal import.
 */
export const m0100ProjectLines: Migration = {
  version: 100,
  name: 'project-lines',
  up(db) {
    db.exec("ALTER TABLE project ADD COLUMN lines TEXT NOT NULL DEFAULT '[]'")
    const rows = db
      .prepare('SELECT project_id, chip, chip_spec, quantity FROM project_line ORDER BY project_id, line_no')
      .all() as Array<{ project_id: string; chip: string; chip_spec: string | null; quantity: number }>
    const update = db.prepare('UPDATE project SET lines = ? WHERE id = ?')
    let i = 0
    while (i < rows.length) {
      const id = rows[i]!.project_id
      const lines: Array<{ chip: unknown; quantity: number }> = []
      for (; i < rows.length && rows[i]!.project_id === id; i++) {
        const r = rows[i]!
        lines.push({
          chip: r.chip_spec === null ? r.chip : (JSON.parse(r.chip_spec) as unknown),
          quantity: r.quantity,
        })
      }
      update.run(JSON.stringify(lines), id)
    }
    db.exec('DROP TABLE project_line')
  },
}
