import type { HandlerTable } from '../../../shared/ipc/contract'
import type { CountryRow } from '../../../shared/domain/country'
import type { HandlerContext } from '../context'

interface CountryDbRow {
  iso2: string
  name: string
}

export const countriesHandlers: Partial<HandlerTable<HandlerContext>> = {
  'countries.list': (_input, ctx): CountryRow[] => {
    const rows = ctx.ledger.prepare('SELECT iso2, name FROM country ORDER BY name').all() as CountryDbRow[]
    return rows.map((r) => ({ iso2: r.iso2, name: r.name, groups: [], tier: null }))
  },
}
