// Names only: importing the contract itself would bundle zod and country tables into the preload.
import type { HeadroomApi, OpInput, OpName, OpOutput } from '../../shared/ipc/contract'
import { channelOf, OPERATION_NAMES as operationNames } from '../../shared/ipc/operation-names'
import type { Result } from '../../shared/ipc/result'

/** `ipcRenderer.invoke`, passed in so the API can be built and tested without Electron. */
export type Invoke = (channel: string, payload: unknown) => Promise<unknown>

type OperationFunction<K extends OpName> = (input: OpInput<K>) => Promise<Result<OpOutput<K>>>

/**
 * The function for one operation, bound to that operation's own channel. The cast of the reply is
 * the one unchecked step: main answers every channel with the dispatcher's envelope for that
 * operation. A rejected invoke (handler missing, main crashed) becomes an `internal` envelope, so
 * the promised `Result` holds for every call and callers never need a try/catch.
 */
export function bindOperation<K extends OpName>(name: K, invoke: Invoke): OperationFunction<K> {
  const channel = channelOf(name)
  return (input) =>
    invoke(channel, input).then(
      (reply) => reply as Result<OpOutput<K>>,
      (error: unknown): Result<OpOutput<K>> => ({
        ok: false,
        error: {
          code: 'internal',
          message: `${name} could not reach the core: ${error instanceof Error ? error.message : String(error)}`,
        },
      }),
    )
}

type BuiltApi = { [K in OpName]: OperationFunction<K> }
// Compile-time proof that what the builder makes per operation is exactly the contract's API type;
// if either side changes shape this line stops compiling.
const builtMatchesContract: [BuiltApi] extends [HeadroomApi]
  ? [HeadroomApi] extends [BuiltApi]
    ? true
    : never
  : never = true
void builtMatchesContract

/**
 * The object exposed as `window.headroom`: one function per contract operation, built by looping
 * over `operationNames` so a new operation needs no change here. The renderer gets these closures
 * only, never `ipcRenderer`, so it can reach nothing but the contract's channels.
 */
export function buildHeadroomApi(invoke: Invoke): HeadroomApi {
  const api: Partial<BuiltApi> = {}
  const assign = <K extends OpName>(name: K): void => {
    ;(api as Record<K, OperationFunction<K>>)[name] = bindOperation(name, invoke)
  }
  operationNames.forEach(assign)
  return Object.freeze(api as BuiltApi) satisfies HeadroomApi
}
