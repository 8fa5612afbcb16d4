import { describe, expect, it } from 'vitest'
import { auditFor, verifyAuditChain } from '../../../electron/db/audit'
import { packHash } from '../../../electron/db/pack-hash'
import { createDraft, storedDeterminations, transition } from '../../../electron/db/projects'
import { allPacks, createScenario, listScenarios, renameScenario } from '../../../electron/db/scenarios'
import { stmt } from '../../../electron/db/statements'
import { openSession } from '../../../electron/core/session'
import { AppError } from '../../../shared/ipc/result'
import type { RulePack } from '../../../shared/rules/types'
import { lppDeal, openDesk } from '../ledger/helpers'
import { tempLedgerPath } from '../helpers/temp-ledger'

const early = {
  basedOn: 'us-ai-diffusion-2025',
  title: 'UAE A:5 early',
  edits: [
    {
      kind: 'group_change' as const,
      country: 'AE',
      group: 'A:5' as const,
      change: 'add' as const,
      date: '2025-02-01',
    },
  ],
}
const halved = {
  basedOn: 'us-ai-diffusion-2025',
  title: 'LPP halved',
  edits: [{ kind: 'lpp_limit' as const, tpp: 13_450_000 }],
}

/** The error a call throws, or fails the test when it does not throw. */
function thrown(fn: () => unknown): AppError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(AppError)
    return e as AppError
  }
  throw new Error('expected a refusal')
}

const rows = (db: Parameters<typeof listScenarios>[0]) =>
  stmt(db, 'SELECT * FROM scenario ORDER BY id').all() as Record<string, unknown>[]
const auditCount = (db: Parameters<typeof listScenarios>[0]) =>
  stmt(db, 'SELECT count(*) FROM audit_event').pluck().get() as number

describe('a scenario’s title', () => {
  it('is refused on create when another scenario has it, trimmed and in any case, and nothing is written', () => {
    const { db, alice } = openDesk()
    createScenario(db, alice, early)
    const before = { rows: rows(db), events: auditCount(db) }
    for (const title of ['UAE A:5 early', 'uae a:5 EARLY', '  UAE A:5 early  ', 'UAE  A:5\tearly']) {
      const e = thrown(() => createScenario(db, alice, { ...halved, title }))
      expect(e.code, title).toBe('conflict')
      expect(e.message).toBe(
        'The scenario “UAE A:5 early” (scn-uae-a-5-early) already has that title; give this scenario another.',
      )
      expect(e.fields).toEqual([
        { path: 'title', message: 'already the title of scenario scn-uae-a-5-early' },
      ])
    }
    expect({ rows: rows(db), events: auditCount(db) }).toEqual(before)
    // A different title is still made.
    expect(createScenario(db, alice, { ...early, title: 'UAE A:5 early (2)' }).id).toBe('scn-uae-a-5-early-2')
    db.close()
  })

  it('is refused on create when a built-in pack has it, as they share the pack lists', () => {
    const { db, alice } = openDesk()
    const builtIn = allPacks(db).find((p) => p.id === 'us-ai-diffusion-2025')!
    const e = thrown(() => createScenario(db, alice, { ...halved, title: builtIn.title.toUpperCase() }))
    expect(e.code).toBe('conflict')
    expect(e.message).toContain(`rule pack “${builtIn.title}” (us-ai-diffusion-2025)`)
    expect(e.fields).toEqual([
      { path: 'title', message: 'already the title of rule pack us-ai-diffusion-2025' },
    ])
    expect(listScenarios(db)).toEqual([])
    db.close()
  })

  it('is answered to the window as a refusal naming the title field', async () => {
    const s = openSession({ ledgerPath: tempLedgerPath(), host: 'test' })
    expect(await s.dispatch('scenarios.create', early)).toMatchObject({ ok: true })
    const again = await s.dispatch('scenarios.create', { ...halved, title: ' uae a:5 early ' })
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', fields: [{ path: 'title' }] } })
    const made = await s.dispatch('scenarios.create', halved)
    expect(made).toMatchObject({ ok: true, value: { id: 'scn-lpp-halved' } })
    const clash = await s.dispatch('scenarios.rename', { id: 'scn-lpp-halved', title: 'UAE A:5 EARLY' })
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict', fields: [{ path: 'title' }] } })
    const blank = await s.dispatch('scenarios.rename', { id: 'scn-lpp-halved', title: '   ' })
    expect(blank).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ path: 'title' }] } })
    const renamed = await s.dispatch('scenarios.rename', { id: 'scn-lpp-halved', title: '  LPP at half  ' })
    expect(renamed).toEqual({ ok: true, value: { id: 'scn-lpp-halved', title: 'LPP at half' } })
    s.close()
  })
})

