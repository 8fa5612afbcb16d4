import { describe, expect, it, vi } from 'vitest'
import { channelOf, operationNames } from '../../../shared/ipc/contract'
import { buildHeadroomApi } from '../../../electron/preload/api'

describe('buildHeadroomApi', () => {
  it('has one function per operation and nothing else', () => {
    const api = buildHeadroomApi(vi.fn())
    expect(Object.keys(api).sort()).toEqual([...operationNames].sort())
    for (const name of operationNames) expect(typeof api[name]).toBe('function')
  })

  it('is frozen, so page scripts cannot swap a function', () => {
    expect(Object.isFrozen(buildHeadroomApi(vi.fn()))).toBe(true)
  })

  it('invokes each operation on its own channel with the payload as given', async () => {
    const invoke = vi.fn(async (channel: string) => ({ ok: true, value: channel }))
    const api = buildHeadroomApi(invoke)
    await expect(api['system.ping']({ echo: 'x' })).resolves.toEqual({
      ok: true,
      value: channelOf('system.ping'),
    })
    expect(invoke).toHaveBeenCalledWith(channelOf('system.ping'), { echo: 'x' })
    for (const name of operationNames) {
      invoke.mockClear()
      await (api[name] as (input: unknown) => Promise<unknown>)({})
      expect(invoke).toHaveBeenCalledWith(channelOf(name), {})
    }
  })

  it('turns a rejected invoke into an internal envelope instead of throwing', async () => {
    const api = buildHeadroomApi(() =>
      Promise.reject(new Error("No handler registered for 'headroom:system.info'")),
    )
    await expect(api['system.info']({})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('system.info') },
    })
  })
})
