import { describe, expect, it } from 'vitest'
import { mixedBook } from '../../../bench/profile-import'
import { verifyAuditChain } from '../../../electron/db/audit'
import {
  ImportCancelled,
  PROGRESS_EVERY,
  importBook,
  type ImportProgress,
} from '../../../electron/db/interchange'
import type { Ledger } from '../../../electron/db/ledger'
import { openDesk } from './helpers'

/** Row counts of every table the import writes, to show a cancelled import wrote none of them. */
function footprint(db: Ledger): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[]
  return Object.fromEntries(
    tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]),
  )
}

describe('importBook progress and cancellation', () => {
  it('reports checking, writing in steps and committing, with the deal counts', () => {
    const { db, alice } = openDesk()
    const book = mixedBook(1_000)
    const seen: ImportProgress[] = []
    const r = importBook(db, JSON.stringify(book), alice, { onProgress: (p) => seen.push({ ...p }) })
    expect(r.errors).toBeUndefined()
    expect(seen[0]).toEqual({ phase: 'checking', done: 0, total: 1_000 })
    expect(seen.at(-1)).toEqual({ phase: 'committing', done: 1_000, total: 1_000 })
    const writing = seen.filter((p) => p.phase === 'writing').map((p) => p.done)
    expect(writing).toEqual(Array.from({ length: 1_000 / PROGRESS_EVERY }, (_, i) => i * PROGRESS_EVERY))
  })

  it('rolls everything back when cancelled half way, and the ledger works on afterwards', () => {
    const { db, alice } = openDesk()
    const before = footprint(db)
    let writes = 0
    expect(() =>
      importBook(db, JSON.stringify(mixedBook(2_000)), alice, {
        onProgress: (p) => {
          if (p.phase === 'writing') writes++
        },
        isCancelled: () => writes >= 3,
      }),
    ).toThrow(ImportCancelled)
    expect(writes).toBe(3)
    expect(db.inTransaction).toBe(false)
    expect(footprint(db)).toEqual(before)
    expect(verifyAuditChain(db).ok).toBe(true)

    const r = importBook(db, JSON.stringify(mixedBook(500)), alice)
    expect(r.imported).toBe(500)
    expect(verifyAuditChain(db).ok).toBe(true)
  })

  it('can be cancelled at the last moment, before the commit', () => {
    const { db, alice } = openDesk()
    const before = footprint(db)
    let committing = false
    let asked = 0
    expect(() =>
      importBook(db, JSON.stringify(mixedBook(300)), alice, {
        isCancelled: () => {
          asked++
          // Says stop only once every deal has been written: the whole book is in the transaction.
          return asked > 1 + Math.ceil(300 / PROGRESS_EVERY) && !committing
        },
        onProgress: (p) => {
          committing = p.phase === 'committing'
        },
      }),
    ).toThrow(ImportCancelled)
    expect(footprint(db)).toEqual(before)
  })
})
