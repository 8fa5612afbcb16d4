import { describe, expect, it } from 'vitest'
import { exportBook, importBook } from '../../../electron/db/interchange'
import { openLedger, schemaVersion } from '../../../electron/db/ledger'
import { latestVersion, migrations } from '../../../electron/db/migrations/index'
import { evaluateAgainstLedger } from '../../../electron/db/evaluation'
import {
  createDraft,
  evaluateDraft,
  getProject,
  listProjects,
  toDeal,
  transition,
} from '../../../electron/db/projects'
import { reevaluateBook } from '../../../electron/db/reevaluate'
import { tempLedgerPath } from '../helpers/temp-ledger'
import { lppDeal, openDesk } from './helpers'

/**
 * Whether a licence was granted is the deal's own record. A deal may ship or close under an exception
 * (LPP, AIA, a VEU) or with no licence required; read from its status, every shipped deal looked
 * licensed, and re-evaluating one said "licence required" and counted it against the allocation.
 */
describe('a licence granted is a fact of the deal, not of its status', () => {
  it('a deal shipped under LPP stays an LPP shipment, and one shipped under its licence stays licensed', () => {
    const { db, alice, bob } = openDesk()
    const lpp = createDraft(db, alice, lppDeal())
    transition(db, alice, { id: lpp.id, to: 'in_review' })
    transition(db, bob, { id: lpp.id, to: 'approved', reason: 'within the LPP year' })
    transition(db, bob, { id: lpp.id, to: 'shipped', reason: 'shipped under LPP' })
    const licensed = createDraft(
      db,
      alice,
      lppDeal({ name: 'licensed', consignee: 'Other Co', authorization: 'LICENSE' }),
    )
    transition(db, alice, { id: licensed.id, to: 'in_review' })
    transition(db, bob, { id: licensed.id, to: 'approved', reason: 'apply' })
    transition(db, bob, { id: licensed.id, to: 'licensed', licence: { number: 'L-2025-7' } })
    transition(db, bob, { id: licensed.id, to: 'shipped', reason: 'shipped under L-2025-7' })

    expect(getProject(db, lpp.id)).toMatchObject({ status: 'shipped', licensed: false })
    expect(toDeal(getProject(db, lpp.id)).licensed).toBeUndefined()
    expect(getProject(db, licensed.id)).toMatchObject({ status: 'shipped', licensed: true })
    expect(toDeal(getProject(db, licensed.id)).licensed).toBe(true)

    // Evaluated again (as the grid under another pack, the memo and the deal panel do), the shipment
    // under LPP is not turned into a licence application after the fact.
    const again = (id: string) =>
      evaluateAgainstLedger(db, toDeal(getProject(db, id)), {
        packId: 'us-ai-diffusion-2025',
        excludeProject: id,
      }).determination
    expect(again(lpp.id)).toMatchObject({ outcome: 'allowed', authorization: 'LPP', licenseRequired: false })
    expect(again(licensed.id)).toMatchObject({ authorization: 'LICENSE', licenseRequired: true })
    expect(
      again(licensed.id)
        .steps.map((s) => s.text)
        .join(' '),
    ).toMatch(/A licence has been granted/)
    // The editor sends a saved deal's fields only: the ledger adds what it recorded. Within the LPP
    // year, the licensed deal still ships under its licence, and the LPP shipment under LPP.
    const shown = evaluateDraft(db, {
      ...lppDeal({ name: 'licensed', consignee: 'Other Co' }),
      id: licensed.id,
    })
    expect(shown).toMatchObject({ authorization: 'LICENSE' })
    expect(shown.steps.map((s) => s.text)).toContain(
      'A licence has been granted for this deal: it ships under the licence.',
    )
    expect(evaluateDraft(db, { ...lppDeal(), id: lpp.id })).toMatchObject({ authorization: 'LPP' })

    // Re-evaluating the book leaves shipments alone: what they shipped under is the record.
    const open = createDraft(db, alice, lppDeal({ name: 'open', consignee: 'Third Co' }))
    transition(db, alice, { id: open.id, to: 'in_review' })
    const rowsBefore = listProjects(db, { limit: 10 }).rows
    const run = reevaluateBook(db, bob, 'us-ai-diffusion-2025')
    expect(run.evaluated).toBe(1)
    expect(listProjects(db, { limit: 10 }).rows).toEqual(rowsBefore)
    db.close()
  })

  it('is imported from the deal, its status or its licence number, and exported as `licensed`', () => {
    const { db } = openDesk()
    const deal = (id: string, extra: Record<string, unknown>) => ({
      id,
      date: '2025-03-10',
      consignee: `Consignee ${id}`,
      consigneeHq: 'IN',
      parentHq: null,
      destination: 'IN',
      lines: [{ chip: 'H100', quantity: 100 }],
      preparer: 'alice',
      reviewer: 'bob',
      ...extra,
    })
    const result = importBook(
      db,
      {
        deals: [
          deal('SHIPPED-LPP', { status: 'shipped', authorization: 'LPP' }),
          deal('SHIPPED-LICENSED', { status: 'shipped', licensed: true }),
          deal('CLOSED-NUMBER', {
            status: 'closed',
            licenceNumber: 'L-9',
            authorizedTpp: 10_000_000,
          }),
          deal('LICENSED', { status: 'licensed', licenceNumber: 'L-10', authorizedTpp: 10_000_000 }),
          deal('DRAFT', {}),
        ],
      },
      'desk',
    )
    expect(result).toMatchObject({ imported: 5 })
    const flags = (ids: string[]) => ids.map((id) => getProject(db, id).licensed)
    const ids = ['SHIPPED-LPP', 'SHIPPED-LICENSED', 'CLOSED-NUMBER', 'LICENSED', 'DRAFT']
    expect(flags(ids)).toEqual([false, true, true, true, false])
    const exported = new Map(exportBook(db).deals.map((d) => [d.id, d.licensed]))
    expect(ids.map((id) => exported.get(id))).toEqual([undefined, true, true, true, undefined])

    // And back again: the same flags in a new ledger.
    const copy = openDesk().db
    importBook(copy, exportBook(db), 'desk')
    expect(ids.map((id) => getProject(copy, id).licensed)).toEqual([false, true, true, true, false])
    copy.close()
    db.close()
  })
})

