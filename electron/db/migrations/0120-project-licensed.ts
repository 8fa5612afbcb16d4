import type { Migration } from './types'

/**
 * Whether a licence has been granted for a deal, as a fact of its own (`project.licensed`). It was
 * read from the status, as if every shipped or closed deal had shipped under a licence; a deal may
 * ship under an exception (LPP, AIA, a VEU) or with no licence required, and evaluated as licensed it
 * took the licence route: re-evaluating it said "licence required" and counted it against the
 * country allocation.
 *
 * Filled from what the ledger recorded: the deal was marked licensed, holds a licence number, passed
 * through `licensed`, or came from a JSON book whose deal said `"licensed": true` (the book is kept as
 * given). A shipped deal of a CSV book without a licence number cannot be told apart and stays
 * unlicensed.
 */
export const m0120ProjectLicensed: Migration = {
  version: 120,
  name: 'project-licensed',
  up(db) {
    db.exec(`
      ALTER TABLE project ADD COLUMN licensed INTEGER NOT NULL DEFAULT 0 CHECK (licensed = 0 OR licensed = 1);
      UPDATE project SET licensed = 1
        WHERE status = 'licensed'
          OR licence_number IS NOT NULL
          OR EXISTS (SELECT 1 FROM project_status_change c WHERE c.project_id = project.id AND c.to_status = 'licensed')
          OR EXISTS (
            SELECT 1 FROM import_batch b
              WHERE b.id = project.import_batch AND b.format = 'json' AND project.import_row IS NOT NULL
                AND CASE WHEN json_valid(b.source)
                  THEN json_extract(b.source, '$.deals[' || (project.import_row - 1) || '].licensed') = 1
                  ELSE 0 END
          );
    `)
  },
}
