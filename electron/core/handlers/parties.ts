import type { HandlerTable } from '../../../shared/ipc/contract'
import { installedBase, listParties, recordInstalledBase, upsertParty } from '../../db/parties'
import type { HandlerContext } from '../context'
import { who } from './who'

export const partiesHandlers: Partial<HandlerTable<HandlerContext>> = {
  'parties.list': (filter, ctx) => listParties(ctx.ledger, filter),
  'parties.upsert': (input, ctx) => upsertParty(ctx.ledger, who(ctx), input),
  'parties.installedBase': ({ veu }, ctx) => installedBase(ctx.ledger, veu),
  'parties.recordInstalledBase': (input, ctx) => recordInstalledBase(ctx.ledger, who(ctx), input),
}
