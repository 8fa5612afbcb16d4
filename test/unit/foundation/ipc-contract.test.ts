import { describe, expect, it } from 'vitest'
import { contract, operationNames } from '../../../shared/ipc/contract'

describe('IPC contract surface', () => {
  it('pins the list of operations (update the snapshot deliberately when adding one)', () => {
    const surface = operationNames.map((name) => `${name}${contract[name].mutates ? ' [writes]' : ''}`)
    expect(surface).toMatchSnapshot()
  })

  it('documents every operation', () => {
    for (const name of operationNames) expect(contract[name].doc.length, name).toBeGreaterThan(10)
  })
})

describe('operation names for the preload', () => {
  it('lists exactly the contract operations', async () => {
    const { OPERATION_NAMES } = await import('../../../shared/ipc/operation-names')
    expect([...OPERATION_NAMES].sort()).toEqual([...operationNames])
  })
})
