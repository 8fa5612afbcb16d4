import { describe, expect, it } from 'vitest'
import { comparePacks } from '../../../electron/core/compare'
import { importBook } from '../../../electron/db/interchange'
import { openLedger } from '../../../electron/db/ledger'
import { listProjects } from '../../../electron/db/projects'
import { loadSamplePortfolio } from '../../../electron/sample/load-sample'
import { allPacks, createScenario, deleteScenario, listScenarios } from '../../../electron/db/scenarios'
import { verifyAuditChain } from '../../../electron/db/audit'
import { AppError } from '../../../shared/ipc/result'
import { tempLedgerPath } from '../helpers/temp-ledger'

const book = {
  deals: [
    {
      id: 'in-1',
      date: '2025-03-01',
      consignee: 'Pune Research',
      consigneeHq: 'IN',
      parentHq: null,
      destination: 'IN',
      lines: [{ chip: 'H100 SXM', quantity: 1000 }],
      authorization: 'LPP',
    },
    {
      id: 'de-1',
      date: '2025-03-02',
      consignee: 'Berlin Compute GmbH',
      consigneeHq: 'DE',
      parentHq: null,
      destination: 'DE',
      lines: [{ chip: 'H100 SXM', quantity: 100 }],
    },
  ],
}

function ledgerWithBook() {
  const db = openLedger(tempLedgerPath())
  const result = importBook(db, JSON.stringify(book), 'alice', { format: 'json' })
  expect(result.errors ?? []).toEqual([])
  return db
}

