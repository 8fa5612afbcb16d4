import type { HandlerTable } from '../../../shared/ipc/contract'
import type { CountryRow } from '../../../shared/domain/country'
import { allocationFor } from '../../../shared/rules/allocation'
import { geographyOf } from '../../../shared/rules/geography'
import { headroomBuckets } from '../../db/capacity'
import type { HandlerContext } from '../context'
import { resolvePack, todayUtc } from '../packs'

interface CountryDbRow {
  iso2: string
  name: string
}

export const countriesHandlers: Partial<HandlerTable<HandlerContext>> = {
  /**
   * Every country under the selected pack (default: the pack governing `asOf`, else today): groups and
   * tier on that date and, where the pack sets a country allocation (tier 2 of the diffusion
   * framework), the allocation with what the ledger has licensed (committed) and reserved against it.
   */
  'countries.list': ({ packId, asOf }, ctx): CountryRow[] => {
    const { pack, asOf: date } = resolvePack({ packId, asOf: asOf ?? todayUtc(ctx.now()) }, ctx.ledger)
    const geo = geographyOf(pack)
    const totals = new Map(headroomBuckets(ctx.ledger, { kind: 'country' }).map((b) => [b.country, b]))
    const rows = ctx.ledger.prepare('SELECT iso2, name FROM country ORDER BY name').all() as CountryDbRow[]
    return rows.map((r) => {
      const view = geo.view(geo.canonical(r.iso2).code, date)
      const bucket = totals.get(r.iso2)
      const licensed = bucket?.committed ?? 0
      const reserved = bucket?.reserved ?? 0
      const allocation = allocationFor(pack, r.iso2, date)
      const remaining = allocation === null ? null : allocation - licensed - reserved
      const pctUsed =
        allocation === null || allocation === 0
          ? null
          : Math.round(((licensed + reserved) / allocation) * 10000) / 100
      return {
        iso2: r.iso2,
        name: r.name,
        groups: view.groupList,
        tier: view.tier,
        allocation,
        licensed,
        reserved,
        remaining,
        pctUsed,
      }
    })
  },
}
