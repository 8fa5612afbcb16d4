import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { headroomBuckets, headroomOf } from '../../../electron/db/capacity'
import { openLedger, type Ledger } from '../../../electron/db/ledger'
import { ensureSampleOnFirstStart } from '../../../electron/sample/load-sample'
import { bucketName } from '../../../shared/rules/buckets'
import { tempLedgerPath } from '../helpers/temp-ledger'

let db: Ledger
beforeAll(() => {
  db = openLedger(tempLedgerPath())
  ensureSampleOnFirstStart(db, { created: true, actor: 'desk.officer' })
})
afterAll(() => db.close())

describe("a headroom row's label", () => {
  it('is the shared name of its bucket, for every bucket the sample records', () => {
    const rows = headroomBuckets(db)
    expect(new Set(rows.map((r) => r.kind)).size).toBeGreaterThanOrEqual(5)
    for (const r of rows) expect(r.label).toBe(bucketName(r.bucket))
    expect(headroomOf(db, 'country:MY')!.label).toBe('Country allocation, Malaysia')
  })

  it('is not the label a ledger stored before names were shared', () => {
    // The wording the ledger wrote before: the id's parts, the country by its code.
    db.prepare("UPDATE capacity_bucket SET label = 'Country allocation MY' WHERE bucket = 'country:MY'").run()
    expect(headroomOf(db, 'country:MY')!.label).toBe('Country allocation, Malaysia')
  })
})
