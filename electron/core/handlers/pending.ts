import type { HandlerTable, OpName } from '../../../shared/ipc/contract'
import { AppError } from '../../../shared/ipc/result'
import { auditOps } from '../../../shared/ipc/ops/audit'
import { chipsOps } from '../../../shared/ipc/ops/chips'
import { headroomOps } from '../../../shared/ipc/ops/headroom'
import { ledgerOps } from '../../../shared/ipc/ops/ledger'
import { licencesOps } from '../../../shared/ipc/ops/licences'
import { partiesOps } from '../../../shared/ipc/ops/parties'
import { projectsOps } from '../../../shared/ipc/ops/projects'
import { usersOps } from '../../../shared/ipc/ops/users'
import type { HandlerContext } from '../context'

// Temporary: the ledger operations are in the contract so the UI can build against them; their
// handlers land in the next commits and replace this group.
const names = Object.keys({ ...projectsOps, ...partiesOps, ...chipsOps, ...licencesOps, ...headroomOps, ...auditOps, ...usersOps, ...ledgerOps }) as OpName[]

export const pendingLedgerHandlers = Object.fromEntries(
  names.map((name) => [
    name,
    () => {
      throw new AppError('internal', `${name} is not available yet in this build`)
    },
  ]),
) as Partial<HandlerTable<HandlerContext>>
