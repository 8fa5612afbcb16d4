import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { generateBook } from '../../../bench/rules'
import { listAudit, verifyAuditChain } from '../../../electron/db/audit'
import { withIndexesDeferred } from '../../../electron/db/bulk'
import { importBook } from '../../../electron/db/interchange'
import type { Ledger } from '../../../electron/db/ledger'
import { createDraft, projectDetail } from '../../../electron/db/projects'
import { lppDeal, openDesk } from './helpers'

/** The schema of `project`'s indexes, by name. */
const indexesOf = (db: Ledger, table = 'project'): Record<string, string | null> =>
  Object.fromEntries(
    (
      db
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? ORDER BY name")
        .all(table) as Array<{ name: string; sql: string | null }>
    ).map((i) => [i.name, i.sql]),
  )

describe('import batches', () => {
  it('keeps the book as given, one audit event naming it, and every deal pointing at its row', () => {
    const { db, alice } = openDesk()
    const book = generateBook(120, 3)
    const text = JSON.stringify(book, null, 1)
    const eventsBefore = listAudit(db).total
    const r = importBook(db, text, alice)
    expect(r.imported).toBe(120)
    // One event per installed-base record the book brings, one for the import, none per deal.
    expect(listAudit(db).total).toBe(eventsBefore + book.installedBase!.length + 1)
    expect(listAudit(db, { entity: 'project' }).total).toBe(0)
    const batch = db.prepare('SELECT * FROM import_batch').get() as Record<string, unknown>
    expect(batch).toMatchObject({ format: 'json', deals: 120, source: text, actor: 'alice', sample: 0 })
    expect(batch.sha256).toBe(createHash('sha256').update(text).digest('hex'))
    const event = listAudit(db, { limit: 1 }).rows[0]!
    expect(event).toMatchObject({ operation: 'ledger.import', entity: 'import_batch', entityId: '1' })
    expect(event.after).toMatchObject({ batch: 1, sha256: batch.sha256, imported: 120 })

    const deal = generateBook(120, 3).deals[41]!
    const detail = projectDetail(db, deal.id)
    // One action, one time: the batch, its event and every deal it created.
    expect([event.at, detail.project.createdAt]).toEqual([batch.at, batch.at])
    expect(detail.importedFrom).toMatchObject({ batch: 1, row: 42, format: 'json', sha256: batch.sha256 })
    expect(detail.audit.map((a) => a.id)).toEqual([event.id])
    expect(listAudit(db, { projectId: deal.id }).rows.map((a) => a.id)).toEqual([event.id])
    // A deal created by hand has no import origin, and its own events only.
    const own = createDraft(db, alice, lppDeal())
    expect(projectDetail(db, own.id).importedFrom).toBeUndefined()
    expect(projectDetail(db, own.id).audit.map((a) => a.operation)).toEqual(['project.create'])
    expect(verifyAuditChain(db).ok).toBe(true)
  })

  it('refuses to change or delete a batch', () => {
    const { db, alice } = openDesk()
    importBook(db, generateBook(5), alice)
    expect(() => db.prepare("UPDATE import_batch SET source = '{}'").run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM import_batch').run()).toThrow(/append-only/)
  })

  it('builds the deferred indexes again after a large import, and a failed one leaves them as they were', () => {
    const { db, alice } = openDesk()
    const before = indexesOf(db)
    expect(Object.keys(before).length).toBeGreaterThan(5)
    const book = generateBook(1_500, 5)
    expect(importBook(db, book, alice).imported).toBe(1_500)
    expect(indexesOf(db)).toEqual(before)
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok')

    // A throw inside the deferred section rolls the drops back with everything else.
    expect(() =>
      db.transaction(() =>
        withIndexesDeferred(db, 'project', () => {
          expect(Object.values(indexesOf(db)).every((sql) => sql === null)).toBe(true)
          throw new Error('stop')
        }),
      )(),
    ).toThrow('stop')
    expect(indexesOf(db)).toEqual(before)
    expect(() => withIndexesDeferred(db, 'project', () => 1)).toThrow(/inside a transaction/)
  })
})
