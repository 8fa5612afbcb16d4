import { contract, isOpName, type HandlerTable, type OpName } from '../../shared/ipc/contract'
import { AppError, type Result } from '../../shared/ipc/result'
import { invalidInput, toErrorInfo, zodIssues } from './error-info'

type AnyHandler<Ctx> = (input: unknown, ctx: Ctx) => unknown

/**
 * Joins per-domain handler groups into one table. Refuses a name the contract does not know, a name
 * registered twice, and a table that leaves any operation without a handler — so a missing or stray
 * handler fails at start-up, not when a user clicks.
 */
export function registerHandlers<Ctx>(...groups: Array<Partial<HandlerTable<Ctx>>>): HandlerTable<Ctx> {
  const table: Record<string, AnyHandler<Ctx>> = {}
  for (const group of groups) {
    for (const [name, handler] of Object.entries(group)) {
      if (!isOpName(name)) throw new Error(`registerHandlers: "${name}" is not an operation of the contract`)
      if (name in table) throw new Error(`registerHandlers: "${name}" is registered twice`)
      table[name] = handler as AnyHandler<Ctx>
    }
  }
  const missing = Object.keys(contract).filter((name) => !(name in table))
  if (missing.length > 0) throw new Error(`registerHandlers: no handler for ${missing.join(', ')}`)
  return table as unknown as HandlerTable<Ctx>
}

export type Dispatch = (name: unknown, payload: unknown) => Promise<Result<unknown>>

/**
 * Writes held off per handler context while a background job writes to the ledger from its own
 * connection: a second writer would wait on SQLite's lock inside a handler (and time out), and a
 * write committed under a running import or re-evaluation would not be what it checked against.
 * Keyed by the context object, so every transport of one session sees the same hold.
 */
const writeHolds = new WeakMap<object, string>()

/** Refuses every mutating operation on `ctx` with `busy` and `message` until the returned release is called. */
export function holdWrites(ctx: object, message: string): () => void {
  if (writeHolds.has(ctx)) throw new AppError('busy', writeHolds.get(ctx)!)
  writeHolds.set(ctx, message)
  return () => {
    writeHolds.delete(ctx)
  }
}

/** The reason writes are held on `ctx`, or null. */
export function writesHeld(ctx: unknown): string | null {
  return typeof ctx === 'object' && ctx !== null ? (writeHolds.get(ctx) ?? null) : null
}

/**
 * The single entry for every transport (Electron IPC, the browser host, tests). The payload is
 * `unknown` until its schema has parsed it; any error that is not an AppError is logged here and
 * answered as `internal` so no stack trace crosses the boundary.
 */
export function createDispatcher<Ctx>(
  table: HandlerTable<Ctx>,
  ctx: Ctx,
  log: (message: string, error: unknown) => void = (m, e) => console.error(m, e),
): Dispatch {
  return async (name, payload) => {
    if (!isOpName(name)) {
      return {
        ok: false,
        error: { code: 'unknown_operation', message: `Unknown operation: ${String(name)}` },
      }
    }
    const parsed = contract[name].input.safeParse(payload ?? {})
    if (!parsed.success) return { ok: false, error: invalidInput(zodIssues(parsed.error)).toInfo() }
    const held = contract[name].mutates ? writesHeld(ctx) : null
    if (held) return { ok: false, error: { code: 'busy', message: held } }
    try {
      const handler = table[name as OpName] as unknown as AnyHandler<Ctx>
      const value = await handler(parsed.data, ctx)
      return { ok: true, value }
    } catch (error) {
      return { ok: false, error: toErrorInfo(error, name, log) }
    }
  }
}
