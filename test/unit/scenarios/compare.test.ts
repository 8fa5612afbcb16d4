import { describe, expect, it } from 'vitest'
import { comparePacks } from '../../../electron/core/compare'
import { importBook } from '../../../electron/db/interchange'
import { openLedger } from '../../../electron/db/ledger'
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
    const again = createScenario(db, 'alice', {
      basedOn: 'us-ai-diffusion-2025',
      title: 'Lower LPP',
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
})
