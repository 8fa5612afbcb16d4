import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openSession } from '../../../electron/core/session'
import { tempLedgerPath } from '../helpers/temp-ledger'
import { lppDeal } from './helpers'

/**
 * More than one program on one ledger file: the window and the CLI, a browser host, the import
 * thread, or a newer build of Headroom. Each runs its own connection; none may record something
 * wrong, lose what another recorded, or tell the desk a wrong figure because another wrote.
 */

const draft = { ...lppDeal(), id: 'OTHER-1', name: 'Recorded while another program has the file' }

describe('a write while another program holds the write lock for longer than the busy timeout', () => {
  it('is answered busy, saying another program is writing, not internal', async () => {
    const path = tempLedgerPath()
    const session = openSession({ ledgerPath: path, host: 'test', actor: 'alice' })
    session.ledger.pragma('busy_timeout = 100')
    const holder = new Database(path)
    holder.exec('BEGIN IMMEDIATE')
    try {
      const answer = await session.dispatch('projects.createDraft', draft)
      expect(answer).toEqual({
        ok: false,
        error: { code: 'busy', message: expect.stringMatching(/another program/i) },
      })
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
    expect(await session.dispatch('projects.createDraft', draft)).toMatchObject({ ok: true })
    session.close()
  })
})
