import type { HandlerTable } from '../../../shared/ipc/contract'
import { schemaVersion } from '../../db/ledger'
import type { HandlerContext } from '../context'

export const systemHandlers: Partial<HandlerTable<HandlerContext>> = {
  'system.info': (_input, ctx) => ({
    appVersion: ctx.appVersion,
    ledgerPath: ctx.ledgerPath,
    schemaVersion: schemaVersion(ctx.ledger),
    host: ctx.host === 'electron' ? 'electron' : 'browser',
    actor: ctx.actor,
  }),
  'system.ping': ({ echo }) => ({ echo }),
}
