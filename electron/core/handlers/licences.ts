import type { HandlerTable } from '../../../shared/ipc/contract'
import { createLicence, dealLicences, getLicence, listLicences, recordLicenceUsage } from '../../db/licences'
import type { HandlerContext } from '../context'
import { who } from './who'

export const licencesHandlers: Partial<HandlerTable<HandlerContext>> = {
  'licences.list': ({ includeExpired }, ctx) => listLicences(ctx.ledger, who(ctx), { includeExpired }),
  'licences.get': ({ number }, ctx) => getLicence(ctx.ledger, who(ctx), number),
  'licences.create': (input, ctx) => createLicence(ctx.ledger, who(ctx), input),
  'licences.recordUsage': (input, ctx) => recordLicenceUsage(ctx.ledger, who(ctx), input),
  'licences.forDeal': ({ id, number }, ctx) => dealLicences(ctx.ledger, who(ctx), id, number),
}
