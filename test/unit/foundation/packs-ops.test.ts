import { describe, expect, it } from 'vitest'
import { openSession } from '../../../electron/core/session'
import { tempLedgerPath } from '../helpers/temp-ledger'

describe('pack operations', () => {
  it('lists the built-in packs and resolves auto by date', async () => {
    const s = openSession({ ledgerPath: tempLedgerPath(), host: 'test' })
    const list = await s.dispatch('packs.list', {})
    expect(list.ok && (list.value as Array<{ id: string }>).map((p) => p.id)).toEqual(
      expect.arrayContaining([
        'us-ai-diffusion-2025',
        'us-advanced-computing-2025-05',
        'us-advanced-computing-2026',
      ]),
    )
    const early = await s.dispatch('packs.resolve', { asOf: '2025-03-01' })
    expect(early).toMatchObject({ ok: true, value: { packId: 'us-ai-diffusion-2025', auto: true } })
    const later = await s.dispatch('packs.resolve', { asOf: '2026-11-26' })
    expect(later).toMatchObject({ ok: true, value: { packId: 'us-advanced-computing-2026', auto: true } })
    const pinned = await s.dispatch('packs.resolve', { packId: 'us-ai-diffusion-2025', asOf: '2026-11-26' })
    expect(pinned).toMatchObject({ ok: true, value: { packId: 'us-ai-diffusion-2025', auto: false } })
    const unknown = await s.dispatch('packs.get', { id: 'nope' })
    expect(!unknown.ok && unknown.error.code).toBe('not_found')
    s.close()
  })

  it('classifies a catalogue chip and a custom spec', async () => {
    const s = openSession({ ledgerPath: tempLedgerPath(), host: 'test' })
    const h100 = await s.dispatch('rules.classify', { chip: 'H100 SXM' })
    expect(h100).toMatchObject({ ok: true, value: { tpp: 15832, eccn: '3A090.a', paragraph: 'a.1' } })
    const custom = await s.dispatch('rules.classify', {
      chip: { name: 'X', tops: 100, bitLength: 16, dieArea: 1000 },
    })
    expect(custom).toMatchObject({
      ok: true,
      value: { tpp: 1600, performanceDensity: 1.6, eccn: 'none', paragraph: null },
    })
    const b2 = await s.dispatch('rules.classify', { chip: { name: 'Y', tpp: 1600, dieArea: 500 } })
    expect(b2).toMatchObject({ ok: true, value: { eccn: '3A090.b', paragraph: 'b.2' } })
    const bad = await s.dispatch('rules.classify', { chip: { name: 'X', tops: -1 } })
    expect(!bad.ok && bad.error.fields?.[0]?.path).toMatch(/^chip/)
    s.close()
  })
})
