import type Database from 'better-sqlite3'

export interface Migration {
  /** Steps by 10 so a fix-up can slot in between; equals the `PRAGMA user_version` after it runs. */
  version: number
  name: string
  up(db: Database.Database): void
}
