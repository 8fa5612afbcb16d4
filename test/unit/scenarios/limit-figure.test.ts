import { describe, expect, it } from 'vitest'
import { openSession } from '../../../electron/core/session'
import { scenariosOps } from '../../../shared/ipc/ops/scenarios'
import { LIMIT_TPP_MAX, isLimitTpp, limitRule } from '../../../shared/scenarios/limit-figure'
import { tempLedgerPath } from '../helpers/temp-ledger'

const create = scenariosOps['scenarios.create'].input
const payload = (kind: 'lpp_limit' | 'allocation_limit', tpp: unknown) => ({
  basedOn: 'us-ai-diffusion-2025',
  title: 'Limit test',
  edits: [{ kind, tpp }],
})

describe('a scenario limit’s bound', () => {
  it('stays well inside exact integer arithmetic', () => {
    // Running totals add many limits and deal figures; a thousand of the largest stay exact.
    expect(LIMIT_TPP_MAX * 1000).toBeLessThan(Number.MAX_SAFE_INTEGER)
    expect(isLimitTpp(1)).toBe(true)
    expect(isLimitTpp(LIMIT_TPP_MAX)).toBe(true)
    for (const bad of [0, -1, 1.5, NaN, LIMIT_TPP_MAX + 1, Number.MAX_SAFE_INTEGER, 1e23])
      expect(isLimitTpp(bad), String(bad)).toBe(false)
  })

  it('names the field in the desk’s words', () => {
    expect(limitRule('lpp_limit')).toBe('LPP limit: a whole number of TPP from 1 to 1,000,000,000,000')
    expect(limitRule('allocation_limit')).toBe(
      'Country allocation: a whole number of TPP from 1 to 1,000,000,000,000',
    )
  })
})

describe('scenarios.create’s schema', () => {
  it('accepts a limit from 1 to the bound', () => {
    for (const tpp of [1, 400_000_000, LIMIT_TPP_MAX])
      expect(create.safeParse(payload('lpp_limit', tpp)).success, String(tpp)).toBe(true)
  })

  it('refuses what the form refuses, with one message naming the field', () => {
    // "abc" reaches the core as null (NaN in JSON).
    for (const tpp of [null, 'abc', 0, -5, 2.5, LIMIT_TPP_MAX + 1, Number.MAX_SAFE_INTEGER, 1e23]) {
      for (const kind of ['lpp_limit', 'allocation_limit'] as const) {
        const r = create.safeParse(payload(kind, tpp))
        expect(r.success, `${kind} ${tpp}`).toBe(false)
        expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
          ['edits.0.tpp', limitRule(kind)],
        ])
      }
    }
  })

  it('answers the window with the field’s message and stores nothing', async () => {
    const s = openSession({ ledgerPath: tempLedgerPath(), host: 'test' })
    const r = await s.dispatch('scenarios.create', payload('lpp_limit', 9_007_199_254_740_991))
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Invalid input — edits.0.tpp: LPP limit: a whole number of TPP from 1 to 1,000,000,000,000',
      },
    })
    expect(await s.dispatch('scenarios.list', {})).toMatchObject({ ok: true, value: [] })
    s.close()
  })
})
