import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openSession } from '../../../electron/core/session'
import { backupsFolder, defaultBackupPath, listBackups } from '../../../electron/db/ledger-files'
import type { BackupFile, BackupResult, LedgerStatus, RestoreResult } from '../../../shared/domain/ledger'
import type { Result } from '../../../shared/ipc/result'
import portfolio from '../../../electron/sample/portfolio.json'
import { tempDir } from '../helpers/temp-ledger'

const value = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as T
}

describe('backups folder beside the ledger', () => {
  it('names a new timestamped file in <ledger folder>/backups and never an existing one', () => {
    const dir = tempDir()
    const ledger = join(dir, 'desk.sqlite')
    const now = new Date('2026-11-27T01:15:14.123Z')
    const first = defaultBackupPath(ledger, now)
    expect(first).toBe(join(dir, 'backups', 'desk-2026-11-27T01-15-14-123Z.sqlite'))
    writeFileSync(first, 'x')
    expect(defaultBackupPath(ledger, now)).toBe(
      join(dir, 'backups', 'desk-2026-11-27T01-15-14-123Z-2.sqlite'),
    )
    expect(() => backupsFolder(':memory:')).toThrow(expect.objectContaining({ code: 'invalid_input' }))
  })

  it('lists only .sqlite files, newest first, and nothing when the folder is missing', () => {
    const dir = tempDir()
    const ledger = join(dir, 'ledger.sqlite')
    expect(listBackups(ledger)).toEqual([])
    const folder = join(dir, 'backups')
    mkdirSync(folder)
    writeFileSync(join(folder, 'old.sqlite'), 'ab')
    writeFileSync(join(folder, 'new.sqlite'), 'abc')
    writeFileSync(join(folder, 'notes.txt'), 'not a backup')
    utimesSync(join(folder, 'old.sqlite'), new Date('2026-01-01'), new Date('2026-01-01'))
    utimesSync(join(folder, 'new.sqlite'), new Date('2026-02-01'), new Date('2026-02-01'))
    expect(listBackups(ledger)).toEqual<BackupFile[]>([
      {
        name: 'new.sqlite',
        path: join(folder, 'new.sqlite'),
        bytes: 3,
        modifiedAt: '2026-02-01T00:00:00.000Z',
      },
      {
        name: 'old.sqlite',
        path: join(folder, 'old.sqlite'),
        bytes: 2,
        modifiedAt: '2026-01-01T00:00:00.000Z',
      },
    ])
  })
})

describe('ledger actions through the contract (the Ledger screen and the File menu call these)', () => {
  it('backs up into the backups folder, lists it, removes the sample, restores it and refuses a damaged copy', async () => {
    const dir = tempDir()
    const ledgerPath = join(dir, 'ledger.sqlite')
    const session = openSession({ ledgerPath, host: 'test', actor: 'desk.officer', sample: true })
    try {
      const before = value<LedgerStatus>(await session.dispatch('ledger.status', {}))
      expect(before).toMatchObject({
        path: ledgerPath,
        fileName: 'ledger.sqlite',
        backupsFolder: join(dir, 'backups'),
      })
      expect(before.sample.projects).toBe(portfolio.deals.length)
      expect(before.sample.parties).toBeGreaterThan(0)
      expect(before.sample.users).toHaveLength(2)

      // Not onto the ledger itself (a save dialog or a typed path can name it).
      for (const path of [ledgerPath, `${ledgerPath}-wal`]) {
        expect(await session.dispatch('ledger.backup', { path })).toMatchObject({
          ok: false,
          error: { code: 'invalid_input', message: expect.stringContaining('another file than the ledger') },
        })
      }

      const backup = value<BackupResult>(await session.dispatch('ledger.backup', {}))
      expect(backup.path.startsWith(join(dir, 'backups'))).toBe(true)
      expect(value<BackupFile[]>(await session.dispatch('ledger.backups', {})).map((b) => b.path)).toEqual([
        backup.path,
      ])

      const removed = value<{ projects: number; parties: number; actingAs: string | null }>(
        await session.dispatch('ledger.removeSample', {}),
      )
      expect(removed).toEqual({
        projects: before.sample.projects,
        parties: before.sample.parties,
        actingAs: null,
      })
      const after = value<LedgerStatus>(await session.dispatch('ledger.status', {}))
      expect(after.sample).toEqual({
        projects: 0,
        parties: 0,
        chips: 0,
        licences: 0,
        installedBase: 0,
        users: [],
      })

      const damaged = join(dir, 'backups', 'damaged.sqlite')
      const bytes = readFileSync(backup.path)
      writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)))
      const refused = await session.dispatch('ledger.restore', { path: damaged })
      expect(refused).toMatchObject({ ok: false, error: { code: 'corrupt' } })
      expect(value<LedgerStatus>(await session.dispatch('ledger.status', {})).sample.projects).toBe(0)

      value<RestoreResult>(await session.dispatch('ledger.restore', { path: backup.path }))
      expect(value<LedgerStatus>(await session.dispatch('ledger.status', {})).sample).toEqual(before.sample)
    } finally {
      session.close()
    }
  })
})

/** A deal for real work after the sample is gone. */
const REAL_DRAFT = {
  name: 'Real deal',
  consignee: 'Real Co',
  plannedDate: '2026-12-01',
  lines: [{ chip: 'H100', quantity: 8 }],
}

