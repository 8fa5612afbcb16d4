import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { mixedBook } from '../../../bench/profile-import'
import { verifyAuditChain } from '../../../electron/db/audit'
import { checkTotals } from '../../../electron/db/capacity'
import { ImportThread } from '../../../electron/db/import-thread'
import { EVALUATION_THREAD_FROM, ImportCancelled, importBook } from '../../../electron/db/interchange'
import type { Ledger } from '../../../electron/db/ledger'
import { createDraft } from '../../../electron/db/projects'
import type { LedgerBook } from '../../../shared/domain/ledger'
import { emptyImportSetup, lppDeal, openDesk } from './helpers'

/** What the importer hands a worker; nothing of it is read by the fake workers below. */
const setup = emptyImportSetup

/** Every row of every table, in rowid order: two ledgers are the same when these are. */
function contents(db: Ledger): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[]
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]))
}

/**
 * The bench's mixed book (statuses, people, licence numbers, UVEU and NVEU deals with an installed
 * base) with the rest of what a book can bring: parties, a chip of the book's own used by a deal,
 * and a licence record.
 */
function richBook(n: number): LedgerBook {
  const book = mixedBook(n)
  book.parties = [
    { name: 'Consignee 877', hq: 'SG', parentHq: 'CN' },
    { name: 'Consignee 12', hq: 'IN' },
  ]
  book.chips = [{ name: 'Desk Accelerator X', tpp: 9_000, dieArea: 600 }]
  book.deals[3]!.lines = [{ chip: 'Desk Accelerator X', quantity: 40 }]
  return {
    ...book,
    licences: [{ number: 'L-BOOK-1', authorizedTpp: 5e9, authorizedUnits: 1e6 }],
  } as LedgerBook
}

describe('the import evaluated on a second thread', () => {
  it('writes the very ledger the one-thread import writes', () => {
    const text = JSON.stringify(richBook(1_500))
    const [one, two] = [false, true].map((evaluationThread) => {
      const desk = openDesk()
      // Capacity already held, so both evaluations start from the ledger's balances.
      createDraft(desk.db, desk.alice, lppDeal({ name: 'held before' }))
      const r = importBook(desk.db, text, desk.alice, { evaluationThread })
      expect(r.errors).toBeUndefined()
      expect(r.imported).toBe(1_500)
      expect(verifyAuditChain(desk.db).ok).toBe(true)
      expect(checkTotals(desk.db)).toEqual([])
      return contents(desk.db)
    })
    expect(two!.project).toHaveLength(1_501)
    expect((two!.capacity_entry as unknown[]).length).toBeGreaterThan(100)
    expect((two!.determination as unknown[]).length).toBeGreaterThan(100)
    expect(two).toEqual(one)
  })

  it('reports a bad book with the same errors and writes nothing', () => {
    const book = richBook(600)
    ;(book.deals[10] as unknown as Record<string, unknown>).date = '2025-13-40'
    book.deals[20]!.lines = []
    const text = JSON.stringify(book)
    const [one, two] = [false, true].map((evaluationThread) => {
      const { db, alice } = openDesk()
      const before = contents(db)
      const r = importBook(db, text, alice, { evaluationThread })
      expect(contents(db)).toEqual(before)
      return r
    })
    expect(two!.errors?.map((e) => e.row)).toEqual([11, 21])
    expect(two).toEqual(one)
  })

  it('rolls back on an error only the ledger can see (a deal id it already holds)', () => {
    const { db, alice } = openDesk()
    const book = richBook(600)
    createDraft(db, alice, { ...lppDeal(), id: book.deals[42]!.id } as never)
    const before = contents(db)
    const r = importBook(db, JSON.stringify(book), alice, { evaluationThread: true })
    expect(r.errors).toEqual([
      { row: 43, field: 'id', message: `deal ${book.deals[42]!.id} is already in the ledger` },
    ])
    expect(contents(db)).toEqual(before)
  })

  it('can be cancelled while the thread evaluates; nothing is written', () => {
    const { db, alice } = openDesk()
    const before = contents(db)
    let writes = 0
    expect(() =>
      importBook(db, JSON.stringify(richBook(2_000)), alice, {
        evaluationThread: true,
        onProgress: (p) => {
          if (p.phase === 'writing') writes++
        },
        isCancelled: () => writes >= 3,
      }),
    ).toThrow(ImportCancelled)
    expect(db.inTransaction).toBe(false)
    expect(contents(db)).toEqual(before)
    // The ledger goes on working, on either path.
    expect(importBook(db, JSON.stringify(richBook(300)), alice, { evaluationThread: true }).imported).toBe(
      300,
    )
  })

  it('is used by default for a large book given as text, and not for a small one', () => {
    expect(EVALUATION_THREAD_FROM).toBeGreaterThan(JSON.stringify(richBook(2_000)).length)
    expect(EVALUATION_THREAD_FROM).toBeLessThan(JSON.stringify(mixedBook(30_000)).length)
  })

  it('turns a failure on the thread into an error of the import', () => {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-thread-'))
    const entry = join(dir, 'failing-worker.mjs')
    writeFileSync(
      entry,
      `import { workerData } from 'node:worker_threads'
       const count = new Int32Array(workerData.posted)
       workerData.port.postMessage({ type: 'failed', message: 'the engine broke' })
       Atomics.add(count, 0, 1)
       Atomics.notify(count, 0)`,
    )
    const thread = ImportThread.start('{}', 'json', {
      entry: { url: pathToFileURL(entry), fromSource: false },
    })
    try {
      expect(() => [...thread.evaluate(setup)]).toThrow(/evaluation thread failed: the engine broke/)
    } finally {
      thread.stop()
    }
  })

  it('gives up on a worker that dies without a word, and can be cancelled while it waits', () => {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-thread-'))
    const entry = join(dir, 'dying-worker.mjs')
    // Fails as it loads, before any of the worker's own code could report it.
    writeFileSync(entry, `throw new Error('the entry did not load')`)
    const start = () =>
      ImportThread.start('{}', 'json', {
        entry: { url: pathToFileURL(entry), fromSource: false },
        silenceMs: 2_000,
      })
    const silent = start()
    try {
      expect(() => [...silent.evaluate(setup)]).toThrow(/said nothing for 2 s/)
    } finally {
      silent.stop()
    }
    const cancelled = start()
    let asked = 0
    try {
      expect(() => [
        ...cancelled.evaluate(setup, () => {
          if (++asked === 1) throw new ImportCancelled()
        }),
      ]).toThrow(ImportCancelled)
    } finally {
      cancelled.stop()
    }
  })
})
