import { describe, expect, it } from 'vitest'
import type { ProjectDetail } from '../../../shared/domain/project'
import {
  checkLicenceTerms,
  dealDraw,
  NO_TERMS,
  type DealDraw,
  type LicenceTermsForm,
} from '../../../renderer/src/screens/projects/licenceTerms'

const H100_TPP = 15_832
/** Three H100s: what the licensed step draws for the deal below. */
const deal: DealDraw = { tpp: 3 * H100_TPP, units: 3 }
const TODAY = '2025-03-01'

const typed = (terms: Partial<LicenceTermsForm>): LicenceTermsForm => ({ ...NO_TERMS, ...terms })
/** The check of licence L-1's terms as typed, for the deal above, today. */
const checked = (terms: Partial<LicenceTermsForm>, draw: DealDraw = deal) =>
  checkLicenceTerms('L-1', typed(terms), draw, TODAY)

describe('checkLicenceTerms', () => {
  it('cautions, without holding the step, that a licence issued after today authorizes nothing yet', () => {
    const r = checked({ issuedOn: '2025-04-01', expiresOn: '2026-04-01' })
    expect(r.errors).toEqual({})
    expect(r.terms).toEqual({ issuedOn: '2025-04-01', expiresOn: '2026-04-01' })
    expect(r.caution).toBe(
      'Issued on 2025-04-01 is after today, 2025-03-01: a licence not yet issued authorizes no shipment until then. Check the date on the licence.',
    )
    expect(checked({ issuedOn: '2025-03-01' }).caution).toBeNull()
  })

  it('names a date field holding a date typed in part (read as no date by the browser), sending no date for it', () => {
    const r = checkLicenceTerms('L-1', typed({ issuedOn: '2025-01-10' }), deal, TODAY, ['expiresOn'])
    expect(r.errors).toEqual({
      expiresOn: 'Expires on: the date is incomplete or not a real day; complete it or clear the field.',
    })
    expect(r.terms).toEqual({ issuedOn: '2025-01-10' })
  })

  it('sends nothing but the number when no term is typed: the ledger takes the deal’s own figures', () => {
    expect(checkLicenceTerms('L-1', NO_TERMS, deal, TODAY)).toEqual({
      terms: {},
      errors: {},
      refusal: null,
      caution: null,
    })
  })

  it('sends the terms typed, figures above the deal’s own (grouped as the desk writes them) included', () => {
    expect(
      checked({
        issuedOn: '2025-01-10',
        expiresOn: ' 2026-12-31 ',
        authorizedTpp: '1,000,000',
        authorizedUnits: '60',
      }),
    ).toEqual({
      terms: {
        issuedOn: '2025-01-10',
        expiresOn: '2026-12-31',
        authorizedTpp: 1_000_000,
        authorizedUnits: 60,
      },
      errors: {},
      refusal: null,
      caution: null,
    })
  })

  it('takes figures equal to the deal’s own: the ledger draws them in full', () => {
    const check = checked({ authorizedTpp: '47496', authorizedUnits: '3' })
    expect(check).toEqual({
      terms: { authorizedTpp: 47_496, authorizedUnits: 3 },
      errors: {},
      refusal: null,
      caution: null,
    })
  })

  it.each([
    ['authorizedTpp', '12.5', 'Authorized TPP: give a whole number greater than zero, not "12.5".'],
    ['authorizedTpp', '0', 'Authorized TPP: give a whole number greater than zero, not "0".'],
    ['authorizedTpp', '-5', 'Authorized TPP: give a whole number greater than zero, not "-5".'],
    ['authorizedTpp', '1,00,000', 'Authorized TPP: give a whole number greater than zero, not "1,00,000".'],
    ['authorizedTpp', '9'.repeat(20), `Authorized TPP: ${'9'.repeat(20)} is too large to record.`],
    ['authorizedUnits', 'ten', 'Authorized units: give a whole number greater than zero, not "ten".'],
    ['issuedOn', '10/01/2025', 'Issued on: give a date as YYYY-MM-DD, not "10/01/2025".'],
    ['expiresOn', '2026-02-30', 'Expires on: 2026-02-30 is not a real date.'],
  ] as const)('refuses %s "%s", naming the field, and sends none of it', (key, value, message) => {
    const check = checked({ [key]: value })
    expect(check.errors).toEqual({ [key]: message })
    expect(check.terms).toEqual({})
  })

  it('refuses an issue date after the expiry', () => {
    const check = checked({ issuedOn: '2026-01-02', expiresOn: '2026-01-01' })
    expect(check.errors).toEqual({
      issuedOn:
        'Issued on: 2026-01-02 is after the expiry date 2026-01-01; a licence is issued before it expires.',
    })
    // The same day is a licence in force for that day.
    expect(checked({ issuedOn: '2026-01-01', expiresOn: '2026-01-01' }).errors).toEqual({})
  })

  it('refuses figures below the deal’s own, field by field, and quotes the ledger’s refusal once', () => {
    const check = checked({ authorizedTpp: '40,000', authorizedUnits: '2' })
    expect(check.errors).toEqual({
      authorizedTpp: "Authorized TPP: 40,000 is below the deal's own 47,496 TPP.",
      authorizedUnits: "Authorized units: 2 is below the deal's own 3 units.",
    })
    expect(check.refusal).toBe(
      "Recording the licence draws the deal's TPP and units on it at once, and the ledger would refuse: Licence L-1 has 40,000 TPP and 2 units left; 47,496 TPP and 3 units were asked for.",
    )
    // A figure left empty is the deal's own, so the refusal reads the other as the ledger would.
    expect(checked({ authorizedUnits: '2' }).refusal).toContain(
      'Licence L-1 has 47,496 TPP and 2 units left; 47,496 TPP and 3 units were asked for.',
    )
  })

  it('refuses an expiry before the session’s date, which the ledger will not draw on', () => {
    const check = checked({ expiresOn: '2025-02-28' })
    expect(check.errors).toEqual({ expiresOn: 'Expires on: 2025-02-28 is before today, 2025-03-01.' })
    expect(check.refusal).toBe(
      "Recording the licence draws the deal's TPP and units on it at once, and the ledger would refuse: Licence L-1 expired on 2025-02-28; it cannot be drawn on.",
    )
    // Expiring today, the licence is still in force.
    expect(checked({ expiresOn: TODAY }).errors).toEqual({})
  })

  it('holds units to the deal’s own when its TPP is not known, leaving TPP to the ledger', () => {
    const unknown: DealDraw = { tpp: null, units: 3 }
    expect(checked({ authorizedTpp: '1' }, unknown).errors).toEqual({})
    expect(checked({ authorizedUnits: '2' }, unknown).errors).toEqual({
      authorizedUnits: "Authorized units: 2 is below the deal's own 3 units.",
    })
  })
})

describe('dealDraw', () => {
  it('reads what the licensed step draws: the latest stored determination’s whole TPP and the lines’ units', () => {
    const stored = (stage: string, tpp: number | null) => ({ stage, determination: { tpp } })
    const detail = {
      project: {
        lines: [
          { chip: 'H100', quantity: 2 },
          { chip: 'H100', quantity: 1 },
        ],
      },
      determinations: [stored('submit', 1), stored('approve', 3 * H100_TPP + 0.4)],
    } as unknown as ProjectDetail
    expect(dealDraw(detail)).toEqual(deal)
    expect(dealDraw({ ...detail, determinations: [] })).toEqual({ tpp: null, units: 3 })
  })
})
