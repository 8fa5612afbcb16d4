import { z } from 'zod'
import { op } from '../define'
import type { ChipRow } from '../../domain/chip'
import { chipSpecField, idField, nameField, packIdField } from './fields'

export const chipsCreateInput = z
  .object({
    id: idField.optional(),
    vendor: z.string().trim().max(100).default(''),
    spec: chipSpecField,
    /** Where the figures come from (datasheet, vendor letter). */
    source: z.string().trim().max(500).default(''),
  })
  .strict()
  .refine(
    (v) =>
      v.spec.tpp !== undefined ||
      (v.spec.tops !== undefined && v.spec.bitLength !== undefined) ||
      (v.spec.precisions?.length ?? 0) > 0,
    {
      message: 'give TPP, or dense TOPS with a bit length, or throughput per precision',
      path: ['spec', 'tpp'],
    },
  )

export const chipsOps = {
  'chips.list': op<ChipRow[]>()(
    z.object({ quick: nameField.optional(), packId: packIdField.optional() }).strict(),
    "The shipped chip catalogue and the desk's own chips, each with TPP, performance density, ECCN and H100e.",
  ),
  'chips.create': op<ChipRow>()(chipsCreateInput, "Adds a chip to the desk's catalogue; audited.", {
    mutates: true,
  }),
}
