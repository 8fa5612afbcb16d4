import type { HandlerTable } from '../../../shared/ipc/contract'
import type { HandlerContext } from '../context'
import { todayUtc } from '../packs'
import { headroomHistoryUnder, headroomUnder } from '../scenario-headroom'

export const headroomHandlers: Partial<HandlerTable<HandlerContext>> = {
  'headroom.buckets': (filter, ctx) => headroomUnder(ctx.ledger, filter, todayUtc(ctx.now())),
  'headroom.history': (input, ctx) => headroomHistoryUnder(ctx.ledger, input, todayUtc(ctx.now())),
}
