import { formatWhole } from '../format-whole'
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

/** TPP and units, as a licence authorizes, has left or is asked for. */
export interface LicenceFigures {
  tpp: number
  units: number
}

/**
 * The ledger's refusal of a draw beyond what a licence has left (electron/db/licences.ts). Kept here so
 * the Record licence dialog, warning before it sends a new licence's terms below the deal's own, quotes
 * the ledger's own words rather than a paraphrase that could drift from them.
 */
export function licenceShortfallWords(number: string, left: LicenceFigures, asked: LicenceFigures): string {
  return `Licence ${number} has ${formatWhole(left.tpp)} TPP and ${formatWhole(left.units)} units left; ${formatWhole(asked.tpp)} TPP and ${formatWhole(asked.units)} units were asked for.`
}

/** The ledger's refusal of a draw on an expired licence, quoted by the dialog as the shortfall is. */
export function licenceExpiredWords(number: string, expiresOn: string): string {
  return `Licence ${number} expired on ${expiresOn}; it cannot be drawn on.`
}
