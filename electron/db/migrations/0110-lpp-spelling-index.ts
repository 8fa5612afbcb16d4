import type { Migration } from './types'

/**
 * LPP buckets by their consignee spelling without spaces or case, so evaluating one deal can find the
 * buckets of other spellings of its consignee (see `openingBalances`) by an index lookup, not a scan
 * of every LPP bucket: re-evaluating the book evaluates each deal that way.
 */
export const m0110LppSpellingIndex: Migration = {
  version: 110,
  name: 'lpp-spelling-index',
  up(db) {
    db.exec(
      "CREATE INDEX capacity_bucket_lpp_spelling ON capacity_bucket (lower(replace(bucket, ' ', ''))) WHERE kind = 'lpp'",
    )
  },
}
