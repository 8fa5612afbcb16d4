/** ISO 3166-1 alpha-2 code, upper case. */
export type Iso2 = string

export interface CountryRow {
  iso2: Iso2
  name: string
  /** EAR country groups (A:5, A:6, D:1, …) under the selected pack on the selected date; empty when none. */
  groups: string[]
  /** Tier under packs that have tiers; null where the pack has none. */
  tier: 1 | 2 | 3 | null
}
