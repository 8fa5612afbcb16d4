import { describe, expect, it } from 'vitest'
import { packHash } from '../../../electron/db/evaluation'
import {
  createDraft,
  getProject,
  storeDetermination,
  transition,
  updateDraft,
} from '../../../electron/db/projects'
import { getPack } from '../../../shared/rules/packs'
import { reevaluateBook } from '../../../electron/db/reevaluate'
import { createScenario } from '../../../electron/db/scenarios'
import type { ReportEnv } from '../../../electron/reports/header'
import { memoReport } from '../../../electron/reports/memo'
import { lppDeal, openDesk, type Desk } from '../ledger/helpers'

const envOf = (desk: Desk): ReportEnv => ({
  db: desk.db,
  ledgerPath: desk.path,
  appVersion: '0.1.0-test',
  actor: desk.alice,
  now: () => new Date('2025-03-20T10:00:00.000Z'),
})

/** D-100: 1,000 H100 to India under LPP, submitted by alice and approved by bob. */
function approvedDeal(desk: Desk) {
  createDraft(desk.db, desk.alice, { id: 'D-100', ...lppDeal() })
  transition(desk.db, desk.alice, { id: 'D-100', to: 'in_review' })
  transition(desk.db, desk.bob, { id: 'D-100', to: 'approved', reason: 'LPP allowance checked' })
}

describe('the determination a memo records', () => {
  it('is not a determination of an earlier version of the deal: an edited deal is evaluated for the print', () => {
    const desk = openDesk()
    createDraft(desk.db, desk.alice, { id: 'D-1', ...lppDeal() })
    transition(desk.db, desk.alice, { id: 'D-1', to: 'in_review' })
    transition(desk.db, desk.bob, { id: 'D-1', to: 'returned', reason: 'Quantity to be confirmed' })
    updateDraft(desk.db, desk.alice, {
      id: 'D-1',
      version: 1,
      ...lppDeal({ lines: [{ chip: 'H100', quantity: 400 }] }),
    })

    const memo = memoReport(envOf(desk), 'D-1')
    expect(memo.project.version).toBe(2)
    // The facts say 400 units; the determination printed beside them must be of those 400, not the
    // 1,000 submitted in version 1.
    expect(memo.lines.map((l) => l.quantity)).toEqual([400])
    expect(memo.determination.tpp).toBe(400 * 15_832)
    expect(memo.determinationSource).toBe('evaluated')
    expect(memo.stored).toBeNull()
    // The recorded determination of version 1 is named, not lost.
    expect(memo.setAside).toEqual([
      expect.objectContaining({ stage: 'submit', projectVersion: 1, why: 'earlier_version' }),
    ])
  })

  it('is not a what-if re-evaluation under a scenario: the reviewed determination stays the record', () => {
    const desk = openDesk()
    approvedDeal(desk)
    const scenario = createScenario(desk.db, desk.alice, {
      basedOn: 'us-ai-diffusion-2025',
      title: 'LPP at one million',
      edits: [{ kind: 'lpp_limit', tpp: 1_000_000 }],
    })
    const run = reevaluateBook(desk.db, desk.alice, scenario.id)
    expect(run.changed).toBe(1)

    const memo = memoReport(envOf(desk), 'D-100')
    expect(memo.determinationSource).toBe('stored')
    expect(memo.stored?.stage).toBe('approve')
    expect(memo.determination.packId).toBe('us-ai-diffusion-2025')
    expect(memo.determination.outcome).toBe('allowed')
    expect(memo.header.pack).toMatchObject({ id: 'us-ai-diffusion-2025', auto: true })
    expect(memo.reviewer).toMatchObject({ name: 'bob', decision: 'approved' })
    expect(memo.setAside).toEqual([
      expect.objectContaining({ stage: 'reevaluation', packId: scenario.id, why: 'scenario' }),
    ])
    expect(memo.setAside[0]!.outcome).not.toBe('allowed')
  })

  it('is not a re-evaluation under a pinned pack that is not in force on the deal date', () => {
    const desk = openDesk()
    // A licence to Malaysia under the diffusion framework; the 2026 pack would need none.
    createDraft(desk.db, desk.alice, {
      id: 'D-200',
      ...lppDeal({ destination: 'MY', consigneeHq: 'MY', authorization: 'LICENSE' }),
    })
    transition(desk.db, desk.alice, { id: 'D-200', to: 'in_review' })
    transition(desk.db, desk.bob, { id: 'D-200', to: 'approved', reason: 'Licence application to be filed' })
    const run = reevaluateBook(desk.db, desk.alice, 'us-advanced-computing-2026')
    expect(run.changed).toBe(1)

    const memo = memoReport(envOf(desk), 'D-200')
    expect(memo.stored?.stage).toBe('approve')
    expect(memo.determination).toMatchObject({ packId: 'us-ai-diffusion-2025', outcome: 'license_required' })
    expect(memo.setAside).toEqual([
      expect.objectContaining({
        stage: 'reevaluation',
        packId: 'us-advanced-computing-2026',
        outcome: 'allowed',
        why: 'not_in_force',
      }),
    ])
  })

  it('is a re-evaluation under the pack in force, the latest record of the deal as it stands', () => {
    const desk = openDesk()
    // D-050 holds most of the consignee's LPP allowance when D-060 is submitted, so D-060 needs a
    // licence; once D-050 is cancelled, re-evaluating under Auto records D-060 under LPP.
    createDraft(desk.db, desk.alice, {
      id: 'D-050',
      ...lppDeal({ plannedDate: '2025-03-05', lines: [{ chip: 'H100', quantity: 1200 }] }),
    })
    transition(desk.db, desk.alice, { id: 'D-050', to: 'in_review' })
    createDraft(desk.db, desk.alice, { id: 'D-060', ...lppDeal() })
    transition(desk.db, desk.alice, { id: 'D-060', to: 'in_review' })
    transition(desk.db, desk.bob, { id: 'D-050', to: 'cancelled', reason: 'Customer withdrew' })
    const run = reevaluateBook(desk.db, desk.alice, 'auto')
    expect(run.changed).toBeGreaterThan(0)

    const memo = memoReport(envOf(desk), 'D-060')
    expect(memo.determinationSource).toBe('stored')
    expect(memo.stored?.stage).toBe('reevaluation')
    expect(memo.determination.authorization).toBe('LPP')
    expect(memo.setAside).toEqual([])
  })

  it('says when the pack it was recorded under has changed since, instead of naming the new one as the old', () => {
    const desk = openDesk()
    approvedDeal(desk)
    const memo = memoReport(envOf(desk), 'D-100')
    expect(memo.packChanged).toBeNull()

    // The same determination recorded under an earlier content of the pack (a later build corrected it).
    const pack = getPack('us-ai-diffusion-2025')!
    const earlier = { ...pack, title: `${pack.title} (before a correction)` }
    storeDetermination(
      desk.db,
      desk.bob,
      getProject(desk.db, 'D-100'),
      'approve',
      memo.determination,
      earlier,
    )
    const later = memoReport(envOf(desk), 'D-100')
    expect(later.header.pack?.version).toBe(packHash(earlier).slice(0, 12))
    expect(later.packChanged).toEqual({ recorded: packHash(earlier), current: packHash(pack) })
  })
})
