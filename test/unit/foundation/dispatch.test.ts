import { describe, expect, it } from 'vitest'
import { createDispatcher, registerHandlers } from '../../../electron/core/dispatch'
import { openSession } from '../../../electron/core/session'
import { systemHandlers } from '../../../electron/core/handlers/system'
import { buildHandlerTable } from '../../../electron/core/handlers/index'
import type { HandlerTable } from '../../../shared/ipc/contract'
import { AppError } from '../../../shared/ipc/result'
import { tempLedgerPath } from '../helpers/temp-ledger'

describe('dispatcher', () => {
  it('answers a valid call with {ok:true, value}', async () => {
    const session = openSession({ ledgerPath: tempLedgerPath(), host: 'test', actor: 'alice' })
    expect(await session.dispatch('system.ping', { echo: 'hi' })).toEqual({ ok: true, value: { echo: 'hi' } })
    const info = await session.dispatch('system.info', {})
    expect(info.ok && (info.value as { actor: string }).actor).toBe('alice')
    session.close()
  })

  it('answers a malformed payload with invalid_input naming the field', async () => {
    const session = openSession({ ledgerPath: tempLedgerPath(), host: 'test' })
    const result = await session.dispatch('system.ping', { echo: 42 })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid_input')
    expect(result.error.message).toContain('echo')
    expect(result.error.fields?.[0]?.path).toBe('echo')
    session.close()
  })

  it('rejects unknown keys and unknown operations', async () => {
    const session = openSession({ ledgerPath: tempLedgerPath(), host: 'test' })
    const extra = await session.dispatch('system.ping', { echo: 'x', sneaky: true })
    expect(!extra.ok && extra.error.code).toBe('invalid_input')
    const unknown = await session.dispatch('system.formatDisk', {})
    expect(!unknown.ok && unknown.error.code).toBe('unknown_operation')
    session.close()
  })

  it('turns AppError into its code and other errors into internal without leaking the message', async () => {
    const logged: unknown[] = []
    const table = registerHandlers<null>({
      ...(buildHandlerTable() as unknown as HandlerTable<null>),
      'system.ping': () => {
        throw new AppError('conflict', 'already approved')
      },
      'countries.list': () => {
        throw new Error('SQLITE secret detail')
      },
    })
    const dispatch = createDispatcher(table, null, (_m, e) => logged.push(e))
    expect(await dispatch('system.ping', { echo: 'x' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'already approved' },
    })
    const internal = await dispatch('countries.list', {})
    expect(!internal.ok && internal.error.code).toBe('internal')
    expect(JSON.stringify(internal)).not.toContain('secret')
    expect(logged).toHaveLength(1)
  })

  it('registerHandlers refuses unknown, duplicate and missing operations', () => {
    const all = buildHandlerTable()
    expect(() => registerHandlers(all, { 'system.ping': () => ({ echo: '' }) })).toThrow(/twice/)
    expect(() => registerHandlers(all, { 'nope.op': () => 1 } as never)).toThrow(/not an operation/)
    expect(() => registerHandlers(systemHandlers)).toThrow(/no handler for .*countries.list/)
  })
})