describe('scenarios and comparison', () => {
  it('stores a scenario, offers it as a pack, audits it, and deletes it', () => {
    const db = ledgerWithBook()
    const pack = createScenario(db, 'alice', {
      basedOn: 'us-ai-diffusion-2025',
      title: 'Lower LPP',
      edits: [{ kind: 'lpp_limit', tpp: 10_000_000 }],
    })
    expect(pack.id).toBe('scn-lower-lpp')
    expect(allPacks(db).map((p) => p.id)).toContain('scn-lower-lpp')
    // Another title (one title is one scenario) with the same slug: the id is made unique.
    const again = createScenario(db, 'alice', {
      basedOn: 'us-ai-diffusion-2025',
      title: 'Lower LPP!',
      edits: [{ kind: 'lpp_limit', tpp: 1 }],
    })
    expect(again.id).toBe('scn-lower-lpp-2')
    expect(listScenarios(db).map((s) => s.id)).toEqual(['scn-lower-lpp', 'scn-lower-lpp-2'])
    deleteScenario(db, 'bob', 'scn-lower-lpp-2')
    expect(listScenarios(db)).toHaveLength(1)
    expect(verifyAuditChain(db).ok).toBe(true)
    db.close()
  })

  it('refuses an invalid scenario and writes nothing', () => {
    const db = ledgerWithBook()
    expect(() =>
      createScenario(db, 'alice', {
        basedOn: 'us-advanced-computing-2026',
        title: 'Bad',
        edits: [{ kind: 'lpp_limit', tpp: 5 }],
      }),
    ).toThrow(AppError)
    expect(listScenarios(db)).toHaveLength(0)
    db.close()
  })

  it('compares the book under a pack and a scenario, deal by deal', () => {
    const db = ledgerWithBook()
    createScenario(db, 'alice', {
      basedOn: 'us-ai-diffusion-2025',
      title: 'Lower LPP',
      edits: [{ kind: 'lpp_limit', tpp: 10_000_000 }],
    })
    const result = comparePacks(db, {
      left: 'us-ai-diffusion-2025',
      right: 'scn-lower-lpp',
      includeClosed: false,
    })
    expect(result.total).toBe(2)
    const india = result.rows.find((r) => r.dealId === 'in-1')!
    expect(india.left.authorization).toBe('LPP')
    expect(india.right.authorization).toBe('LICENSE')
    expect(india.changed).toContain('authorization')
    const germany = result.rows.find((r) => r.dealId === 'de-1')!
    expect(germany.changed).toEqual([])
    expect(result.changedCount).toBe(1)
    expect(result.outcomes.left.allowed).toBe(2)
    db.close()
  })

  it('compares the diffusion framework with the enforced regime', () => {
    const db = ledgerWithBook()
    const result = comparePacks(db, {
      left: 'us-ai-diffusion-2025',
      right: 'us-advanced-computing-2025-05',
      includeClosed: false,
    })
    const india = result.rows.find((r) => r.dealId === 'in-1')!
    expect(india.left.tier).toBe(2)
    expect(india.right.tier).toBeNull()
    expect(india.right.licenseRequired).toBe(false)
    db.close()
  })

  it('keeps closed deals in the running state when they are not listed, as the ledger counts them', () => {
    const db = openLedger(tempLedgerPath())
    loadSamplePortfolio(db, 'desk.officer')
    const diffusion = 'us-ai-diffusion-2025'
    const ledger = new Map(listProjects(db, { limit: 1000, packId: diffusion }).rows.map((r) => [r.id, r]))
    // SMPL-25-001 (closed) holds licence D900101 for 379,968,000 TPP to Malaysia: it still counts
    // against Malaysia's allocation, so SMPL-25-023 after it is likely denied, as the ledger says.
    expect(ledger.get('SMPL-25-023')?.outcome).toBe('likely_denied')
    const unticked = comparePacks(db, {
      left: diffusion,
      right: 'us-advanced-computing-2025-05',
      includeClosed: false,
    })
    expect(unticked.rows.map((r) => r.dealId)).not.toContain('SMPL-25-001')
    const row = unticked.rows.find((r) => r.dealId === 'SMPL-25-023')!
    expect(row.left.outcome).toBe(ledger.get('SMPL-25-023')!.outcome)
    expect(row.left.reviewPolicy).toBe('policy_of_denial')
    // Listing the closed deals changes which rows are listed, never a listed deal's answer.
    const ticked = comparePacks(db, {
      left: diffusion,
      right: 'us-advanced-computing-2025-05',
      includeClosed: true,
    })
    expect(ticked.rows.map((r) => r.dealId)).toContain('SMPL-25-001')
    for (const r of unticked.rows)
      expect(
        ticked.rows.find((t) => t.dealId === r.dealId),
        r.dealId,
      ).toEqual(r)
    db.close()
  })

  it('keeps rejected and cancelled deals out of the running state', () => {
    const big = { consignee: 'Pune Research', consigneeHq: 'IN', parentHq: null, destination: 'IN' }
    const deals = (status: string) => [
      { id: 'in-0', date: '2025-03-01', ...big, lines: [{ chip: 'H100 SXM', quantity: 1500 }], status },
      {
        id: 'in-1',
        date: '2025-03-02',
        ...big,
        lines: [{ chip: 'H100 SXM', quantity: 1000 }],
        status: 'in_review',
      },
    ]
    const outcomeOfIn1 = (status: string) => {
      const ledger = openLedger(tempLedgerPath())
      importBook(ledger, JSON.stringify({ deals: deals(status) }), 'alice', { format: 'json' })
      const result = comparePacks(ledger, {
        left: 'us-ai-diffusion-2025',
        right: 'us-advanced-computing-2025-05',
        includeClosed: true,
      })
      ledger.close()
      return result.rows.find((r) => r.dealId === 'in-1')!.left
    }
    // Approved, the first deal uses the consignee's LPP allowance and the second needs a licence;
    // rejected or cancelled, it holds nothing and the second goes under LPP.
    expect(outcomeOfIn1('approved').authorization).toBe('LICENSE')
    expect(outcomeOfIn1('rejected').authorization).toBe('LPP')
    expect(outcomeOfIn1('cancelled').authorization).toBe('LPP')
  })

  it('counts deals whose answer differs, not deals that differ only in tier', () => {
    const db = openLedger(tempLedgerPath())
    loadSamplePortfolio(db, 'desk.officer')
    const result = comparePacks(db, {
      left: 'us-ai-diffusion-2025',
      right: 'us-advanced-computing-2025-05',
      includeClosed: false,
    })
    const answer = (s: (typeof result.rows)[number]['left']) =>
      [s.outcome, s.licenseRequired, s.authorization, s.reviewPolicy].join('|')
    const differ = result.rows.filter((r) => answer(r.left) !== answer(r.right))
    expect(result.changedCount).toBe(differ.length)
    expect(result.rows.filter((r) => r.changed.length > 0)).toEqual(differ)
    // Tier 2 under the framework, no tier under the enforced regime, same answer: not a change.
    const tierOnly = result.rows.filter((r) => r.left.tier !== r.right.tier && r.changed.length === 0)
    expect(tierOnly.length).toBeGreaterThan(0)
    // A change in review policy alone is named.
    const policy = result.rows.find((r) => r.dealId === 'SMPL-26-033')!
    expect(policy.changed).toEqual(['outcome', 'reviewPolicy'])
    expect([policy.left.reviewPolicy, policy.right.reviewPolicy]).toEqual([
      'policy_of_denial',
      'presumption_of_approval',
    ])
    db.close()
  })
})
