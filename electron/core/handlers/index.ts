import { contract, type HandlerTable, type OpName } from '../../../shared/ipc/contract'
import { refuseInactive } from '../../db/users'
import { registerHandlers } from '../dispatch'
import type { HandlerContext } from '../context'
import { systemHandlers } from './system'
import { countriesHandlers } from './countries'
import { packsHandlers } from './packs'
import { projectsHandlers } from './projects'
import { partiesHandlers } from './parties'
import { chipsHandlers } from './chips'
import { licencesHandlers } from './licences'
import { headroomHandlers } from './headroom'
import { auditHandlers } from './audit'
import { usersHandlers } from './users'
import { ledgerHandlers } from './ledger'
import { reportsHandlers } from './reports'
import { scenariosHandlers } from './scenarios'
import { jobsHandlers } from './jobs'

/**
 * What a session acting as a deactivated desk user (the sample's, once removed) may still do that
 * writes: the ways out, choosing or adding whom to act as and restoring a ledger. Every other write is
 * refused by name, so the desk's work is never recorded under a user who can no longer act.
 */
const WAYS_OUT: ReadonlySet<OpName> = new Set<OpName>(['users.switch', 'users.create', 'ledger.restore'])

function refusingInactiveActors(table: HandlerTable<HandlerContext>): HandlerTable<HandlerContext> {
  type AnyHandler = (input: unknown, ctx: HandlerContext) => unknown
  const guarded = table as unknown as Record<OpName, AnyHandler>
  for (const name of Object.keys(contract) as OpName[]) {
    if (!contract[name].mutates || WAYS_OUT.has(name)) continue
    const handler = guarded[name]
    guarded[name] = (input, ctx) => {
      refuseInactive(ctx.ledger, ctx.actor)
      return handler(input, ctx)
    }
  }
  return table
}

/** The one handler table, shared by Electron IPC, the browser host, the CLI and tests. */
export const buildHandlerTable = () =>
  refusingInactiveActors(
    registerHandlers<HandlerContext>(
      systemHandlers,
      countriesHandlers,
      packsHandlers,
      projectsHandlers,
      partiesHandlers,
      chipsHandlers,
      licencesHandlers,
      headroomHandlers,
      auditHandlers,
      usersHandlers,
      ledgerHandlers,
      reportsHandlers,
      scenariosHandlers,
      jobsHandlers,
    ),
  )
