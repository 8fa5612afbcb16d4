import { countryName } from '../countries'
import type { CountryAlias, CountryGroup, CountrySet, IsoDate, RulePack, Tier } from './types'

/** A country's groups and tier under a pack on a date. */
export interface CountryView {
  code: string
  groups: ReadonlySet<CountryGroup>
  /** Groups in the canonical order A:5, A:6, D:1, … */
  groupList: CountryGroup[]
  tier: Tier | null
}

const GROUP_ORDER: CountryGroup[] = ['A:5', 'A:6', 'D:1', 'D:3', 'D:4', 'D:5', 'E:1', 'E:2']

const nameCache = new Map<string, string>()
/** English short name, cached (the i18n lookup is slow in hot loops). */
export function nameOf(code: string): string {
  let name = nameCache.get(code)
  if (name === undefined) {
    name = countryName(code) ?? code
    nameCache.set(code, name)
  }
  return name
}

/**
 * Group membership and tiers of one pack, resolved by date. Dated changes are few, so memberships are
 * computed once per "epoch" (the number of changes in force) and cached; a lookup is two map reads.
 */
export class PackGeography {
  private readonly changeDates: IsoDate[]
  private readonly epochs = new Map<number, Map<string, CountryView>>()
  private readonly aliases: Map<string, CountryAlias>
  private readonly tier1: ReadonlySet<string> | null

  constructor(private readonly pack: RulePack) {
    this.changeDates = [...new Set(pack.countries.changes.map((c) => c.date))].sort()
    this.aliases = new Map(pack.countries.aliases.map((a) => [a.from, a]))
    this.tier1 = pack.countries.tiers ? new Set(pack.countries.tiers.tier1.value) : null
  }

  private readonly canonicals = new Map<string, { code: string; alias?: CountryAlias }>()

  /** The code evaluated for `code` (HK → CN) and the alias applied, if any (a shared frozen result). */
  canonical(code: string): { code: string; alias?: CountryAlias } {
    let c = this.canonicals.get(code)
    if (!c) {
      // Codes are upper case by contract; a caller that skipped the book's normalisation ("cn") must
      // not be read as an unknown, group-less place.
      const upper = code.toUpperCase()
      const alias = this.aliases.get(upper)
      c = Object.freeze(alias ? { code: alias.to, alias } : { code: upper })
      this.canonicals.set(code, c)
    }
    return c
  }

  private epoch(date: IsoDate): number {
    let n = 0
    while (n < this.changeDates.length && this.changeDates[n]! <= date) n++
    return n
  }

  private membership(epoch: number): Map<string, CountryView> {
    // The build is a separate method: its closure over `sets` made V8 allocate a context on every
    // call, cached or not (40 bytes per lookup, several lookups a deal).
    return this.epochs.get(epoch) ?? this.buildMembership(epoch)
  }

  private buildMembership(epoch: number): Map<string, CountryView> {
    const cutoff = epoch === 0 ? '' : this.changeDates[epoch - 1]!
    const sets = new Map<string, Set<CountryGroup>>()
    const get = (c: string) => {
      let s = sets.get(c)
      if (!s) sets.set(c, (s = new Set()))
      return s
    }
    for (const g of GROUP_ORDER) for (const c of this.pack.countries.groups[g].value) get(c).add(g)
    for (const ch of this.pack.countries.changes) {
      if (epoch === 0 || ch.date > cutoff) continue
      if (ch.change === 'add') get(ch.country).add(ch.group)
      else get(ch.country).delete(ch.group)
    }
    const views = new Map<string, CountryView>()
    for (const [code, groups] of sets) views.set(code, this.makeView(code, groups))
    this.epochs.set(epoch, views)
    return views
  }

  private makeView(code: string, groups: Set<CountryGroup>): CountryView {
    let tier: Tier | null = null
    const tiers = this.pack.countries.tiers
    if (tiers && this.tier1) {
      const t3 = tiers.tier3
      if (t3.countries.includes(code) || t3.groups.some((g) => groups.has(g))) tier = 3
      else tier = this.tier1.has(code) ? 1 : 2
    }
    return { code, groups, groupList: GROUP_ORDER.filter((g) => groups.has(g)), tier }
  }

  /** The date of the last lookup and its memberships: a deal asks several times for its own date. */
  private lastDate: IsoDate | undefined
  private lastViews: Map<string, CountryView> | undefined

  /** Groups and tier of a (canonical) code on a date. */
  view(code: string, date: IsoDate): CountryView {
    let views = this.lastViews
    if (date !== this.lastDate || !views) {
      views = this.membership(this.epoch(date))
      this.lastDate = date
      this.lastViews = views
    }
    let v = views.get(code)
    if (!v) {
      v = this.makeView(code, new Set())
      views.set(code, v)
    }
    return v
  }

  /** Whether a (canonical) code is in a set of groups and countries on a date, less the set's `except` groups. */
  inSet(code: string, set: CountrySet, date: IsoDate): boolean {
    // Loops rather than `some` with a closure: this runs several times per deal, and the closures were
    // the largest allocation of a 100,000-deal evaluation.
    const groups = this.view(code, date).groups
    return (
      (set.countries.includes(code) || hasAny(groups, set.groups)) &&
      !(set.except && hasAny(groups, set.except))
    )
  }
}

function hasAny(groups: ReadonlySet<CountryGroup>, wanted: readonly CountryGroup[]): boolean {
  for (let i = 0; i < wanted.length; i++) if (groups.has(wanted[i]!)) return true
  return false
}

const geographies = new WeakMap<RulePack, PackGeography>()

/** The (cached) geography of a pack. */
export function geographyOf(pack: RulePack): PackGeography {
  let g = geographies.get(pack)
  if (!g) geographies.set(pack, (g = new PackGeography(pack)))
  return g
}

const setTexts = new WeakMap<CountrySet, string>()

/** Describes a set like "D:5 or Macau" for step texts (memoized per set object). */
export function describeSet(set: CountrySet): string {
  let text = setTexts.get(set)
  if (text === undefined) setTexts.set(set, (text = describeSetUncached(set)))
  return text
}

function describeSetUncached(set: CountrySet): string {
  const parts = [...set.groups, ...set.countries.map(nameOf)]
  const main =
    parts.length > 1
      ? `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`
      : (parts[0] ?? 'nowhere')
  return set.except?.length ? `${main} (excluding ${set.except.join('/')})` : main
}