/** A first start as desk.officer in `dir`, with the sample portfolio and its two desk users. */
const deskWithSample = (dir: string) =>
  openSession({ ledgerPath: join(dir, 'ledger.sqlite'), host: 'test', actor: 'desk.officer', sample: true })

describe("removing the sample while acting as one of the sample's users", () => {
  it('returns the session to its own user, records the switch, and refuses work under a deactivated name', async () => {
    const dir = tempDir()
    const session = deskWithSample(dir)
    try {
      value(await session.dispatch('users.switch', { name: 'm.lindqvist' }))
      const removed = value<{ actingAs: string | null }>(await session.dispatch('ledger.removeSample', {}))
      expect(removed.actingAs).toBe('desk.officer')
      // The session user had never written, so it is registered (as a preparer) on the way back.
      expect(
        value<{ name: string; registered: boolean }>(await session.dispatch('users.current', {})),
      ).toEqual(expect.objectContaining({ name: 'desk.officer', registered: true }))
      const events = value<{ rows: Array<{ operation: string; actor: string }> }>(
        await session.dispatch('audit.list', { limit: 5 }),
      ).rows
      const ops = events.map((e) => `${e.operation} by ${e.actor}`)
      expect(ops).toEqual(
        expect.arrayContaining(['ledger.removeSample by m.lindqvist', 'user.switch by m.lindqvist']),
      )

      // A deactivated user cannot act: switching to them is refused, and so is a write in their name.
      expect(await session.dispatch('users.switch', { name: 'a.okafor' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      })
      const stale = openSession({ ledgerPath: join(dir, 'ledger.sqlite'), host: 'test', actor: 'a.okafor' })
      try {
        expect(await stale.dispatch('projects.createDraft', REAL_DRAFT)).toMatchObject({
          ok: false,
          error: { code: 'forbidden', message: expect.stringContaining('no longer active') },
        })
      } finally {
        stale.close()
      }
    } finally {
      session.close()
    }
  })

  it('a restore that brings back a deactivated acting user returns the session to its own user', async () => {
    const dir = tempDir()
    const session = deskWithSample(dir)
    try {
      const withSample = value<BackupResult>(await session.dispatch('ledger.backup', {})).path
      value(await session.dispatch('users.switch', { name: 'm.lindqvist' }))
      value(await session.dispatch('ledger.removeSample', {}))
      const withoutSample = value<BackupResult>(await session.dispatch('ledger.backup', {})).path
      // Back to the ledger with the sample, acting as its reviewer again…
      value(await session.dispatch('ledger.restore', { path: withSample }))
      value(await session.dispatch('users.switch', { name: 'm.lindqvist' }))
      // …then to the one where the reviewer was deactivated.
      const restored = value<RestoreResult>(await session.dispatch('ledger.restore', { path: withoutSample }))
      expect(restored.actingAs).toBe('desk.officer')
      expect(value<{ name: string }>(await session.dispatch('users.current', {})).name).toBe('desk.officer')
      const rows = value<{ rows: Array<{ operation: string; actor: string }> }>(
        await session.dispatch('audit.list', { limit: 3 }),
      ).rows
      expect(rows.map((r) => `${r.operation} by ${r.actor}`)).toContain('user.switch by m.lindqvist')
    } finally {
      session.close()
    }
  })

  it('while a session acts as a deactivated user, every write but the ways out is refused', async () => {
    const dir = tempDir()
    const ledgerPath = join(dir, 'ledger.sqlite')
    const first = openSession({ ledgerPath, host: 'test', actor: 'desk.officer', sample: true })
    value(await first.dispatch('ledger.removeSample', {}))
    first.close()
    // A second session on the file, as the sample's (now deactivated) preparer.
    const stale = openSession({ ledgerPath, host: 'test', actor: 'a.okafor' })
    try {
      const before = value<{ headHash: string }>(await stale.dispatch('ledger.fingerprint', {}))
      for (const [op, input] of [
        ['parties.upsert', { name: 'Real Co', hq: 'DE' }],
        ['ledger.import', { format: 'json', text: JSON.stringify({ deals: [] }) }],
        ['ledger.backup', {}],
      ] as const) {
        expect(await stale.dispatch(op, input), op).toMatchObject({
          ok: false,
          error: {
            code: 'forbidden',
            message: 'a.okafor is no longer active on the desk: choose who you act as.',
          },
        })
      }
      expect(value<{ headHash: string }>(await stale.dispatch('ledger.fingerprint', {}))).toEqual(before)
      // The ways out stay open: adding a user and switching to them.
      value(await stale.dispatch('users.create', { name: 'j.doe', role: 'preparer' }))
      value(await stale.dispatch('users.switch', { name: 'j.doe' }))
      expect(value(await stale.dispatch('parties.upsert', { name: 'Real Co', hq: 'DE' }))).toMatchObject({
        name: 'Real Co',
      })
    } finally {
      stale.close()
    }
  })

  it("never makes the session's own user one of the sample's users", async () => {
    const session = openSession({
      ledgerPath: join(tempDir(), 'ledger.sqlite'),
      host: 'test',
      actor: 'a.okafor',
      sample: true,
    })
    try {
      expect(value<LedgerStatus>(await session.dispatch('ledger.status', {})).sample.users).toEqual([
        'M. Lindqvist (sample reviewer)',
      ])
      value(await session.dispatch('ledger.removeSample', {}))
      expect(value(await session.dispatch('projects.createDraft', REAL_DRAFT))).toMatchObject({
        preparer: 'a.okafor',
      })
    } finally {
      session.close()
    }
  })
})
