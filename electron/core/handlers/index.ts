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

/** The one handler table, shared by Electron IPC, the browser host, the CLI and tests. */
export const buildHandlerTable = () =>
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
  )
