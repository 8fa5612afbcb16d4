import { registerHandlers } from '../dispatch'
import type { HandlerContext } from '../context'
import { systemHandlers } from './system'
import { countriesHandlers } from './countries'
import { packsHandlers } from './packs'
import { pendingLedgerHandlers } from './pending'

/** The one handler table, shared by Electron IPC, the browser host, the CLI and tests. */
export const buildHandlerTable = () => registerHandlers<HandlerContext>(systemHandlers, countriesHandlers, packsHandlers, pendingLedgerHandlers)
