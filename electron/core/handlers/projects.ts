import type { HandlerTable } from '../../../shared/ipc/contract'
import {
  createDraft,
  deleteDraft,
  evaluateDraft,
  listProjects,
  projectDetail,
  transition,
  updateDraft,
} from '../../db/projects'
import type { HandlerContext } from '../context'
import { who } from './who'

export const projectsHandlers: Partial<HandlerTable<HandlerContext>> = {
  'projects.list': (input, ctx) => listProjects(ctx.ledger, input),
  'projects.get': ({ id }, ctx) => projectDetail(ctx.ledger, id),
  'projects.createDraft': (input, ctx) => createDraft(ctx.ledger, who(ctx), input),
  'projects.updateDraft': (input, ctx) => updateDraft(ctx.ledger, who(ctx), input),
  'projects.deleteDraft': ({ id }, ctx) => {
    deleteDraft(ctx.ledger, who(ctx), id)
    return { id }
  },
  'projects.transition': (input, ctx) => transition(ctx.ledger, who(ctx), input),
  'projects.evaluate': ({ deal, packId }, ctx) => evaluateDraft(ctx.ledger, deal, packId),
}
