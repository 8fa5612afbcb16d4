import type { HandlerTable } from '../../../shared/ipc/contract'
import { headroomHistory } from '../../db/capacity'
import type { HandlerContext } from '../context'
import { todayUtc } from '../packs'
import { headroomUnder } from '../scenario-headroom'

export const headroomHandlers: Partial<HandlerTable<HandlerContext>> = {
  'headroom.buckets': (filter, ctx) => headroomUnder(ctx.ledger, filter, todayUtc(ctx.now())),
  'headroom.history': ({ bucket, limit }, ctx) => headroomHistory(ctx.ledger, bucket, limit),
}
