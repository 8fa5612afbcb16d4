import type { Migration } from './types'

/**
 * Imports as records: each import keeps the book exactly as it was given (`source`, with its
 * SHA-256) in an append-only `import_batch` row, and each deal it created points at its batch and
 * row. The import's one audit event carries the batch id and the SHA-256, so the chain covers every
 * imported deal's original content without an event per deal (an event per deal made a
 * 100,000-deal import write and hash 100,000 copies of what the book already says).
 */
export const m0080ImportBatches: Migration = {
  version: 80,
  name: 'import-batches',
  up(db) {
    db.exec(`
      CREATE TABLE import_batch (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('json', 'csv')),
        deals INTEGER NOT NULL CHECK (deals >= 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        source TEXT NOT NULL,
        sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1))
      ) STRICT;
      CREATE TRIGGER import_batch_no_update BEFORE UPDATE ON import_batch
        BEGIN SELECT RAISE(ABORT, 'import batches are append-only'); END;
      CREATE TRIGGER import_batch_no_delete BEFORE DELETE ON import_batch
        BEGIN SELECT RAISE(ABORT, 'import batches are append-only'); END;
      ALTER TABLE project ADD COLUMN import_batch INTEGER REFERENCES import_batch (id);
      ALTER TABLE project ADD COLUMN import_row INTEGER;
    `)
  },
}
