import type { Iso2 } from '../rules/types'

export type PartyKind = 'consignee' | 'end_user' | 'parent' | 'other'

export interface PartyVeu {
  kind: 'UVEU' | 'NVEU'
  /** The VEU id used in bucket names (`nveu:<id>:IN:2025-Q3`). */
  id: string
  hq: Iso2
  /** Countries where an NVEU is authorised; UVEU: empty. */
  countries: Iso2[]
}

export interface PartyRow {
  id: number
  name: string
  kind: PartyKind
  hq: Iso2 | null
  /** Null: no ultimate parent; undefined: not known. */
  parentHq?: Iso2 | null
  parentName: string | null
  veu: PartyVeu | null
  notes: string
  version: number
  sample: boolean
  updatedAt: string
}

export interface InstalledBaseRow {
  veu: string
  country: Iso2
  /** Sum of the entries recorded for the VEU in the country. */
  tpp: number
}