describe('migration 0120: `licensed` filled from what the ledger recorded', () => {
  it('marks deals licensed, with a licence number, once licensed, or imported as licensed, and no other', () => {
    const path = tempLedgerPath()
    const old = openLedger(path, { migrations: migrations.filter((m) => m.version < 120) })
    expect(schemaVersion(old)).toBe(110)
    const source = JSON.stringify({
      deals: [{ id: 'M-1', licensed: true }, { id: 'M-2' }, { id: 'M-3', licensed: false }],
    })
    old
      .prepare(
        "INSERT INTO import_batch (id, at, actor, format, deals, sha256, source) VALUES (1, 't', 'desk', 'json', 3, ?, ?)",
      )
      .run('0'.repeat(64), source)
    old
      .prepare(
        "INSERT INTO import_batch (id, at, actor, format, deals, sha256, source) VALUES (2, 't', 'desk', 'csv', 1, ?, ?)",
      )
      .run('1'.repeat(64), 'id,licensed\nM-7,true\n')
    const deal = old.prepare(
      `INSERT INTO project (id, name, status, consignee, planned_date, preparer, created_at, updated_at, units,
         chips_summary, licence_number, import_batch, import_row) VALUES (?, ?, ?, 'Acme', '2025-03-01', 'alice', 't', 't', 1, 'H100 × 1', ?, ?, ?)`,
    )
    deal.run('M-1', 'imported licensed, shipped', 'shipped', null, 1, 1)
    deal.run('M-2', 'imported, shipped under an exception', 'shipped', null, 1, 2)
    deal.run('M-3', 'imported, licensed: false', 'closed', null, 1, 3)
    deal.run('M-4', 'licence number', 'closed', 'L-1', null, null)
    deal.run('M-5', 'passed through licensed', 'shipped', null, null, null)
    deal.run('M-6', 'licensed', 'licensed', null, null, null)
    deal.run('M-7', 'CSV book, no licence number', 'shipped', null, 2, 1)
    deal.run('M-8', 'approved', 'approved', null, null, null)
    const change = old.prepare(
      "INSERT INTO project_status_change (project_id, from_status, to_status, at, actor) VALUES ('M-5', ?, ?, 't', 'bob')",
    )
    change.run('approved', 'licensed')
    change.run('licensed', 'shipped')
    old.close()

    const db = openLedger(path)
    expect(schemaVersion(db)).toBe(latestVersion())
    const licensed = db.prepare('SELECT id, licensed FROM project ORDER BY id').all()
    expect(licensed).toEqual([
      { id: 'M-1', licensed: 1 },
      { id: 'M-2', licensed: 0 },
      { id: 'M-3', licensed: 0 },
      { id: 'M-4', licensed: 1 },
      { id: 'M-5', licensed: 1 },
      { id: 'M-6', licensed: 1 },
      { id: 'M-7', licensed: 0 },
      { id: 'M-8', licensed: 0 },
    ])
    expect(() => db.exec("UPDATE project SET licensed = 2 WHERE id = 'M-8'")).toThrow(/CHECK constraint/)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })
})
