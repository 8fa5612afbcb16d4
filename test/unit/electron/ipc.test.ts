import type { IpcMainInvokeEvent } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { channelOf, operationNames } from '../../../shared/ipc/contract'
import type { Result } from '../../../shared/ipc/result'
import { registerOperationHandlers, type InvokeRegistry } from '../../../electron/main/ipc'

type Handler = Parameters<InvokeRegistry['handle']>[1]

function setup(trusted: boolean) {
  const handlers = new Map<string, Handler>()
  const ipc: InvokeRegistry = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, listener)
    },
  }
  const reply: Result<unknown> = { ok: true, value: { echo: 'hi' } }
  const dispatch = vi.fn(async () => reply)
  const isTrusted = vi.fn(() => trusted)
  registerOperationHandlers(ipc, dispatch, isTrusted)
  return { handlers, dispatch, isTrusted, reply }
}

const event = {} as IpcMainInvokeEvent

describe('registerOperationHandlers', () => {
  it('registers exactly one channel per contract operation', () => {
    const { handlers } = setup(true)
    expect([...handlers.keys()].sort()).toEqual(operationNames.map(channelOf).sort())
  })

  it('checks the sender, then passes name and raw payload to dispatch and returns its envelope unchanged', async () => {
    const { handlers, dispatch, isTrusted, reply } = setup(true)
    const payload = { echo: 'hi', extra: { not: 'validated here' } }
    const result = await handlers.get(channelOf('system.ping'))!(event, payload)
    expect(isTrusted).toHaveBeenCalledWith(event)
    expect(dispatch).toHaveBeenCalledWith('system.ping', payload)
    expect(result).toBe(reply)
  })

  it('answers forbidden and never dispatches for an untrusted sender', async () => {
    const { handlers, dispatch } = setup(false)
    for (const name of operationNames) {
      const result = await handlers.get(channelOf(name))!(event, {})
      expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } })
    }
    expect(dispatch).not.toHaveBeenCalled()
  })
})
