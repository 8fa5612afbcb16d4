import { z } from 'zod'
import { AppError, type ErrorInfo, type FieldIssue } from '../../shared/ipc/result'
import { isLedgerBusy } from '../db/statements'

/** How failures become the `{ code, message }` a caller is answered: the dispatcher's and the jobs'. */

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
}

export function invalidInput(issues: FieldIssue[]): AppError {
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')
  return new AppError('invalid_input', `Invalid input — ${summary}`, issues)
}

export const LEDGER_BUSY_MESSAGE =
  'The ledger is busy: another program (another Headroom window or browser host, the headroom CLI, or its import) is writing to the same file. Nothing was changed; try again when it has finished.'

/**
 * An error as the window is told it: an AppError as it is, a zod error as invalid input naming the
 * fields, a ledger locked by another program as `busy`, anything else logged here and answered
 * `internal` without its details. `what` names the work in both ("ledger.import", "the import job").
 */
export function toErrorInfo(error: unknown, what: string, log: (m: string, e: unknown) => void): ErrorInfo {
  if (error instanceof AppError) return error.toInfo()
  if (error instanceof z.ZodError) return invalidInput(zodIssues(error)).toInfo()
  if (isLedgerBusy(error)) return { code: 'busy', message: LEDGER_BUSY_MESSAGE }
  log(`${what} failed`, error)
  return { code: 'internal', message: `Internal error in ${what}; the ledger was not changed.` }
}
