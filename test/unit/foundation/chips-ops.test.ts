import { describe, expect, it } from 'vitest'
import { openSession } from '../../../electron/core/session'
import type { ChipRow } from '../../../shared/domain/chip'
import { tempLedgerPath } from '../helpers/temp-ledger'

/**
 * The core refuses a custom chip's bad figures itself, whatever a form sends: a negative or zero
 * die area (or any other figure) is `invalid_input` naming the field, and nothing is saved.
 */
describe('chips.create refuses figures that are not positive', () => {
  const base = { vendor: 'Walk', source: 'test' }
  it.each([
    ['dieArea', { tpp: 1600, dieArea: -500 }],
    ['dieArea', { tpp: 1600, dieArea: 0 }],
    ['tpp', { tpp: -1600 }],
    ['tpp', { tpp: 0 }],
    ['tops', { tops: -800, bitLength: 8 }],
    ['bitLength', { tops: 800, bitLength: 0 }],
    ['bitLength', { tops: 800, bitLength: 8.5 }],
    ['dramBandwidth', { tpp: 1600, dramBandwidth: -1 }],
    ['dramBandwidth', { tpp: 1600, dramBandwidth: 0 }],
  ])('%s in %j', async (field, figures) => {
    const session = openSession({ ledgerPath: tempLedgerPath(), host: 'test', actor: 'alice' })
    const before = await session.dispatch('chips.list', {})
    const r = await session.dispatch('chips.create', { ...base, spec: { name: 'Walk X1', ...figures } })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('invalid_input')
    expect(r.error.fields?.map((f) => f.path)).toContain(`spec.${field}`)
    const after = await session.dispatch('chips.list', {})
    expect(after.ok && (after.value as ChipRow[]).length).toBe(
      before.ok && (before.value as ChipRow[]).length,
    )
    expect(after.ok && (after.value as ChipRow[]).some((c) => c.name === 'Walk X1')).toBe(false)
    session.close()
  })

  it('saves the same chip with valid figures', async () => {
    const session = openSession({ ledgerPath: tempLedgerPath(), host: 'test', actor: 'alice' })
    const r = await session.dispatch('chips.create', {
      ...base,
      spec: { name: 'Walk X1', tpp: 1600, dieArea: 500 },
    })
    expect(r.ok && (r.value as ChipRow).spec.dieArea).toBe(500)
    session.close()
  })
})

describe('rules.classify refuses a die area that is not positive', () => {
  it.each([-500, 0])('%d', async (dieArea) => {
    const session = openSession({ ledgerPath: tempLedgerPath(), host: 'test' })
    const r = await session.dispatch('rules.classify', { chip: { name: 'X', tpp: 1600, dieArea } })
    expect(!r.ok && r.error.fields?.map((f) => f.path)).toContain('chip.dieArea')
    session.close()
  })
})
