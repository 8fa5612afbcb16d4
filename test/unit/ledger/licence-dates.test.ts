import { describe, expect, it } from 'vitest'
import { openSession } from '../../../electron/core/session'
import { importBook } from '../../../electron/db/interchange'
import { createLicence } from '../../../electron/db/licences'
import { createDraft, transition } from '../../../electron/db/projects'
import { lppDeal, openDesk } from './helpers'

/**
 * A licence cannot expire before it was issued: the ledger refuses such dates wherever a licence is
 * recorded (the licences op, the licensed step, a book's licences), naming the field, and writes
 * nothing. The Record licence dialog checks the same before sending; the ledger stays the authority.
 */
const backwards = { issuedOn: '2025-06-01', expiresOn: '2025-05-31' }

describe('a licence expiring before its issue date', () => {
  it('is refused by licences.create, naming expiresOn, and nothing is recorded', async () => {
    const { path, db } = openDesk()
    db.close()
    const session = openSession({ ledgerPath: path, host: 'test', actor: 'alice' })
    try {
      const r = await session.dispatch('licences.create', {
        number: 'L-BACK-1',
        authorizedTpp: 1_000_000,
        authorizedUnits: 10,
        ...backwards,
      })
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', fields: [{ path: 'expiresOn' }] },
      })
      expect(await session.dispatch('licences.get', { number: 'L-BACK-1' })).toMatchObject({ ok: false })
      // Issued and expiring on the same day is a (short) licence, not an error.
      const sameDay = await session.dispatch('licences.create', {
        number: 'L-DAY-1',
        authorizedTpp: 1_000_000,
        authorizedUnits: 10,
        issuedOn: '2025-06-01',
        expiresOn: '2025-06-01',
      })
      expect(sameDay.ok).toBe(true)
    } finally {
      session.close()
    }
  })

  it('is refused at the licensed step, naming licence.expiresOn; the deal stays approved', async () => {
    const desk = openDesk()
    const p = createDraft(desk.db, desk.alice, lppDeal({ authorization: 'LICENSE' }))
    transition(desk.db, desk.alice, { id: p.id, to: 'in_review' })
    transition(desk.db, desk.bob, { id: p.id, to: 'approved', reason: 'checked' })
    desk.db.close()
    const session = openSession({ ledgerPath: desk.path, host: 'test', actor: 'bob' })
    try {
      const r = await session.dispatch('projects.transition', {
        id: p.id,
        to: 'licensed',
        licence: { number: 'L-BACK-2', ...backwards },
      })
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', fields: [{ path: 'licence.expiresOn' }] },
      })
      expect(await session.dispatch('licences.get', { number: 'L-BACK-2' })).toMatchObject({ ok: false })
      expect(await session.dispatch('projects.get', { id: p.id })).toMatchObject({
        ok: true,
        value: { project: { status: 'approved' } },
      })
    } finally {
      session.close()
    }
  })

  it('is refused by the one function that writes licences, whoever calls it', () => {
    const { db, alice } = openDesk()
    expect(() =>
      createLicence(db, alice, { number: 'L-BACK-4', authorizedTpp: 1, authorizedUnits: 1, ...backwards }),
    ).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        fields: [expect.objectContaining({ path: 'expiresOn' })],
      }),
    )
    expect(db.prepare('SELECT count(*) FROM licence').pluck().get()).toBe(0)
  })

  it('in a deal book refuses the whole import, naming the licence field', () => {
    const { db, alice } = openDesk()
    const book = {
      licences: [{ number: 'L-BACK-3', authorizedTpp: 9_000_000, authorizedUnits: 100, ...backwards }],
      deals: [
        {
          id: 'BACK-1',
          date: '2025-06-10',
          consignee: 'Acme Cloud India',
          consigneeHq: 'IN',
          parentHq: null,
          destination: 'IN',
          lines: [{ chip: 'H100', quantity: 10 }],
        },
      ],
    }
    const r = importBook(db, JSON.stringify(book), alice)
    expect(r.imported).toBe(0)
    expect(r.errors).toEqual([expect.objectContaining({ field: 'licences.0.expiresOn' })])
    expect(db.prepare('SELECT count(*) FROM project').pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM licence').pluck().get()).toBe(0)
  })
})
