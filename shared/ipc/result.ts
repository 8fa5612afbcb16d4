/**
 * The one envelope every operation answers with, over IPC and over the browser host alike.
 * Handlers throw `AppError`; the dispatcher turns everything else into `internal`.
 */

export type ErrorCode =
  | 'invalid_input'
  | 'unknown_operation'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthorized'
  | 'ledger_too_new'
  | 'corrupt'
  | 'cancelled'
  /** Another job, or another program on the same file, is writing to the ledger; wait for it. */
  | 'busy'
  | 'internal'

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `lines.0.quantity`; empty for the payload as a whole. */
  path: string
  message: string
}

export interface ErrorInfo {
  code: ErrorCode
  message: string
  fields?: FieldIssue[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo }

export class AppError extends Error {
  readonly code: ErrorCode
  readonly fields?: FieldIssue[]

  constructor(code: ErrorCode, message: string, fields?: FieldIssue[]) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.fields = fields
  }

  toInfo(): ErrorInfo {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message }
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (error: ErrorInfo): Result<never> => ({ ok: false, error })
