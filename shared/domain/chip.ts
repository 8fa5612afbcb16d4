import type { ChipSpec, ClassifiedChip } from '../rules/types'

export interface ChipRow {
  id: string
  name: string
  vendor: string
  /** `catalogue`: shipped with Headroom (with sources); `desk`: added by the desk. */
  origin: 'catalogue' | 'desk'
  aliases: string[]
  spec: ChipSpec
  /** Under the pack in force today (thresholds do not change between the shipped packs). */
  classification: ClassifiedChip
  source: string
  note: string | null
}
