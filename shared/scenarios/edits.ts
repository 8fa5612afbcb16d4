import { validatePack } from '../rules/schema'
import type {
  Citation,
  CountryGroup,
  Iso2,
  IsoDate,
  PackIssue,
  PackValidation,
  RulePack,
} from '../rules/types'

/**
 * A what-if: a user's copy of a rule pack with a few edits (move a country between tiers, change the
 * LPP limit or a country allocation, add a government-to-government arrangement, a dated group
 * change). The result is an ordinary pack with status `scenario`, validated by the same schema as the
 * built-in packs. Every edited value cites the scenario, not a regulation, with confidence
 * `unconfirmed`: a determination that relies on it says so.
 */
export type ScenarioEdit =
  | { kind: 'move_tier'; country: Iso2; tier: 1 | 2 | 3 }
  | { kind: 'lpp_limit'; tpp: number }
  | { kind: 'allocation_limit'; tpp: number }
  | { kind: 'government_arrangement'; country: Iso2; from: IsoDate }
  | { kind: 'group_change'; country: Iso2; group: CountryGroup; change: 'add' | 'remove'; date: IsoDate }

export interface ScenarioMeta {
  id: string
  title: string
  author: string
  /** ISO date the scenario was made; part of every edited value's citation. */
  date: IsoDate
}

const describe = (e: ScenarioEdit): string => {
  switch (e.kind) {
    case 'move_tier':
      return `${e.country} moved to tier ${e.tier}`
    case 'lpp_limit':
      return `LPP limit set to ${e.tpp.toLocaleString('en-US')} TPP`
    case 'allocation_limit':
      return `country allocation set to ${e.tpp.toLocaleString('en-US')} TPP`
    case 'government_arrangement':
      return `government-to-government arrangement for ${e.country} from ${e.from}`
    case 'group_change':
      return `${e.country} ${e.change === 'add' ? 'added to' : 'removed from'} ${e.group} from ${e.date}`
  }
}

export function describeEdit(e: ScenarioEdit): string {
  return describe(e)
}

function scenarioCitation(meta: ScenarioMeta, e: ScenarioEdit): Citation {
  return {
    citation: `Scenario "${meta.title}" (${meta.id}) by ${meta.author} on ${meta.date}: ${describe(e)}`,
    confidence: 'unconfirmed',
    note: 'Hypothetical value from a what-if scenario, not from a regulation.',
  }
}

/** A country set of a pack: groups and named countries, as its rules write them. */
interface CountrySetNode {
  groups: string[]
  countries: string[]
}

const isCountrySet = (o: unknown): o is CountrySetNode =>
  typeof o === 'object' &&
  o !== null &&
  Array.isArray((o as CountrySetNode).groups) &&
  Array.isArray((o as CountrySetNode).countries)

/**
 * Every country set in the pack's rules (not its tiers) that holds all of tier 3's groups and
 * countries: the rules that apply to every tier-3 destination or headquarters.
 */
function setsCovering(pack: RulePack, tier3: { groups: readonly string[]; countries: readonly string[] }) {
  const found: CountrySetNode[] = []
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return
    if (isCountrySet(node)) {
      const covers =
        tier3.groups.every((g) => node.groups.includes(g)) &&
        tier3.countries.every((c) => node.countries.includes(c))
      if (covers) found.push(node)
    }
    for (const value of Object.values(node)) walk(value)
  }
  walk(pack.licensing)
  walk(pack.exceptions)
  walk(pack.reviewPolicies)
  return found
}

