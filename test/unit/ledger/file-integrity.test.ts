import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkConstraintsOf, fileIntegrityProblems } from '../../../electron/db/integrity'
import { tempDir } from '../helpers/temp-ledger'

describe('file integrity on a read-only connection', () => {
  it('reads every CHECK expression, whatever parentheses hide in strings, names or comments', () => {
    expect(
      checkConstraintsOf(`CREATE TABLE "t(" (
        a TEXT CHECK (a IN ('x)', 'y(')) -- check ( not this )
        , "check" INTEGER CONSTRAINT c1 CHECK ("check" > (1 + 1)), /* CHECK (nor this) */
        b TEXT, CHECK(json_valid(b))
      ) STRICT`),
    ).toEqual([`a IN ('x)', 'y(')`, `"check" > (1 + 1)`, 'json_valid(b)'])
  })

  it('finds a row that breaks a CHECK, which integrity_check misses read-only, and a dangling foreign key', () => {
    const path = join(tempDir(), 'f.sqlite')
    const w = new Database(path)
    w.exec(`CREATE TABLE p (id TEXT PRIMARY KEY) STRICT;
      CREATE TABLE d (id INTEGER PRIMARY KEY, project_id TEXT NOT NULL REFERENCES p (id),
        body TEXT NOT NULL CHECK (json_valid(body))) STRICT;
      INSERT INTO p VALUES ('A');
      INSERT INTO d VALUES (1, 'A', '{}'), (2, 'A', '[1]');`)
    w.pragma('ignore_check_constraints = 1')
    w.pragma('foreign_keys = OFF')
    w.exec("UPDATE d SET body = '{XXXX' WHERE id = 2; INSERT INTO d VALUES (3, 'B', '{}');")
    w.close()
    const db = new Database(path, { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok') // why this module exists
    expect(fileIntegrityProblems(db).map((p) => p.message)).toEqual([
      'CHECK constraint failed in d: row 2 (deal A)',
      'FOREIGN KEY constraint failed in d: row 3 refers to a missing p row',
    ])
    db.close()
  })
})
