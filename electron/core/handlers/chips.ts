import type { HandlerTable } from '../../../shared/ipc/contract'
import { numericThresholds } from '../../../shared/rules/classifier'
import { createChip, listChips } from '../../db/chips'
import type { HandlerContext } from '../context'
import { resolvePack, todayUtc } from '../packs'
import { who } from './who'

export const chipsHandlers: Partial<HandlerTable<HandlerContext>> = {
  'chips.list': ({ quick, packId }, ctx) => {
    const { pack } = resolvePack({ packId, asOf: todayUtc(ctx.now()) }, ctx.ledger)
    return listChips(ctx.ledger, { quick, thresholds: numericThresholds(pack.classification) })
  },
  'chips.create': (input, ctx) => createChip(ctx.ledger, who(ctx), input),
}
