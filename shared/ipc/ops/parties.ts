import { z } from 'zod'
import { op } from '../define'
import type { InstalledBaseRow, PartyRow } from '../../domain/party'
import { idField, iso2Field, nameField, textField } from './fields'
import { VEU_KINDS } from '../../rules/types'

export const partiesUpsertInput = z
  .object({
    /** Omitted: a new party; given: a new version of that party. */
    id: z.number().int().positive().optional(),
    name: nameField,
    kind: z.enum(['consignee', 'end_user', 'parent', 'other']).default('consignee'),
    hq: iso2Field.nullable().optional(),
    parentHq: iso2Field.nullable().optional(),
    parentName: nameField.nullable().optional(),
    veu: z
      .object({
        kind: z.enum(VEU_KINDS),
        id: idField,
        hq: iso2Field,
        countries: z.array(iso2Field).max(250).default([]),
      })
      .strict()
      .nullable()
      .optional(),
    notes: textField.optional(),
  })
  .strict()

export const partiesOps = {
  'parties.list': op<PartyRow[]>()(
    z.object({ quick: z.string().trim().max(200).optional(), sample: z.boolean().optional() }).strict(),
    'Consignees, end users and parents with headquarters and validated-end-user status.',
  ),
  'parties.upsert': op<PartyRow>()(
    partiesUpsertInput,
    'Creates a party or saves a new version of one; audited.',
    { mutates: true },
  ),
  'parties.installedBase': op<InstalledBaseRow[]>()(
    z.object({ veu: idField.optional() }).strict(),
    'Installed base (TPP) per validated end user and country.',
  ),
  'parties.recordInstalledBase': op<InstalledBaseRow>()(
    z
      .object({ veu: idField, country: iso2Field, tpp: z.number().int(), note: textField.optional() })
      .strict(),
    'Appends an installed-base entry (a correction is a negative entry); audited.',
    { mutates: true },
  ),
}