describe('renaming a scenario', () => {
  it('changes only its title, in the list and the pack lists, and audits it', () => {
    const { db, alice, bob } = openDesk()
    createScenario(db, alice, early)
    const [before] = rows(db)
    const packBefore = JSON.parse(before!.pack as string) as Record<string, unknown>
    renameScenario(db, bob, { id: 'scn-uae-a-5-early', title: '  UAE in A:5 from February  ' })

    const [after] = rows(db)
    // The stored pack is untouched (rules, edits, citations and the title it was made with): only the
    // title the desk sees is new.
    expect(after).toEqual({ ...before, title: 'UAE in A:5 from February' })
    expect(JSON.parse(after!.pack as string)).toEqual(packBefore)
    expect(listScenarios(db).map((s) => [s.id, s.title])).toEqual([
      ['scn-uae-a-5-early', 'UAE in A:5 from February'],
    ])
    const pack = allPacks(db).find((p) => p.id === 'scn-uae-a-5-early')!
    expect(pack.title).toBe('UAE in A:5 from February')
    // Shown under the new title, hashed as stored: the hash names a pack the ledger still holds.
    expect(packHash(pack)).toBe(packHash(packBefore as unknown as RulePack))

    const events = auditFor(db, 'scenario', 'scn-uae-a-5-early')
    expect(events.map((e) => e.operation)).toEqual(['scenario.create', 'scenario.rename'])
    expect(events[1]).toMatchObject({
      actor: 'bob',
      before: { title: 'UAE A:5 early' },
      after: { title: 'UAE in A:5 from February' },
    })
    expect(verifyAuditChain(db).ok).toBe(true)
    db.close()
  })

  it('refuses a title another scenario has, in any case or spacing, but not its own in another case', () => {
    const { db, alice } = openDesk()
    createScenario(db, alice, early)
    createScenario(db, alice, halved)
    const before = { rows: rows(db), events: auditCount(db) }
    for (const title of ['LPP halved', 'lpp HALVED', ' LPP halved ', 'LPP   halved']) {
      const e = thrown(() => renameScenario(db, alice, { id: 'scn-uae-a-5-early', title }))
      expect(e.code, title).toBe('conflict')
      expect(e.fields).toEqual([{ path: 'title', message: 'already the title of scenario scn-lpp-halved' }])
    }
    expect(
      thrown(() =>
        renameScenario(db, alice, {
          id: 'scn-uae-a-5-early',
          title: 'AI diffusion framework as written (January 2025)',
        }),
      ).fields,
    ).toEqual([{ path: 'title', message: 'already the title of rule pack us-ai-diffusion-2025' }])
    expect(thrown(() => renameScenario(db, alice, { id: 'scn-nope', title: 'x' })).code).toBe('not_found')
    expect({ rows: rows(db), events: auditCount(db) }).toEqual(before)

    // Its own title in another case is a rename; the same title is no change and no event.
    renameScenario(db, alice, { id: 'scn-uae-a-5-early', title: 'UAE A:5 EARLY' })
    expect(listScenarios(db).find((s) => s.id === 'scn-uae-a-5-early')!.title).toBe('UAE A:5 EARLY')
    const events = auditCount(db)
    renameScenario(db, alice, { id: 'scn-uae-a-5-early', title: 'UAE A:5 EARLY' })
    expect(auditCount(db)).toBe(events)
    db.close()
  })

  it('is refused as the pack of a lifecycle step, and renaming it keeps the hash older records name it by', () => {
    const { db, alice } = openDesk()
    createScenario(db, alice, halved)
    const p = createDraft(db, alice, lppDeal())
    const written = () => ({
      events: auditCount(db),
      entries: stmt(db, 'SELECT count(*) FROM capacity_entry').pluck().get(),
      buckets: stmt(db, 'SELECT * FROM capacity_bucket').all(),
      status: stmt(db, 'SELECT status FROM project WHERE id = ?').pluck().get(p.id),
    })
    const before = written()
    const refusal = thrown(() =>
      transition(db, alice, { id: p.id, to: 'in_review', packId: 'scn-lpp-halved' }),
    )
    expect(refusal.code).toBe('invalid_input')
    expect(refusal.fields).toEqual([{ path: 'packId', message: 'a scenario cannot record a lifecycle step' }])
    expect(written()).toEqual(before)
    expect(before.status).toBe('draft')
    expect(storedDeterminations(db, p.id)).toEqual([])
    // Determinations an older build stored under a scenario name its rules by this hash.
    const hash = () => packHash(allPacks(db).find((x) => x.id === 'scn-lpp-halved')!)
    const recorded = hash()
    renameScenario(db, alice, { id: 'scn-lpp-halved', title: 'LPP at half' })
    expect(hash()).toBe(recorded)
    db.close()
  })
})
