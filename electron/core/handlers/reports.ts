import type { HandlerTable } from '../../../shared/ipc/contract'
import { auditReport } from '../../reports/audit'
import { countryReport } from '../../reports/country'
import { readMarking, writeMarking, type ReportEnv } from '../../reports/header'
import { memoReport } from '../../reports/memo'
import { portfolioReport } from '../../reports/portfolio'
import type { HandlerContext } from '../context'

const envOf = (ctx: HandlerContext): ReportEnv => ({
  db: ctx.ledger,
  ledgerPath: ctx.ledgerPath,
  appVersion: ctx.appVersion,
  actor: ctx.actor,
})

export const reportsHandlers: Partial<HandlerTable<HandlerContext>> = {
  'reports.memo': (input, ctx) => memoReport(envOf(ctx), input.projectId),
  'reports.country': (input, ctx) => countryReport(envOf(ctx), input),
  'reports.portfolio': (input, ctx) => portfolioReport(envOf(ctx), input),
  'reports.audit': (input, ctx) => auditReport(envOf(ctx), input),
  'settings.get': (_input, ctx) => ({ marking: readMarking(ctx.ledger) }),
  'settings.setMarking': (input, ctx) => writeMarking(ctx.ledger, ctx.actor, input.marking),
}
