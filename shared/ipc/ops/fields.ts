import { z } from 'zod'
import { isIso2 } from '../../countries'
import { isIsoDate, isIsoDateShape } from '../../iso-date'
import {
  MAX_CERTIFICATIONS,
  MAX_DEAL_LINES,
  MAX_ID_LENGTH,
  MAX_LINE_UNITS,
  MAX_NAME_LENGTH,
  REQUESTED_AUTHORIZATIONS,
  TRANSACTION_KINDS,
  VEU_KINDS,
} from '../../rules/types'

/**
 * Field schemas shared by several operation files (and by the ledger's import, which validates a
 * book's deals with the same rules as the editor). Messages name what is wrong in the desk's words.
 */
export const iso2Field = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine(isIso2, { message: 'not an ISO 3166-1 alpha-2 country code' })
/**
 * A real day as `YYYY-MM-DD` (shared/iso-date.ts: the rule the deal book and the engine apply too). A
 * value of that form that names no day is told so, in the deal book's words ("2026-02-30 is not a real
 * date"), not asked for the form it already has.
 */
export const isoDateField = z.string({ message: 'a date as YYYY-MM-DD' }).refine(isIsoDate, {
  error: (issue) =>
    isIsoDateShape(issue.input) ? `${String(issue.input)} is not a real date` : 'a date as YYYY-MM-DD',
})
/**
 * A licence's dates in order: it cannot expire before it was issued. Named on `expiresOn`, the date
 * an officer checks against the licence document. Either date may be absent.
 */
export const licenceDatesInOrder = {
  check: (l: { issuedOn?: string | undefined; expiresOn?: string | undefined }): boolean =>
    !(l.issuedOn && l.expiresOn && l.expiresOn < l.issuedOn),
  params: { path: ['expiresOn'], message: 'is before the licence’s issue date (issuedOn)' },
}
export const nameField = z.string().trim().min(1, { message: 'required' }).max(MAX_NAME_LENGTH)
export const textField = z.string().max(4000)
export const idField = z.string().trim().min(1).max(MAX_ID_LENGTH)
export const packIdField = z.string().min(1).max(100)
export const reasonField = z.string().trim().min(1, { message: 'a reason is required' }).max(2000)
/** Whole TPP: the ledger keeps TPP as integers so totals are exact. */
export const tppField = z.number().int({ message: 'a whole number of TPP' }).nonnegative()
export const pagingShape = {
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(1000).default(100),
}

export const requestedAuthorizationField = z.enum(REQUESTED_AUTHORIZATIONS)
export const veuRefField = z.object({ id: idField, kind: z.enum(VEU_KINDS), hq: iso2Field }).strict()

const positive = z.number().finite().positive()
export const chipSpecField = z
  .object({
    id: idField.optional(),
    name: nameField,
    tpp: positive.optional(),
    tops: positive.optional(),
    bitLength: z.number().int().positive().optional(),
    precisions: z
      .array(
        z
          .object({
            tops: positive,
            bitLength: z.number().int().positive(),
            label: z.string().max(40).optional(),
          })
          .strict(),
      )
      .max(20)
      .optional(),
    dieArea: positive.optional(),
    dramBandwidth: positive.optional(),
    datacenter: z.boolean().optional(),
  })
  .strict()

export const projectLineField = z
  .object({
    chip: z.union([idField, chipSpecField]),
    quantity: z
      .number()
      .int({ message: 'a whole number of units' })
      .positive({ message: 'at least 1 unit' })
      .max(MAX_LINE_UNITS),
  })
  .strict()

/** The editable fields of a deal (`ProjectFields`). */
export const projectFieldsShape = {
  name: nameField,
  consignee: nameField,
  consigneeHq: iso2Field.optional(),
  parentHq: iso2Field.nullable().optional(),
  endUser: nameField.optional(),
  destination: iso2Field.optional(),
  site: z.string().trim().max(MAX_NAME_LENGTH).optional(),
  plannedDate: isoDateField,
  authorization: requestedAuthorizationField.optional(),
  veu: veuRefField.optional(),
  datacenter: z.boolean().optional(),
  certifications: z.array(z.string().min(1).max(MAX_ID_LENGTH)).max(MAX_CERTIFICATIONS).optional(),
  transaction: z.enum(TRANSACTION_KINDS).optional(),
  notes: textField.optional(),
  lines: z.array(projectLineField).min(1, { message: 'a deal needs at least one line' }).max(MAX_DEAL_LINES),
}
export const projectFieldsSchema = z.object(projectFieldsShape).strict()
