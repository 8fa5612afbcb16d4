import type { ScenarioEdit } from '../../../../shared/scenarios/edits'
import { isLimitTpp, limitRule } from '../../../../shared/scenarios/limit-figure'
import { ungroupThousands } from '../../../../shared/grouped-number'

/** The edit kinds the form offers, with the words a desk officer would use. */
export const EDIT_KINDS: Array<{ kind: ScenarioEdit['kind']; label: string }> = [
  { kind: 'lpp_limit', label: 'Change the LPP annual limit' },
  // One limit for every capped country: the diffusion framework sets one allocation for all of tier 2
  // (a single country's is raised by a government-to-government arrangement, the next kind).
  { kind: 'allocation_limit', label: 'Change the country allocation (every tier-2 country)' },
  {
    kind: 'government_arrangement',
    label: 'Government-to-government arrangement (raises a country’s allocation)',
  },
  { kind: 'move_tier', label: 'Move a country to another tier' },
  { kind: 'group_change', label: 'Add or remove a country from an EAR group' },
]

/** One row of the edit form; every field a string so inputs stay controlled. */
export interface EditDraft {
  key: number
  kind: ScenarioEdit['kind']
  country: string
  tier: string
  tpp: string
  date: string
  group: string
  change: 'add' | 'remove'
}

export function blankEdit(key: number, date: string): EditDraft {
  return { key, kind: 'lpp_limit', country: '', tier: '1', tpp: '', date, group: 'D:5', change: 'remove' }
}

/**
 * A typed TPP as a number: digits, optionally grouped in thousands with commas, spaces or underscores
 * ("400,000,000"); anything else (a sign, a decimal point, "1e6", letters, a comma out of place as in
 * "1,5") is NaN.
 */
export function typedTpp(typed: string): number {
  const digits = ungroupThousands(typed)
  return digits !== null && /^\d+$/.test(digits) ? Number(digits) : NaN
}

/**
 * What is wrong with a row's figures, in the desk's words naming the edit and the field, or null.
 * Checked before sending, so the officer never sees the operation's own wording.
 */
export function draftProblem(d: EditDraft, index: number): string | null {
  if (d.kind !== 'lpp_limit' && d.kind !== 'allocation_limit') return null
  return isLimitTpp(typedTpp(d.tpp)) ? null : `Edit ${index + 1} — ${limitRule(d.kind)}.`
}

/** Turns a form row into the operation's edit; the core validates it again and names bad fields. */
export function toEdit(d: EditDraft): ScenarioEdit {
  const country = d.country.trim().toUpperCase()
  const tpp = typedTpp(d.tpp)
  switch (d.kind) {
    case 'lpp_limit':
      return { kind: 'lpp_limit', tpp }
    case 'allocation_limit':
      return { kind: 'allocation_limit', tpp }
    case 'government_arrangement':
      return { kind: 'government_arrangement', country, from: d.date }
    case 'move_tier':
      return { kind: 'move_tier', country, tier: Number(d.tier) as 1 | 2 | 3 }
    case 'group_change':
      return { kind: 'group_change', country, group: d.group as never, change: d.change, date: d.date }
  }
}
