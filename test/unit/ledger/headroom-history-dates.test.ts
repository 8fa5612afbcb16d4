import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { headroomHistory } from '../../../electron/db/capacity'
import { openLedger, type Ledger } from '../../../electron/db/ledger'
import { getProject } from '../../../electron/db/projects'
import { ensureSampleOnFirstStart } from '../../../electron/sample/load-sample'
import { tempLedgerPath } from '../helpers/temp-ledger'

/**
 * The allocation charts place a capacity entry at its deal's planned ship date (the renderer's
 * `historyPoints`, tested in test/unit/renderer): the sample records every entry on the day it is
 * loaded, while its Malaysian deals ship on different days.
 */
let db: Ledger
beforeAll(() => {
  db = openLedger(tempLedgerPath())
  ensureSampleOnFirstStart(db, { created: true, actor: 'desk.officer' })
})
afterAll(() => db.close())

describe('a bucket history carries each entry’s deal date', () => {
  it("gives every entry its deal's planned ship date", () => {
    const h = headroomHistory(db, 'country:MY')
    expect(h.points.length).toBeGreaterThan(1)
    for (const p of h.points) expect(p.dealDate).toBe(getProject(db, p.projectId!).plannedDate)
    expect(new Set(h.points.map((p) => p.dealDate)).size).toBeGreaterThan(1)
  })

  it('keeps the running totals in the order recorded, ending at the bucket’s', () => {
    const h = headroomHistory(db, 'country:MY')
    expect(h.points.map((p) => p.id)).toEqual([...h.points.map((p) => p.id)].sort((a, b) => a - b))
    expect(h.points.at(-1)).toMatchObject({ committed: h.bucket.committed, reserved: h.bucket.reserved })
  })
})
