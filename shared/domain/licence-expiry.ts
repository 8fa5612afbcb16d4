import type { IsoDate } from '../rules/types'
import type { LicenceRow } from './licence'

/**
 * Where a licence stands on its expiry for a deal, read on two dates: the session's (the ledger refuses
 * a draw on, or a shipment under, a licence expired by then) and the deal's planned ship date (a
 * licence in force today but expired by then cannot carry the shipment as planned). Expiry dates are
 * inclusive: a licence expiring on 2025-03-31 may still be shipped under that day.
 *
 * - `expired`: past its expiry on the session's date;
 * - `expires_before_ship`: in force today, but past its expiry on the planned ship date;
 * - `in_force`: in force on both dates;
 * - `no_expiry`: the licence records no expiry date;
 * - `not_recorded`: the ledger has no licence under the number (an import may name one it never
 *   recorded), so nothing is known of its expiry.
 */
export type LicenceExpiry = 'expired' | 'expires_before_ship' | 'in_force' | 'no_expiry' | 'not_recorded'

export function licenceExpiry(
  expiresOn: IsoDate | null,
  sessionDate: IsoDate,
  plannedDate: IsoDate,
): Exclude<LicenceExpiry, 'not_recorded'> {
  if (expiresOn === null) return 'no_expiry'
  if (expiresOn < sessionDate) return 'expired'
  return expiresOn < plannedDate ? 'expires_before_ship' : 'in_force'
}

/** One licence a deal draws on, or is about to (the number typed at Record licence). */
export interface DealLicence {
  number: string
  /** The licence as the ledger records it (its `expired` read on the session's date); null: not recorded. */
  licence: LicenceRow | null
  /** The licence the deal records as granted (its Record licence step, or an import). */
  granted: boolean
  /** What the deal's own entries hold on the licence (reserve less release) and drew (commit). */
  reservedTpp: number
  reservedUnits: number
  committedTpp: number
  committedUnits: number
  expiry: LicenceExpiry
}

/** The licences a deal draws on, with the two dates their expiry is read against (`licences.forDeal`). */
export interface DealLicences {
  dealId: string
  /** The session's date: a licence past its expiry on it cannot be drawn on or shipped under. */
  sessionDate: IsoDate
  /** The deal's planned ship date (its `date`). */
  plannedDate: IsoDate
  /**
   * Whether the deal has yet to ship (not shipped, closed, rejected or cancelled): only then does a
   * licence's expiry stand in its way, and only then is it warned of.
   */
  toShip: boolean
  /** Its granted licence first, then the licences it holds or drew on by entry, by number. */
  licences: DealLicence[]
  /**
   * The licence asked about as `number` (the one the officer is about to record for the deal), as
   * the deal would draw on it; absent when no number was asked about.
   */
  candidate?: DealLicence
}

/** A licence's expiry for a deal in words, and whether it is a warning (something stands in the way). */
export interface ExpiryInWords {
  text: string
  warn: boolean
}

/**
 * What the deal panel says of a licence's expiry: the date, and, while the deal has yet to ship, a
 * warning when the licence has expired (the ledger will refuse drawing on it and shipping under it) or
 * will have by the planned ship date.
 */
export function expiryInWords(
  l: DealLicence,
  at: Pick<DealLicences, 'sessionDate' | 'plannedDate' | 'toShip'>,
): ExpiryInWords {
  const name = `Licence ${l.number}`
  const expiresOn = l.licence?.expiresOn ?? null
  switch (l.expiry) {
    case 'not_recorded':
      return {
        text: `${name} is not recorded in the ledger, so its expiry is not known.`,
        warn: at.toShip,
      }
    case 'no_expiry':
      return { text: `${name} records no expiry date.`, warn: false }
    case 'expired':
      return at.toShip
        ? {
            // What the desk can still do: a licensed deal's lifecycle goes on only to shipped or closed,
            // so its way out is closing unshipped; a deal holding a licence not yet its own records another.
            text: `${name} expired on ${expiresOn} (today is ${at.sessionDate}): it can no longer be drawn on, and the deal cannot ship under it. ${
              l.granted ? 'The deal may be closed unshipped.' : 'Record a licence in force for the deal.'
            }`,
            warn: true,
          }
        : { text: `${name} expired on ${expiresOn}.`, warn: false }
    case 'expires_before_ship':
      return at.toShip
        ? {
            text: `${name} expires on ${expiresOn}, before the deal's planned ship date ${at.plannedDate}: shipping on that date needs a licence in force. Ship by ${expiresOn}, or have the licence renewed.`,
            warn: true,
          }
        : { text: `${name} expires on ${expiresOn}.`, warn: false }
    case 'in_force':
      return at.toShip
        ? {
            text: `${name} is in force until ${expiresOn}, past the planned ship date ${at.plannedDate}.`,
            warn: false,
          }
        : { text: `${name} expires on ${expiresOn}.`, warn: false }
  }
}

/**
 * Why Mark shipped is unavailable for a deal's licence, in the deal panel's words, or null: its granted
 * licence expired before the session's date. The ledger refuses the step itself (`projects.transition`);
 * this lets the panel disable the button and say why, as it does for a licence not yet recorded.
 */
export function expiredLicenceRefusal(licences: DealLicences | null | undefined): string | null {
  const granted = grantedLicence(licences)
  return granted && granted.expiry === 'expired' ? expiryInWords(granted, licences!).text : null
}

/**
 * The ledger's refusal to mark a deal shipped before its licence's issue date (`projects.transition`),
 * in the words the deal panel shows beside a disabled Mark shipped: a licence not yet issued is not in
 * force, as an expired one is not.
 */
export const notIssuedShipWords = (dealId: string, number: string, issuedOn: string, today: string): string =>
  `Deal ${dealId} cannot be marked shipped: its licence ${number} is issued on ${issuedOn}, and a shipment on ${today} needs a licence in force. Mark it shipped on or after ${issuedOn}.`

/**
 * Why Mark shipped is unavailable because the deal's granted licence is not issued yet on the session's
 * date, or null. The ledger refuses the step itself; this lets the panel disable the button and say why.
 */
export function notIssuedLicenceRefusal(licences: DealLicences | null | undefined): string | null {
  const granted = grantedLicence(licences)
  const issuedOn = granted?.licence?.issuedOn
  return granted && issuedOn && licences!.sessionDate < issuedOn
    ? notIssuedShipWords(licences!.dealId, granted.number, issuedOn, licences!.sessionDate)
    : null
}

/**
 * Why Mark shipped is held for the deal's licence not being in force on the session's date, in the
 * order the ledger checks it (`checkLicenceCurrent`: not issued yet, then expired), or null.
 */
export const licenceNotInForceRefusal = (licences: DealLicences | null | undefined): string | null =>
  notIssuedLicenceRefusal(licences) ?? expiredLicenceRefusal(licences)

/** The licence the deal records as granted, first in its list (`licences.forDeal`), if any. */
const grantedLicence = (licences: DealLicences | null | undefined): DealLicence | undefined =>
  licences?.licences.find((l) => l.granted)
