import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkConstraintsOf, fileIntegrityProblems } from '../../../electron/db/integrity'
import { checkBackup } from '../../../electron/db/restore'
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

  it('names the first five rows of a table and counts the rest, in the singular for one', () => {
    const path = join(tempDir(), 'many.sqlite')
    const w = new Database(path)
    w.exec(`CREATE TABLE p (id TEXT PRIMARY KEY) STRICT;
      CREATE TABLE d (id INTEGER PRIMARY KEY, n INTEGER NOT NULL CHECK (n > 0)) STRICT;
      CREATE TABLE e (id INTEGER PRIMARY KEY, n INTEGER NOT NULL CHECK (n > 0)) STRICT;
      CREATE TABLE f (id INTEGER PRIMARY KEY, p_id TEXT NOT NULL REFERENCES p (id)) STRICT;`)
    w.pragma('ignore_check_constraints = 1')
    w.pragma('foreign_keys = OFF')
    for (let i = 1; i <= 7; i++) w.prepare('INSERT INTO d VALUES (?, 0)').run(i)
    for (let i = 1; i <= 6; i++) w.prepare('INSERT INTO e VALUES (?, 0)').run(i)
    for (let i = 1; i <= 5; i++) w.prepare("INSERT INTO f VALUES (?, 'gone')").run(i)
    w.close()
    const db = new Database(path, { readonly: true })
    expect(fileIntegrityProblems(db).map((p) => p.message)).toEqual([
      'CHECK constraint failed in d: row 1, row 2, row 3, row 4, row 5 and 2 more rows',
      'CHECK constraint failed in e: row 1, row 2, row 3, row 4, row 5 and 1 more row',
      'FOREIGN KEY constraint failed in f: row 1, row 2, row 3, row 4, row 5 refer to a missing p row',
    ])
    db.close()
  })

  it('a restore names the first five damaged tables and counts the rest', () => {
    const path = join(tempDir(), 'seven.sqlite')
    const w = new Database(path)
    w.pragma('ignore_check_constraints = 1')
    for (const t of ['t1', 't2', 't3', 't4', 't5', 't6', 't7']) {
      w.exec(`CREATE TABLE ${t} (id INTEGER PRIMARY KEY, n INTEGER NOT NULL CHECK (n > 0)) STRICT`)
      w.exec(`INSERT INTO ${t} VALUES (1, 0)`)
    }
    w.close()
    const named = ['t1', 't2', 't3', 't4', 't5'].map((t) => `CHECK constraint failed in ${t}: row 1`)
    expect(() => checkBackup(path)).toThrow(`is damaged (${named.join('; ')}; and 2 more).`)
  })
})
