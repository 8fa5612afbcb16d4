import type { HandlerTable } from '../../../shared/ipc/contract'
import { createScenario, deleteScenario, listScenarios, renameScenario } from '../../db/scenarios'
import { comparePacks } from '../compare'
import type { HandlerContext } from '../context'
import { who } from './who'

export const scenariosHandlers: Partial<HandlerTable<HandlerContext>> = {
  'scenarios.list': (_input, ctx) => listScenarios(ctx.ledger),
  'scenarios.create': (input, ctx) => {
    const pack = createScenario(ctx.ledger, who(ctx), input)
    return { id: pack.id, title: pack.title }
  },
  'scenarios.rename': (input, ctx) => {
    renameScenario(ctx.ledger, who(ctx), input)
    return { id: input.id, title: input.title }
  },
  'scenarios.delete': ({ id }, ctx) => {
    deleteScenario(ctx.ledger, who(ctx), id)
    return { id }
  },
  'packs.compare': (input, ctx) => comparePacks(ctx.ledger, input),
}
