import type Database from 'better-sqlite3'

export interface Migration {
  /** Steps by 10 so a fix-up can slot in between; equals the `PRAGMA user_version` after it runs. */
  version: number
  name: string
  up(db: Database.Database): void
  /**
   * Rebuilds a table other tables reference (SQLite's documented way to change a table's
   * constraints): foreign keys are switched off around the migration's transaction and every
   * reference is checked before it commits.
   */
  rebuildsReferencedTable?: boolean
}
