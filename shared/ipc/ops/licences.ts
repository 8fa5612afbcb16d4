import { z } from 'zod'
import { op } from '../define'
import type { LicenceDetail, LicenceRow } from '../../domain/licence'
import type { DealLicences } from '../../domain/licence-expiry'
import {
  idField,
  iso2Field,
  isoDateField,
  licenceDatesInOrder,
  reasonField,
  textField,
  tppField,
} from './fields'

export const licencesCreateInput = z
  .object({
    number: idField,
    holder: z.string().trim().max(200).default(''),
    consignee: z.string().trim().max(200).optional(),
    destination: iso2Field.optional(),
    authorizedTpp: tppField,
    authorizedUnits: z.number().int().nonnegative(),
    issuedOn: isoDateField.optional(),
    expiresOn: isoDateField.optional(),
    notes: textField.optional(),
  })
  .strict()
  .refine(licenceDatesInOrder.check, licenceDatesInOrder.params)

export const licencesRecordUsageInput = z
  .object({
    number: idField,
    action: z.enum(['reserve', 'commit', 'release']).default('commit'),
    tpp: tppField,
    units: z.number().int().nonnegative(),
    projectId: idField.optional(),
    reason: reasonField,
  })
  .strict()

export const licencesOps = {
  'licences.list': op<LicenceRow[]>()(
    z.object({ includeExpired: z.boolean().default(true) }).strict(),
    'Licences with authorized, used, reserved and remaining TPP and units, and expiry.',
  ),
  'licences.get': op<LicenceDetail>()(
    z.object({ number: idField }).strict(),
    'One licence with its usage history.',
  ),
  'licences.create': op<LicenceRow>()(licencesCreateInput, 'Records a licence granted by BIS; audited.', {
    mutates: true,
  }),
  'licences.recordUsage': op<LicenceDetail>()(
    licencesRecordUsageInput,
    "Appends a usage entry (reserve, commit or release of TPP and units) to a licence; audited. A commit naming a deal is refused: the deal's licensed step draws its licence.",
    { mutates: true },
  ),
  'licences.forDeal': op<DealLicences>()(
    z
      .object({
        /** The deal. */
        id: idField,
        /** A licence number to read as the deal would draw on it (the one about to be recorded for it). */
        number: idField.optional(),
      })
      .strict(),
    "The licences a deal draws on (its granted licence and those its entries hold or drew on), each with its expiry read on the session's date and on the deal's planned ship date.",
  ),
}
