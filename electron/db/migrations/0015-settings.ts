import type { Migration } from './types'

/**
 * Per-ledger settings (for example the marking banner printed on every report page). Changes are
 * audited by the code that writes them; the table only holds the current value.
 */
export const m0015Settings: Migration = {
  version: 15,
  name: 'settings',
  up(db) {
    db.exec(`
      CREATE TABLE setting (
        key TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 100),
        value TEXT NOT NULL
      ) STRICT;
      INSERT INTO setting (key, value) VALUES ('marking', 'CONFIDENTIAL — EXPORT CONTROLLED');
    `)
  },
}
