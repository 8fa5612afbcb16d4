import type { HandlerTable } from '../../../shared/ipc/contract'
import { listAudit, verifyAuditChain } from '../../db/audit'
import type { HandlerContext } from '../context'

export const auditHandlers: Partial<HandlerTable<HandlerContext>> = {
  'audit.list': (filter, ctx) => listAudit(ctx.ledger, filter),
  'audit.verify': (_input, ctx) => verifyAuditChain(ctx.ledger),
}
