import { z } from 'zod'
import { op } from '../define'
import type { CompareResult, ScenarioRecord } from '../../domain/scenario'
import { COUNTRY_GROUPS, type CountryGroup } from '../../rules/types'
import { LIMIT_TPP_MAX, limitRule, type LimitKind } from '../../scenarios/limit-figure'
import { idField, iso2Field, isoDateField, packIdField } from './fields'

/**
 * A scenario's new limit, refused in the form's words naming the field: not a number ("abc" arrives
 * as null), not whole, below 1 or above LIMIT_TPP_MAX all get the one message.
 */
const limitTppField = (kind: LimitKind) => {
  const error = limitRule(kind)
  return z.number({ error }).int({ error, abort: true }).min(1, { error }).max(LIMIT_TPP_MAX, { error })
}

const edit = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('move_tier'),
      country: iso2Field,
      tier: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    })
    .strict(),
  z.object({ kind: z.literal('lpp_limit'), tpp: limitTppField('lpp_limit') }).strict(),
  z.object({ kind: z.literal('allocation_limit'), tpp: limitTppField('allocation_limit') }).strict(),
  z.object({ kind: z.literal('government_arrangement'), country: iso2Field, from: isoDateField }).strict(),
  z
    .object({
      kind: z.literal('group_change'),
      country: iso2Field,
      group: z.enum(COUNTRY_GROUPS as [CountryGroup, ...CountryGroup[]]),
      change: z.enum(['add', 'remove']),
      date: isoDateField,
    })
    .strict(),
])

/** A scenario's title: what the pack lists, the Compare pickers and the reports show. */
const titleField = z.string().trim().min(1, { message: 'required' }).max(120)

export const scenariosOps = {
  'scenarios.list': op<ScenarioRecord[]>()(
    z.object({}).strict(),
    'The desk’s what-if scenarios with the edits they were made from.',
  ),
  'scenarios.create': op<{ id: string; title: string }>()(
    z
      .object({
        basedOn: packIdField,
        title: titleField,
        edits: z.array(edit).min(1, { message: 'at least one edit' }).max(100),
      })
      .strict(),
    'Makes a scenario: a copy of a pack with edits (tiers, LPP limit, allocation, arrangements, group changes); validated like any pack; a title another scenario or pack has (trimmed, any case) is refused; audited.',
    { mutates: true },
  ),
  'scenarios.rename': op<{ id: string; title: string }>()(
    z.object({ id: idField, title: titleField }).strict(),
    'Gives a scenario a new title, refused like create’s when another scenario or pack has it; the id, edits and rules stay; audited.',
    { mutates: true },
  ),
  'scenarios.delete': op<{ id: string }>()(
    z.object({ id: idField }).strict(),
    'Deletes a scenario (audited).',
    {
      mutates: true,
    },
  ),
  'packs.compare': op<CompareResult>()(
    z
      .object({
        left: packIdField,
        right: packIdField,
        includeClosed: z.boolean().default(false),
        /**
         * Most rows to return, the changed deals first (counts and `total` still cover the whole
         * book); omitted, every deal in date order.
         */
        limit: z.number().int().positive().max(1_000_000).optional(),
      })
      .strict(),
    'Evaluates the ledger’s deal book under two packs or scenarios and lists, deal by deal, where the determinations differ (with `limit`, at most that many rows, changed deals first).',
  ),
}
