import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ensureBucket,
  type BucketDbRow,
  headroomBuckets,
  headroomOf,
  headroomQuery,
  type HeadroomFilter,
} from '../../../electron/db/capacity'
import { openLedger, type Ledger } from '../../../electron/db/ledger'
import { ensureSampleOnFirstStart } from '../../../electron/sample/load-sample'
import type { BucketKind, HeadroomRow } from '../../../shared/domain/headroom'
import { tempLedgerPath } from '../helpers/temp-ledger'

/**
 * `headroomBuckets` filters in SQL. These tests hold it to the listing it replaced: every bucket row
 * read, filtered by country, pack and as-of period in JavaScript, in (kind, bucket) order.
 */

function periodContains(period: string, date: string): boolean {
  if (/^\d{4}$/.test(period)) return date.slice(0, 4) === period
  const q = /^(\d{4})-Q([1-4])$/.exec(period)
  if (q)
    return date.slice(0, 4) === q[1] && Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1 === Number(q[2])
  return true
}

/** The former listing, for buckets without an installed base (every kind but the VEU deployments). */
function reference(db: Ledger, filter: HeadroomFilter): Array<Partial<HeadroomRow>> {
  const rows = db.prepare('SELECT * FROM capacity_bucket ORDER BY kind, bucket').all() as BucketDbRow[]
  return rows
    .filter((r) => (filter.kind ? r.kind === filter.kind : true))
    .filter((r) => (filter.country ? r.country === filter.country : true))
    .filter((r) => (filter.packId ? r.pack_id === filter.packId || r.kind === 'licence' : true))
    .filter((r) => (filter.asOf && r.period ? periodContains(r.period, filter.asOf) : true))
    .map((r) => {
      const limit = r.limit_tpp
      const used = r.committed + r.reserved
      const pctUsed =
        limit === null ? null : limit === 0 ? (used > 0 ? 100 : 0) : Math.round((used / limit) * 10000) / 100
      const veu = r.kind === 'nveu' || r.kind === 'uveu_country'
      return {
        bucket: r.bucket,
        kind: r.kind,
        label: r.label,
        country: r.country,
        consignee: r.consignee,
        veu: r.veu,
        period: r.period,
        limit,
        committed: r.committed,
        reserved: r.reserved,
        limitUnits: r.limit_units,
        committedUnits: r.committed_units,
        reservedUnits: r.reserved_units,
        packId: r.pack_id,
        updatedAt: r.updated_at,
        // VEU rows now count their installed base (headroom-veu.test.ts); the rest must not move.
        ...(veu ? {} : { installedBase: 0, remaining: limit === null ? null : limit - used, pctUsed }),
      }
    })
}

let db: Ledger
beforeAll(() => {
  db = openLedger(tempLedgerPath())
  ensureSampleOnFirstStart(db, { created: true, actor: 'desk.officer' })
  const at = '2025-06-01T00:00:00.000Z'
  // Odd rows the sample lacks: a consignee name with colons, a period in neither form (always matches
  // an as-of date), another pack, a bucket without a limit, one at zero limit, one over its limit.
  ensureBucket(db, { bucket: 'lpp:Odd: Name: Ltd:2026', kind: 'lpp', limitTpp: 26_900_000, packId: 'p2' }, at)
  ensureBucket(db, { bucket: 'lpp:Weird Period:FY25', kind: 'lpp', limitTpp: 100, packId: 'p2' }, at)
  ensureBucket(db, { bucket: 'country:ZZ', kind: 'country', limitTpp: 0 }, at)
  ensureBucket(db, { bucket: 'country:QQ', kind: 'country' }, at)
  db.prepare(
    "UPDATE capacity_bucket SET committed = 1, reserved = 7 WHERE bucket IN ('country:ZZ', 'country:QQ')",
  ).run()
  db.prepare("UPDATE capacity_bucket SET reserved = 150 WHERE bucket = 'lpp:Weird Period:FY25'").run()
})
afterAll(() => db.close())

const kinds: Array<BucketKind | undefined> = [undefined, 'country', 'lpp', 'nveu', 'uveu_country', 'licence']
const countries = [undefined, 'IN', 'MY', 'ZZ', 'XX']
const packs = [undefined, 'us-ai-diffusion-2025', 'p2', 'none']
const dates = [undefined, '2025-02-15', '2025-05-01', '2026-01-01', '2027-12-31']

describe('headroomBuckets filters in SQL', () => {
  it('returns the same rows, in the same order, as the JavaScript filter it replaced, for every filter', () => {
    let nonEmpty = 0
    for (const kind of kinds)
      for (const country of countries)
        for (const packId of packs)
          for (const asOf of dates) {
            const filter: HeadroomFilter = { kind, country, packId, asOf }
            const got = headroomBuckets(db, filter)
            const want = reference(db, filter)
            expect(
              got.map((r) => r.bucket),
              JSON.stringify(filter),
            ).toEqual(want.map((r) => r.bucket))
            got.forEach((r, i) => expect(r, r.bucket).toMatchObject(want[i]!))
            if (got.length) nonEmpty++
          }
    expect(nonEmpty).toBeGreaterThan(100)
  })

  it('keeps alert levels and over-limit rows as before', () => {
    const zz = headroomOf(db, 'country:ZZ')!
    expect(zz).toMatchObject({ limit: 0, pctUsed: 100, remaining: -8, alertLevel: '100', installedBase: 0 })
    expect(headroomOf(db, 'country:QQ')).toMatchObject({
      limit: null,
      pctUsed: null,
      remaining: null,
      alertLevel: 'none',
    })
    expect(headroomOf(db, 'lpp:Weird Period:FY25')).toMatchObject({ pctUsed: 150, alertLevel: '100' })
    const my = headroomOf(db, 'country:MY')!
    expect(my.alertLevel).toBe('80') // 89.1 %
    expect(headroomBuckets(db).find((r) => r.bucket === 'country:MY')).toEqual(my)
  })

  it('reads a country or a kind through an index, already in listing order', () => {
    const plan = (filter: HeadroomFilter) => {
      const { sql, params } = headroomQuery(filter)
      return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join(' | ')
    }
    expect(plan({ country: 'IN' })).toMatch(
      /SEARCH capacity_bucket USING INDEX capacity_bucket_country \(country=\?\)/,
    )
    expect(plan({ kind: 'lpp' })).toMatch(
      /SEARCH capacity_bucket USING INDEX capacity_bucket_kind \(kind=\?\)/,
    )
    expect(plan({})).toMatch(/SCAN capacity_bucket USING INDEX capacity_bucket_kind/)
    for (const f of [
      {},
      { country: 'IN' },
      { kind: 'lpp' as const },
      { country: 'IN', kind: 'nveu' as const },
    ]) {
      expect(plan(f)).not.toMatch(/TEMP B-TREE/)
      expect(plan(f)).not.toMatch(/capacity_entry/)
    }
  })
})
