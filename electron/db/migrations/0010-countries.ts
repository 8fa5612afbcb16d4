import { countryList } from '../../../shared/countries'
import type { Migration } from './types'

/** Reference table of ISO 3166-1 countries; tiers and groups live in rule packs, not here. */
export const m0010Countries: Migration = {
  version: 10,
  name: 'countries',
  up(db) {
    db.exec(`
      CREATE TABLE country (
        iso2 TEXT PRIMARY KEY CHECK (length(iso2) = 2 AND iso2 = upper(iso2)),
        name TEXT NOT NULL
      ) STRICT;
    `)
    const insert = db.prepare('INSERT INTO country (iso2, name) VALUES (?, ?)')
    for (const c of countryList()) insert.run(c.iso2, c.name)
  },
}
