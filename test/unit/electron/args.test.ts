import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseShellArgs, resolveLedgerPath } from '../../../electron/main/args'

describe('parseShellArgs', () => {
  it.each([
    [['/opt/Headroom/headroom'], null],
    [['/usr/bin/electron', '.', '--db', 'desk.sqlite'], 'desk.sqlite'],
    [['/opt/Headroom/headroom', '--db=/data/ledger.sqlite'], '/data/ledger.sqlite'],
    [['electron', 'out/main/index.js', '--no-sandbox', '--db', 'a b.sqlite', '--inspect'], 'a b.sqlite'],
    [['headroom', '--dbx', 'x'], null],
  ])('%j → %s', (argv, db) => {
    expect(parseShellArgs(argv)).toEqual({ ok: true, value: { db, sample: true } })
  })

  it('reads --no-sample anywhere among the switches', () => {
    expect(parseShellArgs(['headroom', '--no-sample', '--db', 'a.sqlite'])).toEqual({
      ok: true,
      value: { db: 'a.sqlite', sample: false },
    })
    expect(parseShellArgs(['electron', '.', '--no-sample'])).toEqual({
      ok: true,
      value: { db: null, sample: false },
    })
  })

  it('reads --job-pace-ms as a whole number of milliseconds', () => {
    expect(parseShellArgs(['electron', '.', '--job-pace-ms', '100'])).toEqual({
      ok: true,
      value: { db: null, sample: true, jobPaceMs: 100 },
    })
    expect(parseShellArgs(['electron', '.', '--job-pace-ms=0'])).toEqual({
      ok: true,
      value: { db: null, sample: true, jobPaceMs: 0 },
    })
    for (const bad of [['--job-pace-ms'], ['--job-pace-ms', 'x'], ['--job-pace-ms=-5']]) {
      const result = parseShellArgs(['electron', '.', ...bad])
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.message).toMatch(/--job-pace-ms/)
    }
  })

  it.each([
    [['headroom', '--db']],
    [['headroom', '--db', '']],
    [['headroom', '--db', '--inspect']],
    [['headroom', '--db=']],
    [['headroom', '--db', 'a.sqlite', '--db=b.sqlite']],
  ])('refuses %j', (argv) => {
    const result = parseShellArgs(argv)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(/--db/)
  })
})

describe('resolveLedgerPath', () => {
  const cwd = resolve('/home/desk/work')
  const userData = resolve('/home/desk/.config/Headroom')

  it('defaults to ledger.sqlite in userData', () => {
    expect(resolveLedgerPath({ db: null, sample: true }, cwd, userData)).toBe(join(userData, 'ledger.sqlite'))
  })
  it('resolves a relative --db against the working folder', () => {
    expect(resolveLedgerPath({ db: 'desk.sqlite', sample: true }, cwd, userData)).toBe(
      join(cwd, 'desk.sqlite'),
    )
  })
  it('keeps an absolute --db', () => {
    const abs = resolve('/data/ledger.sqlite')
    expect(resolveLedgerPath({ db: abs, sample: true }, cwd, userData)).toBe(abs)
  })
})
