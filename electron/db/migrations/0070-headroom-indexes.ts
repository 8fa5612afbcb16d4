import type { Migration } from './types'

/**
 * Indexes for the headroom listing (`headroomBuckets`), which filters and orders in SQL:
 * - `capacity_bucket_kind` becomes (kind, bucket): a listing by kind, or of every bucket, reads the
 *   index in the listing's order (`ORDER BY kind, bucket`) instead of sorting in a temp b-tree;
 * - (country, kind, bucket): a country's buckets, already in order, however many buckets there are;
 * - (veu, country): the VEU deployments and recorded installed base counted into an NVEU row.
 */
export const m0070HeadroomIndexes: Migration = {
  version: 70,
  name: 'headroom-indexes',
  up(db) {
    db.exec(`
      DROP INDEX IF EXISTS capacity_bucket_kind;
      CREATE INDEX capacity_bucket_kind ON capacity_bucket (kind, bucket);
      CREATE INDEX capacity_bucket_country ON capacity_bucket (country, kind, bucket) WHERE country IS NOT NULL;
      CREATE INDEX capacity_bucket_veu ON capacity_bucket (veu, country) WHERE veu IS NOT NULL;
    `)
  },
}