/** Applies the edits to a deep copy of `base`; the base pack is never changed. */
export function applyScenarioEdits(
  base: RulePack,
  edits: readonly ScenarioEdit[],
  meta: ScenarioMeta,
): PackValidation {
  const pack = structuredClone(base) as RulePack
  const issues: PackIssue[] = []
  pack.id = meta.id
  pack.title = meta.title
  pack.status = 'scenario'
  pack.basedOn = base.id
  pack.summary = `What-if based on ${base.id}: ${edits.map(describe).join('; ') || 'no edits'}.`

  edits.forEach((edit, index) => {
    const at = `edits.${index}`
    const cite = scenarioCitation(meta, edit)
    switch (edit.kind) {
      case 'move_tier': {
        const tiers = pack.countries.tiers
        if (!tiers) {
          issues.push({
            path: `${at}.tier`,
            message: `${base.id} has no tiers; tiers exist only under the diffusion framework`,
          })
          return
        }
        const inTier3ByGroup = tiers.tier3.groups.some((g) =>
          pack.countries.groups[g]?.value.includes(edit.country),
        )
        const wasTier3 = tiers.tier3.countries.includes(edit.country)
        // The sets of the pack's rules that cover all of tier 3 ("D:5 and Macau": the headquarters
        // rule, the review policy for destinations of concern, the LPP, NAC, ACA and VEU exclusions),
        // read before the tiers change.
        const coveringTier3 = setsCovering(pack, tiers.tier3)
        tiers.tier1 = { ...tiers.tier1, value: tiers.tier1.value.filter((c) => c !== edit.country), ...cite }
        tiers.tier3 = { ...tiers.tier3, countries: tiers.tier3.countries.filter((c) => c !== edit.country) }
        if (edit.tier === 1) tiers.tier1.value.push(edit.country)
        if (edit.tier === 3)
          tiers.tier3 = { ...tiers.tier3, countries: [...tiers.tier3.countries, edit.country], ...cite }
        // Tier 3 is not a label: the framework's rules name "D:5 and Macau", the set the tier is. A
        // country moved into tier 3 joins every rule that covers all of tier 3 (else a licence to it
        // would find no review policy, and LPP or a VEU would stay open to it); one moved out of the
        // tier by name leaves them. Each set changed cites the scenario.
        for (const set of coveringTier3) {
          const listed = set.countries.includes(edit.country)
          // A set with its own citation cites the scenario; one cited by its rule (an end-use rule's
          // destinations) has no citation field to carry it.
          const cited = 'citation' in set ? cite : {}
          if (edit.tier === 3 && !listed)
            Object.assign(set, { countries: [...set.countries, edit.country] }, cited)
          if (edit.tier !== 3 && wasTier3 && listed)
            Object.assign(set, { countries: set.countries.filter((c) => c !== edit.country) }, cited)
        }
        if (edit.tier !== 3 && inTier3ByGroup) {
          // Tier 3 is D:5 plus Macau by definition; leaving it means leaving D:5, which also changes
          // licensing, so the user must say that explicitly with a group change.
          issues.push({
            path: `${at}.country`,
            message: `${edit.country} is in tier 3 through its country group; add a group change removing it from that group instead`,
          })
        }
        return
      }
      case 'lpp_limit': {
        if (!pack.caps.lpp) {
          issues.push({ path: `${at}.kind`, message: `${base.id} has no LPP allowance` })
          return
        }
        pack.caps.lpp.limitTpp = { ...pack.caps.lpp.limitTpp, value: edit.tpp, ...cite }
        return
      }
      case 'allocation_limit': {
        if (!pack.caps.countryAllocation) {
          issues.push({ path: `${at}.kind`, message: `${base.id} has no country allocation` })
          return
        }
        pack.caps.countryAllocation.limitTpp = {
          ...pack.caps.countryAllocation.limitTpp,
          value: edit.tpp,
          ...cite,
        }
        return
      }
      case 'government_arrangement': {
        if (!pack.caps.countryAllocation) {
          issues.push({ path: `${at}.kind`, message: `${base.id} has no country allocation to raise` })
          return
        }
        pack.countries.governmentArrangements = [
          ...pack.countries.governmentArrangements.filter((g) => g.country !== edit.country),
          { country: edit.country, from: edit.from, ...cite },
        ]
        return
      }
      case 'group_change': {
        pack.countries.changes = [
          ...pack.countries.changes,
          { date: edit.date, country: edit.country, group: edit.group, change: edit.change, ...cite },
        ]
        return
      }
    }
  })

  if (issues.length > 0) return { ok: false, issues }
  return validatePack(pack)
}
