import type { Migration } from './types'

/**
 * The desk's own reference data: its users (the basis of four eyes), parties with their
 * validated-end-user status, chips it added to the catalogue, and the installed base of each
 * validated end user per country. Catalogue chips stay in code (shared/rules) so a new build can
 * correct a figure; only the desk's additions live here.
 */
export const m0020DeskReference: Migration = {
  version: 20,
  name: 'desk-reference',
  up(db) {
    db.exec(`
      CREATE TABLE desk_user (
        name TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 100),
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('preparer', 'reviewer')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE party (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('consignee', 'end_user', 'parent', 'other')),
        hq TEXT REFERENCES country (iso2),
        -- Tri-state like the rule engine's Party.parentHq: unknown (0, NULL), no parent (1, NULL), parent HQ (1, code).
        parent_known INTEGER NOT NULL DEFAULT 0 CHECK (parent_known IN (0, 1)),
        parent_hq TEXT REFERENCES country (iso2),
        parent_name TEXT,
        veu_kind TEXT CHECK (veu_kind IN ('UVEU', 'NVEU')),
        veu_id TEXT,
        veu_hq TEXT REFERENCES country (iso2),
        -- JSON array of ISO codes where an NVEU is authorised (UVEU: empty = worldwide within its limits).
        veu_countries TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(veu_countries)),
        notes TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((veu_kind IS NULL) = (veu_id IS NULL))
      ) STRICT;
      CREATE INDEX party_veu ON party (veu_id) WHERE veu_id IS NOT NULL;

      CREATE TABLE chip (
        id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 100),
        name TEXT NOT NULL COLLATE NOCASE UNIQUE,
        vendor TEXT NOT NULL DEFAULT '',
        -- The ChipSpec as entered (TPP or throughput per precision, die area, bandwidth, datacenter flag).
        spec TEXT NOT NULL CHECK (json_valid(spec)),
        source TEXT NOT NULL DEFAULT '',
        sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      ) STRICT;

      -- Append-only: a correction is a new row with a negative or positive delta and a note.
      CREATE TABLE installed_base (
        id INTEGER PRIMARY KEY,
        veu_id TEXT NOT NULL,
        country TEXT NOT NULL REFERENCES country (iso2),
        tpp INTEGER NOT NULL,
        recorded_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1))
      ) STRICT;
      CREATE INDEX installed_base_veu ON installed_base (veu_id, country);
    `)
  },
}
