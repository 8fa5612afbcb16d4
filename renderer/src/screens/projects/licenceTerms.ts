import { licenceExpiredWords, licenceShortfallWords } from '../../../../shared/domain/licence'
import { unitsOf, type ProjectDetail } from '../../../../shared/domain/project'
import { formatWhole } from '../../../../shared/format-whole'
import { isIsoDate, isIsoDateShape } from '../../../../shared/iso-date'

/** The terms of a licence not yet in the ledger, as typed at Record licence ('' where not given). */
export interface LicenceTermsForm {
  issuedOn: string
  expiresOn: string
  authorizedTpp: string
  authorizedUnits: string
}

export const NO_TERMS: LicenceTermsForm = {
  issuedOn: '',
  expiresOn: '',
  authorizedTpp: '',
  authorizedUnits: '',
}

/** The terms typed in date fields. */
const DATE_TERMS = ['issuedOn', 'expiresOn'] as const
export type DateTerm = (typeof DATE_TERMS)[number]
export const isDateTerm = (k: keyof LicenceTermsForm): k is DateTerm => k === 'issuedOn' || k === 'expiresOn'

/** The dialog's label of each term: its messages name the field by it. */
export const TERM_LABEL: Record<keyof LicenceTermsForm, string> = {
  issuedOn: 'Issued on',
  expiresOn: 'Expires on',
  authorizedTpp: 'Authorized TPP',
  authorizedUnits: 'Authorized units',
}

/** The terms Record licence sends with a new licence's number: only those given. */
export interface LicenceTerms {
  issuedOn?: string
  expiresOn?: string
  authorizedTpp?: number
  authorizedUnits?: number
}

/**
 * What the licensed step draws on the deal's licence: its whole TPP (null: no determination stored
 * says) and its units. The ledger draws what it determines at the step itself; this is the latest
 * determination it stored (at approval), which the dialog reads to say in advance what it will refuse.
 */
export interface DealDraw {
  tpp: number | null
  units: number
}

export function dealDraw(detail: ProjectDetail): DealDraw {
  const tpp = detail.determinations.at(-1)?.determination.tpp
  return {
    // Whole TPP as the ledger keeps it (its roundTpp rounds half away from zero; TPP is never negative).
    tpp: tpp == null ? null : Math.round(tpp),
    units: unitsOf(detail.project.lines),
  }
}

export interface LicenceTermsCheck {
  /** What to send: the terms given and valid. Sent only when `errors` is empty. */
  terms: LicenceTerms
  /** Per field, what is wrong, in words that name the field. */
  errors: Partial<Record<keyof LicenceTermsForm, string>>
  /**
   * The ledger's own refusal, in its words, of the draw the licensed step would make on the licence
   * as given (its figures below the deal's, or its expiry past); null when it would not refuse.
   */
  refusal: string | null
  /**
   * What the ledger accepts but an officer should look at again, without holding the step: an issue
   * date after today (a licence not yet issued authorizes no shipment today).
   */
  caution: string | null
}

/** Thousands grouped as the desk writes them (10,000,000) or plain digits. */
const WHOLE = /^(\d+|\d{1,3}(,\d{3})+)$/

/**
 * Checks the terms typed for a licence not yet in the ledger before anything is sent. The ledger
 * stays the authority (it refuses what it refuses, in its words, whatever this says); this says the
 * same in advance, field by field:
 * - dates as `YYYY-MM-DD` naming a real day, the issue date not after the expiry;
 * - authorized TPP and units as whole numbers above zero, and not below the deal's own: the licensed
 *   step records the licence and draws the deal's TPP and units on it at once, and the ledger
 *   refuses a draw beyond what the licence has left;
 * - the expiry not before the session's date (`today`, the ledger's): the ledger refuses a draw on an
 *   expired licence.
 */
export function checkLicenceTerms(
  number: string,
  form: LicenceTermsForm,
  deal: DealDraw,
  today: string | null,
  /**
   * Date fields holding a date typed in part, or not a real day: a browser's date field gives those
   * as '' (no date), which would otherwise record the licence without that date, unsaid.
   */
  incomplete: readonly DateTerm[] = [],
): LicenceTermsCheck {
  const terms: LicenceTerms = {}
  const errors: LicenceTermsCheck['errors'] = {}
  const refusals: string[] = []

  for (const key of DATE_TERMS) {
    const raw = form[key].trim()
    if (!raw && incomplete.includes(key)) {
      errors[key] =
        `${TERM_LABEL[key]}: the date is incomplete or not a real day; complete it or clear the field.`
      continue
    }
    if (!raw) continue
    if (isIsoDate(raw)) terms[key] = raw
    else
      errors[key] = isIsoDateShape(raw)
        ? `${TERM_LABEL[key]}: ${raw} is not a real date.`
        : `${TERM_LABEL[key]}: give a date as YYYY-MM-DD, not "${raw}".`
  }
  if (terms.issuedOn && terms.expiresOn && terms.issuedOn > terms.expiresOn)
    errors.issuedOn = `${TERM_LABEL.issuedOn}: ${terms.issuedOn} is after the expiry date ${terms.expiresOn}; a licence is issued before it expires.`
  if (terms.expiresOn && today && terms.expiresOn < today) {
    errors.expiresOn = `${TERM_LABEL.expiresOn}: ${terms.expiresOn} is before today, ${today}.`
    refusals.push(licenceExpiredWords(number, terms.expiresOn))
  }

  const figures = [
    ['authorizedTpp', deal.tpp, 'TPP'],
    ['authorizedUnits', deal.units, 'units'],
  ] as const
  for (const [key, own, unit] of figures) {
    const raw = form[key].trim()
    if (!raw) continue
    const n = WHOLE.test(raw) ? Number(raw.replaceAll(',', '')) : NaN
    if (!(n > 0)) errors[key] = `${TERM_LABEL[key]}: give a whole number greater than zero, not "${raw}".`
    else if (!Number.isSafeInteger(n)) errors[key] = `${TERM_LABEL[key]}: ${raw} is too large to record.`
    else {
      terms[key] = n
      if (own !== null && n < own)
        errors[key] =
          `${TERM_LABEL[key]}: ${formatWhole(n)} is below the deal's own ${formatWhole(own)} ${unit}.`
    }
  }
  // Left empty, a figure is the deal's own (the ledger's default), so only a figure given falls short.
  if (
    deal.tpp !== null &&
    ((terms.authorizedTpp ?? deal.tpp) < deal.tpp || (terms.authorizedUnits ?? deal.units) < deal.units)
  )
    refusals.push(
      licenceShortfallWords(
        number,
        { tpp: terms.authorizedTpp ?? deal.tpp, units: terms.authorizedUnits ?? deal.units },
        { tpp: deal.tpp, units: deal.units },
      ),
    )

  return {
    terms,
    errors,
    caution:
      terms.issuedOn && today && terms.issuedOn > today && !errors.issuedOn
        ? `Issued on ${terms.issuedOn} is after today, ${today}: a licence not yet issued authorizes no shipment until then. Check the date on the licence.`
        : null,
    refusal: refusals.length
      ? `Recording the licence draws the deal's TPP and units on it at once, and the ledger would refuse: ${refusals.join(' ')}`
      : null,
  }
}
