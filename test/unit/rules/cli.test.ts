import { describe, expect, it } from 'vitest'
import { main } from '../../../electron/cli/main'
import { fixture } from './helpers'

async function run(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('headroom CLI (rules)', () => {
  it('packs lists ids, effective dates and status', async () => {
    const r = await run('packs', '--format', 'json')
    expect(r.code).toBe(0)
    const { packs } = JSON.parse(r.out) as { packs: { id: string; effectiveDate: string; status: string }[] }
    expect(packs.map((p) => p.id)).toEqual([
      'us-ai-diffusion-2025',
      'us-advanced-computing-2025-05',
      'us-advanced-computing-2026',
    ])
  })

  it('classify by chip, by TPP and die area, and by TOPS and bit length', async () => {
    expect(JSON.parse((await run('classify', '--chip', 'H100')).out)).toMatchObject({
      tpp: 15832,
      eccn: '3A090.a',
      paragraph: 'a.1',
      h100e: 1,
    })
    expect(JSON.parse((await run('classify', '--tpp', '3000', '--die-area', '1000')).out)).toMatchObject({
      performanceDensity: 3,
      eccn: '3A090.b',
      paragraph: 'b.1',
    })
    expect(
      JSON.parse((await run('classify', '--tops', '200', '--bit-length', '8', '--die-area', '100')).out),
    ).toMatchObject({ tpp: 1600, eccn: '3A090.a', paragraph: 'a.2' })
    expect((await run('classify', '--chip', 'nonexistent')).code).toBe(2)
    expect((await run('classify', '--tpp', '3000')).code).toBe(2)
  })

  it('evaluate prints determinations JSON v1', async () => {
    const r = await run(
      'evaluate',
      fixture('advanced-computing-2026-golden.json'),
      '--pack',
      'us-advanced-computing-2026',
    )
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.out) as {
      version: number
      determinations: { dealId: string; outcome: string }[]
    }
    expect(doc.version).toBe(1)
    expect(doc.determinations.find((d) => d.dealId === 'h200-china-certified')!.outcome).toBe(
      'license_required',
    )
  })

  it('evaluate --format table and auto pack on CSV', async () => {
    const r = await run('evaluate', fixture('mixed.csv'), '--format', 'table')
    expect(r.code).toBe(0)
    expect(r.out.split('\n')[0]).toMatch(/^DEAL\s+DATE\s+PACK/)
  })

  it('invalid books exit 2 naming row and field; unknown pack exits 2', async () => {
    const r = await run('evaluate', fixture('invalid.csv'))
    expect(r.code).toBe(2)
    expect(r.err).toContain('row 3, field date')
    expect(r.err).toContain('row 4, field quantity')
    expect((await run('evaluate', fixture('mixed.csv'), '--pack', 'nope')).code).toBe(2)
    expect((await run('evaluate', 'missing.json')).code).toBe(2)
  })
})
