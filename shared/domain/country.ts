/** ISO 3166-1 alpha-2 code, upper case. */
export type Iso2 = string

export interface CountryRow {
  iso2: Iso2
  name: string
  /** EAR country groups (A:5, A:6, D:1, …) under the selected pack on the selected date; empty when none. */
  groups: string[]
  /** Tier under packs that have tiers; null where the pack has none. */
  tier: 1 | 2 | 3 | null
  /** Country allocation (TPP) under the pack, or null where the pack sets none for the country. */
  allocation?: number | null
  /** TPP committed against the country bucket (licensed or shipped). */
  licensed?: number
  /** TPP reserved by deals in review or approved. */
  reserved?: number
  /** allocation − licensed − reserved, or null without an allocation. */
  remaining?: number | null
  /** (licensed + reserved) / allocation × 100, or null without an allocation. */
  pctUsed?: number | null
}
