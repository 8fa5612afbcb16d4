import type { HandlerTable } from '../../../shared/ipc/contract'
import { headroomBuckets, headroomHistory } from '../../db/capacity'
import type { HandlerContext } from '../context'

export const headroomHandlers: Partial<HandlerTable<HandlerContext>> = {
  'headroom.buckets': (filter, ctx) => headroomBuckets(ctx.ledger, filter),
  'headroom.history': ({ bucket, limit }, ctx) => headroomHistory(ctx.ledger, bucket, limit),
}
