import { z } from 'zod'
import { op } from '../define'
import type { CountryRow } from '../../domain/country'

export const countriesListInput = z
  .object({
    /** Rule pack to read tiers and groups from; omitted means the pack the timeline says governs `asOf`. */
    packId: z.string().min(1).max(100).optional(),
    /** ISO date (YYYY-MM-DD); omitted means today. */
    asOf: z.iso.date().optional(),
  })
  .strict()

export const countriesOps = {
  'countries.list': op<CountryRow[]>()(
    countriesListInput,
    'Every ISO 3166-1 country in the ledger with its name (and, under a rule pack, its groups and tier).',
  ),
}
