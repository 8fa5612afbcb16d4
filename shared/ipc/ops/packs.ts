import { z } from 'zod'
import { op } from '../define'
import type { ClassifiedChip, PackStatus, Regime, RulePack, TimelineEntry } from '../../rules/types'

export interface PackSummary {
  id: string
  title: string
  effectiveDate: string
  status: PackStatus
  regime: Regime
  basedOn?: string
  summary: string
  /** True for the desk's own scenarios (copies of a pack with edits), false for built-in packs. */
  scenario: boolean
  /** Whether the pack has tiers (only the diffusion framework does). */
  tiered: boolean
}

export interface PackTimeline {
  entries: TimelineEntry[]
  /** The pack the timeline says governs today, or null when none does. */
  governingToday: string | null
}

export interface ResolvedPack {
  packId: string
  title: string
  /** True when the pack was picked from the timeline (`auto`), false when pinned. */
  auto: boolean
  asOf: string
}

const packId = z.string().min(1).max(100)

/** Accepted by every operation that reads under a pack: a pinned pack id or `auto`, and an as-of date. */
export const packSelection = {
  packId: packId.optional(),
  asOf: z.iso.date().optional(),
}

const chipSpec = z
  .object({
    name: z.string().min(1).max(200),
    tpp: z.number().nonnegative().finite().optional(),
    tops: z.number().nonnegative().finite().optional(),
    bitLength: z.number().int().positive().max(128).optional(),
    dieArea: z.number().positive().finite().optional(),
    dramBandwidth: z.number().nonnegative().finite().optional(),
    datacenter: z.boolean().optional(),
  })
  .strict()

export const packsOps = {
  'packs.list': op<PackSummary[]>()(
    z.object({}).strict(),
    'Built-in rule packs and the desk’s scenarios, with status and effective dates.',
  ),
  'packs.get': op<RulePack>()(
    z.object({ id: packId }).strict(),
    'One rule pack’s full contents, every number with its citation and confidence.',
  ),
  'packs.timeline': op<PackTimeline>()(
    z.object({}).strict(),
    'Which pack governs which period (the `auto` choice).',
  ),
  'packs.resolve': op<ResolvedPack>()(
    z.object(packSelection).strict(),
    'The pack a selection resolves to: the pinned pack, or the one the timeline says governs the as-of date.',
  ),
  'rules.classify': op<ClassifiedChip>()(
    z.object({ chip: z.union([z.string().min(1).max(200), chipSpec]), packId: packId.optional() }).strict(),
    'Classifies a catalogue chip (by id or name) or a custom spec: TPP, performance density, 3A090 paragraph, H100-equivalents.',
  ),
}
