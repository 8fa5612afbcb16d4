import type { Migration } from './types'

/**
 * Deals ("projects"), their lines, their status history and the determinations stored with them.
 * `project` is the current version of each deal; earlier versions live in the audit chain (each
 * update records before and after), and `version` lets an editor refuse a stale save.
 */
export const m0030Projects: Migration = {
  version: 30,
  name: 'projects',
  up(db) {
    db.exec(`
      CREATE TABLE project (
        id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 100),
        version INTEGER NOT NULL DEFAULT 1,
        name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN
          ('draft', 'in_review', 'approved', 'licensed', 'shipped', 'closed', 'returned', 'rejected', 'cancelled')),
        consignee TEXT NOT NULL,
        consignee_hq TEXT,
        parent_known INTEGER NOT NULL DEFAULT 0 CHECK (parent_known IN (0, 1)),
        parent_hq TEXT,
        end_user TEXT,
        destination TEXT,
        site TEXT,
        planned_date TEXT NOT NULL,
        authorization TEXT CHECK (authorization IN ('AIA', 'LPP', 'ACA', 'NAC', 'NVEU', 'UVEU', 'STA', 'LICENSE')),
        veu_kind TEXT CHECK (veu_kind IN ('UVEU', 'NVEU')),
        veu_id TEXT,
        veu_hq TEXT,
        datacenter INTEGER CHECK (datacenter IN (0, 1)),
        certifications TEXT CHECK (certifications IS NULL OR json_valid(certifications)),
        transaction_kind TEXT CHECK (transaction_kind IN ('export', 'reexport', 'transfer')),
        notes TEXT NOT NULL DEFAULT '',
        licence_number TEXT,
        authorized_tpp INTEGER,
        authorized_units INTEGER,
        preparer TEXT NOT NULL,
        reviewer TEXT,
        sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- Summary of the latest evaluation, so the book can be sorted and filtered without re-evaluating.
        units INTEGER NOT NULL DEFAULT 0,
        chips_summary TEXT NOT NULL DEFAULT '',
        tpp INTEGER,
        h100e REAL,
        eccn TEXT,
        tier INTEGER,
        license_required INTEGER,
        review_policy TEXT,
        outcome TEXT,
        recommended TEXT,
        headroom_bucket TEXT,
        headroom_remaining INTEGER,
        eval_pack_id TEXT
      ) STRICT;
      CREATE INDEX project_status ON project (status, updated_at);
      CREATE INDEX project_updated ON project (updated_at);
      CREATE INDEX project_planned ON project (planned_date);
      CREATE INDEX project_destination ON project (destination, planned_date);
      CREATE INDEX project_consignee ON project (consignee COLLATE NOCASE);
      CREATE INDEX project_tpp ON project (tpp);
      CREATE INDEX project_name ON project (name COLLATE NOCASE);
      CREATE INDEX project_sample ON project (sample) WHERE sample = 1;
      CREATE INDEX project_licence ON project (licence_number) WHERE licence_number IS NOT NULL;

      CREATE TABLE project_line (
        project_id TEXT NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        line_no INTEGER NOT NULL,
        -- Catalogue id or name; for an inline spec, its name (the spec itself is in chip_spec).
        chip TEXT NOT NULL,
        chip_spec TEXT CHECK (chip_spec IS NULL OR json_valid(chip_spec)),
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (project_id, line_no)
      ) STRICT, WITHOUT ROWID;

      -- Append-only; no cascade: a deal with a status change is never deleted (only drafts are).
      CREATE TABLE project_status_change (
        id INTEGER PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES project (id),
        from_status TEXT NOT NULL,
        to_status TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        reason TEXT,
        pack_id TEXT,
        sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1))
      ) STRICT;
      CREATE INDEX project_status_change_project ON project_status_change (project_id, id);

      -- What the desk saw: the full determination JSON, the pack and its content hash, and when.
      CREATE TABLE determination (
        id INTEGER PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES project (id),
        project_version INTEGER NOT NULL,
        stage TEXT NOT NULL,
        pack_id TEXT NOT NULL,
        pack_hash TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        body TEXT NOT NULL CHECK (json_valid(body)),
        sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1))
      ) STRICT;
      CREATE INDEX determination_project ON determination (project_id, id);
    `)
  },
}
