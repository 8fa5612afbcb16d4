import type { Migration } from './types'

/**
 * The desk's what-if scenarios: full rule packs (validated by the same schema as the built-in ones)
 * with the edits they were made from. Kept as analysis records; deleting one is audited.
 */
export const m0060Scenarios: Migration = {
  version: 60,
  name: 'scenarios',
  up(db) {
    db.exec(`
      CREATE TABLE scenario (
        id TEXT PRIMARY KEY CHECK (id GLOB 'scn-*'),
        title TEXT NOT NULL,
        based_on TEXT NOT NULL,
        edits TEXT NOT NULL,
        pack TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `)
  },
}
