import type { Iso2, IsoDate } from '../rules/types'
import type { CapacityEntryRow } from './headroom'

/** The depletion model of the trade-compliance suites, in TPP and in units. */
export interface LicenceRow {
  number: string
  holder: string
  consignee: string | null
  destination: Iso2 | null
  authorizedTpp: number
  authorizedUnits: number
  usedTpp: number
  usedUnits: number
  reservedTpp: number
  reservedUnits: number
  remainingTpp: number
  remainingUnits: number
  issuedOn: IsoDate | null
  expiresOn: IsoDate | null
  /** Past its expiry date on the session clock. */
  expired: boolean
  notes: string
  projects: string[]
}

export interface LicenceDetail {
  licence: LicenceRow
  usage: CapacityEntryRow[]
}
