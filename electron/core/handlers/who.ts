import type { Actor } from '../../db/statements'
import type { HandlerContext } from '../context'

/** The session's current desk user and clock, as the db layer takes them. */
export const who = (ctx: HandlerContext): Actor => ({ name: ctx.actor, now: ctx.now })
