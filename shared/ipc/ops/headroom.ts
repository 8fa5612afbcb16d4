import { z } from 'zod'
import { op } from '../define'
import type { HeadroomHistory, HeadroomRow } from '../../domain/headroom'
import { iso2Field, isoDateField, packIdField } from './fields'

export const headroomBucketsInput = z
  .object({
    packId: packIdField.optional(),
    /** Only buckets whose period contains this date (buckets without a period always match). */
    asOf: isoDateField.optional(),
    /**
     * The date a pinned scenario's limits are read on (its allocation, raised or not by a dated edit),
     * without filtering the periods listed: the board sends the header's as-of date. Default: `asOf`,
     * else today.
     */
    on: isoDateField.optional(),
    kind: z.enum(['country', 'lpp', 'nveu', 'uveu_country', 'uveu_tier1', 'uveu_us', 'licence']).optional(),
    country: iso2Field.optional(),
  })
  .strict()

export const headroomOps = {
  'headroom.buckets': op<HeadroomRow[]>()(
    headroomBucketsInput,
    'Every capacity bucket with its limit, committed, reserved, remaining, % used and alert level (running totals, no rescan).',
  ),
  'headroom.history': op<HeadroomHistory>()(
    z
      .object({
        bucket: z.string().min(1).max(300),
        limit: z.number().int().min(1).max(100_000).default(5000),
        /**
         * The header's pinned pack, if any: under a scenario a bucket of the pack it copies is measured
         * against the scenario's limit (`limitPackId` says so), as `headroom.buckets` lists it.
         */
        packId: packIdField.optional(),
        /** The date a pinned scenario's limit is read on (the board's as-of date). Default: today. */
        on: isoDateField.optional(),
      })
      .strict(),
    "A bucket's entries in order with the running totals after each, against the limit the board shows for it.",
  ),
}
