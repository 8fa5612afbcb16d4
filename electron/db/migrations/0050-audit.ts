import type { Migration } from './types'

/**
 * The audit chain. Each event's `hash` is SHA-256 over its fields and the previous event's hash
 * (electron/db/audit.ts), so an edited, deleted or reordered row breaks the chain. AUTOINCREMENT keeps
 * ids from being reused and leaves the highest id ever issued in sqlite_sequence, which the verifier
 * compares with the last row to notice a deleted tail. The triggers stop accidents; the chain catches
 * a tamperer who drops them.
 */
export const m0050Audit: Migration = {
  version: 50,
  name: 'audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit_event (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        operation TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT,
        before TEXT CHECK (before IS NULL OR json_valid(before)),
        after TEXT CHECK (after IS NULL OR json_valid(after)),
        pack_id TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_event_entity ON audit_event (entity, entity_id, id);
      CREATE INDEX audit_event_at ON audit_event (at);
      CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
        BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
      CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
        BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
    `)
  },
}
