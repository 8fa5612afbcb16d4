import type { HandlerTable } from '../../../shared/ipc/contract'
import { createUser, currentUser, listUsers, switchUser } from '../../db/users'
import type { HandlerContext } from '../context'
import { who } from './who'

export const usersHandlers: Partial<HandlerTable<HandlerContext>> = {
  'users.list': (_input, ctx) => listUsers(ctx.ledger),
  'users.create': (input, ctx) => createUser(ctx.ledger, who(ctx), input),
  'users.current': (_input, ctx) => currentUser(ctx.ledger, ctx.actor),
  'users.switch': ({ name }, ctx) => {
    const user = switchUser(ctx.ledger, who(ctx), name)
    ctx.actor = user.name
    return user
  },
}
