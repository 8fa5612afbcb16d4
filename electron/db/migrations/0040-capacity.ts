import type { Migration } from './types'

/**
 * Capacity: licences, buckets with running totals, and the append-only entries behind them.
 * Headroom reads `capacity_bucket` only (one row per bucket, kept exact in the same transaction as
 * each entry), so a query does not rescan a million entries.
 */
export const m0040Capacity: Migration = {
  version: 40,
  name: 'capacity',
  up(db) {
    db.exec(`
      CREATE TABLE licence (
        number TEXT PRIMARY KEY CHECK (length(number) BETWEEN 1 AND 100),
        holder TEXT NOT NULL DEFAULT '',
        consignee TEXT,
        destination TEXT,
        authorized_tpp INTEGER NOT NULL CHECK (authorized_tpp >= 0),
        authorized_units INTEGER NOT NULL CHECK (authorized_units >= 0),
        issued_on TEXT,
        expires_on TEXT,
        notes TEXT NOT NULL DEFAULT '',
        sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      ) STRICT;

      -- One row per bucket: identity, the limit as the rule pack set it, and running totals.
      CREATE TABLE capacity_bucket (
        bucket TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        country TEXT,
        consignee TEXT,
        veu TEXT,
        period TEXT,
        -- Null when no pack sets a limit (e.g. a bucket only seen under a pack without caps).
        limit_tpp INTEGER,
        limit_units INTEGER,
        pack_id TEXT,
        committed INTEGER NOT NULL DEFAULT 0,
        reserved INTEGER NOT NULL DEFAULT 0,
        committed_units INTEGER NOT NULL DEFAULT 0,
        reserved_units INTEGER NOT NULL DEFAULT 0,
        entries INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX capacity_bucket_kind ON capacity_bucket (kind, country);

      -- Append-only (triggers below); corrections are new entries.
      CREATE TABLE capacity_entry (
        id INTEGER PRIMARY KEY,
        bucket TEXT NOT NULL REFERENCES capacity_bucket (bucket),
        action TEXT NOT NULL CHECK (action IN ('reserve', 'commit', 'release')),
        tpp INTEGER NOT NULL CHECK (tpp >= 0),
        units INTEGER NOT NULL DEFAULT 0 CHECK (units >= 0),
        project_id TEXT REFERENCES project (id),
        pack_id TEXT,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        reason TEXT,
        sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1))
      ) STRICT;
      CREATE INDEX capacity_entry_bucket ON capacity_entry (bucket, id);
      CREATE INDEX capacity_entry_project ON capacity_entry (project_id) WHERE project_id IS NOT NULL;

      -- Sample rows (marked at import) may be removed in one action; the desk's own records may not.
      CREATE TRIGGER capacity_entry_no_update BEFORE UPDATE ON capacity_entry
        BEGIN SELECT RAISE(ABORT, 'capacity entries are append-only'); END;
      CREATE TRIGGER capacity_entry_no_delete BEFORE DELETE ON capacity_entry WHEN OLD.sample = 0
        BEGIN SELECT RAISE(ABORT, 'capacity entries are append-only'); END;
      CREATE TRIGGER project_status_change_no_update BEFORE UPDATE ON project_status_change
        BEGIN SELECT RAISE(ABORT, 'status history is append-only'); END;
      CREATE TRIGGER project_status_change_no_delete BEFORE DELETE ON project_status_change WHEN OLD.sample = 0
        BEGIN SELECT RAISE(ABORT, 'status history is append-only'); END;
      CREATE TRIGGER determination_no_update BEFORE UPDATE ON determination
        BEGIN SELECT RAISE(ABORT, 'stored determinations are append-only'); END;
      CREATE TRIGGER determination_no_delete BEFORE DELETE ON determination WHEN OLD.sample = 0
        BEGIN SELECT RAISE(ABORT, 'stored determinations are append-only'); END;
      CREATE TRIGGER installed_base_no_update BEFORE UPDATE ON installed_base
        BEGIN SELECT RAISE(ABORT, 'installed base entries are append-only'); END;
      CREATE TRIGGER installed_base_no_delete BEFORE DELETE ON installed_base WHEN OLD.sample = 0
        BEGIN SELECT RAISE(ABORT, 'installed base entries are append-only'); END;
    `)
  },
}
