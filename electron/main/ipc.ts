import type { IpcMainInvokeEvent } from 'electron'
import { channelOf, operationNames } from '../../shared/ipc/contract'
import type { Result } from '../../shared/ipc/result'
import type { Dispatch } from '../core/dispatch'

/** The slice of `ipcMain` used here, so tests can register against a fake. */
export interface InvokeRegistry {
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, payload: unknown) => Promise<Result<unknown>>,
  ): void
}

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This request did not come from the Headroom window.' },
}

/**
 * One `ipcMain.handle` per contract operation, each on its own channel so the IPC surface is exactly
 * the contract. The sender is checked before anything else; the payload stays `unknown` and is
 * parsed by the dispatcher, because a compromised renderer is not bound by the preload's types. The
 * dispatcher's result envelope is returned unchanged.
 */
export function registerOperationHandlers(
  ipc: InvokeRegistry,
  dispatch: Dispatch,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const name of operationNames) {
    ipc.handle(channelOf(name), async (event, payload) => {
      if (!isTrusted(event)) return FORBIDDEN
      return dispatch(name, payload)
    })
  }
}
