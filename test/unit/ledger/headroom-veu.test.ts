import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { headroomBuckets, headroomHistory, headroomOf, veuSnapshot } from '../../../electron/db/capacity'
import { evaluateAgainstLedger } from '../../../electron/db/evaluation'
import { importBook } from '../../../electron/db/interchange'
import { openLedger, type Ledger } from '../../../electron/db/ledger'
import { getPartyByName, recordInstalledBase, upsertParty } from '../../../electron/db/parties'
import { getProject, toDeal } from '../../../electron/db/projects'
import { ensureSampleOnFirstStart } from '../../../electron/sample/load-sample'
import type { HeadroomRow } from '../../../shared/domain/headroom'
import type { Deal } from '../../../shared/rules/types'
import { tempLedgerPath } from '../helpers/temp-ledger'

/**
 * NVEU caps are on the cumulative installed base per NVEU per country (15 CFR 748.15(a)(2)(iii)(B)).
 * The sample portfolio records 400M TPP installed for NVEU-IN-0007 in India, then ships 10,000 H100
 * (158.32M TPP) in 2025-Q1 and 20,000 H200 (316.64M TPP) in 2025-Q2.
 */

const Q1 = 'nveu:NVEU-IN-0007:IN:2025-Q1'
const Q2 = 'nveu:NVEU-IN-0007:IN:2025-Q2'
const used = (r: HeadroomRow) => r.installedBase + r.committed + r.reserved

/** A new NVEU deal for Kaveri (the sample's NVEU party) in India. */
const nveuDeal = (date: string, quantity = 1000): Deal => ({
  id: 'TEST-NVEU',
  date,
  consignee: 'Kaveri Compute Parks Pvt Ltd',
  destination: 'IN',
  lines: [{ chip: 'nvidia-h100-sxm', quantity }],
  authorization: 'NVEU',
})

function nveuCap(db: Ledger, deal: Deal, excludeProject?: string) {
  const { determination } = evaluateAgainstLedger(db, deal, { excludeProject })
  const cap = determination.caps.find((c) => c.kind === 'nveu')
  expect(cap, JSON.stringify(determination.caps)).toBeDefined()
  return cap!
}

let db: Ledger
beforeAll(() => {
  db = openLedger(tempLedgerPath())
  ensureSampleOnFirstStart(db, { created: true, actor: 'desk.officer' })
})
afterAll(() => db.close())

describe('NVEU headroom counts the recorded installed base', () => {
  it('shows India 2025-Q1 for NVEU-IN-0007 at 633M cap − 400M installed − 158.32M shipped', () => {
    const q1 = headroomOf(db, Q1)!
    expect(q1).toMatchObject({
      limit: 633_000_000,
      installedBase: 400_000_000,
      committed: 158_320_000,
      reserved: 0,
      remaining: 74_680_000,
      pctUsed: 88.2,
      alertLevel: '80',
    })
    expect(headroomBuckets(db, { kind: 'nveu', country: 'IN' }).find((r) => r.bucket === Q1)).toEqual(q1)
  })

  it('accumulates: the 2025-Q2 row starts from the base plus the Q1 shipment', () => {
    expect(headroomOf(db, Q2)).toMatchObject({
      limit: 949_500_000,
      installedBase: 558_320_000,
      committed: 316_640_000,
      remaining: 949_500_000 - 558_320_000 - 316_640_000,
    })
  })

  it("counts a UVEU's recorded base in its country deployment rows (no TPP limit there)", () => {
    expect(headroomOf(db, 'uveu:UVEU-US-0003:IN')).toMatchObject({
      installedBase: 60_000_000,
      limit: null,
      remaining: null,
    })
    expect(headroomOf(db, 'uveu:UVEU-US-0003:IE')).toMatchObject({ installedBase: 310_000_000 })
    // Other kinds have none.
    for (const r of headroomBuckets(db))
      if (r.kind !== 'nveu' && r.kind !== 'uveu_country') expect(r.installedBase, r.bucket).toBe(0)
  })

  it('history points subtract the installed base too', () => {
    const h = headroomHistory(db, Q1)
    expect(h.points.at(-1)!.remaining).toBe(h.bucket.remaining)
  })
})

describe('the rule engine and the headroom board agree', () => {
  it("a new deal's NVEU cap effect starts from the headroom row's used figure, in each quarter", () => {
    for (const [date, bucket] of [
      ['2025-03-20', Q1],
      ['2025-05-10', Q2],
    ] as const) {
      const row = headroomOf(db, bucket)!
      const cap = nveuCap(db, nveuDeal(date))
      expect(cap.bucket).toBe(bucket)
      expect(cap.limit).toBe(row.limit)
      expect(cap.before).toBe(used(row))
      expect(Math.round(cap.limit - cap.before)).toBe(row.remaining)
    }
  })

  it("re-evaluating a deal in the ledger leaves out its own holding, and the board's figures otherwise", () => {
    const q1 = headroomOf(db, Q1)!
    const cap = nveuCap(db, { ...nveuDeal('2025-02-24', 10_000), id: 'SMPL-25-007' }, 'SMPL-25-007')
    expect(cap.before).toBe(used(q1) - q1.committed)
    expect(cap.before).toBe(400_000_000)
  })

  it('an installed base recorded later moves both the same way', () => {
    recordInstalledBase(db, 'desk.officer', {
      veu: 'NVEU-IN-0007',
      country: 'IN',
      tpp: 12_345_678,
      note: 'audit',
    })
    const q1 = headroomOf(db, Q1)!
    expect(q1.installedBase).toBe(412_345_678)
    expect(q1.remaining).toBe(74_680_000 - 12_345_678)
    expect(nveuCap(db, nveuDeal('2025-03-20')).before).toBe(used(q1))
    const q2 = headroomOf(db, Q2)!
    expect(q2.installedBase).toBe(570_665_678)
    expect(nveuCap(db, nveuDeal('2025-05-10')).before).toBe(used(q2))
  })
})

describe('LPP spellings in the ledger', () => {
  it('a deal evaluated against the ledger hears of an LPP bucket held under another spelling of its consignee', () => {
    const desk = openLedger(tempLedgerPath())
    try {
      const acme = (id: string, consignee: string, status?: 'shipped') => ({
        id,
        date: '2025-04-01',
        consignee,
        consigneeHq: 'IN',
        parentHq: null,
        destination: 'IN',
        lines: [{ chip: 'H100', quantity: 1_000 }],
        ...(status ? { status, preparer: 'alice', reviewer: 'bob' } : {}),
      })
      const imported = importBook(desk, { deals: [acme('A-1', 'Acme Labs', 'shipped')] }, 'alice')
      expect(imported.errors ?? []).toEqual([])
      const { determination } = evaluateAgainstLedger(desk, acme('A-2', 'ACME  LABS') as Deal, {
        packId: 'us-ai-diffusion-2025',
      })
      expect(determination.authorization).toBe('LPP')
      expect(determination.warnings.map((w) => w.message)).toContain(
        'lpp:ACME  LABS:2025 and lpp:Acme Labs:2025 differ only in case or spacing: if they are one ultimate consignee, they share one LPP limit of 26,900,000 TPP, and this deal brings the two to 31,664,000, past that limit.',
      )
    } finally {
      desk.close()
    }
  })
})

describe('a run over many deals reads the VEU rows once', () => {
  it('evaluates every sample deal the same with a snapshot of the VEU rows as with fresh reads', () => {
    const deals = db.prepare('SELECT id FROM project ORDER BY planned_date, rowid').pluck().all() as string[]
    const veu = veuSnapshot(db)
    expect(veu.deployments.length).toBeGreaterThan(0)
    expect(veu.recorded.length).toBeGreaterThan(0)
    let veuDeals = 0
    for (const id of deals) {
      const deal = toDeal(getProject(db, id))
      const fresh = evaluateAgainstLedger(db, deal, { excludeProject: id })
      const snapshot = evaluateAgainstLedger(db, deal, { excludeProject: id, veu })
      expect(snapshot.determination, id).toEqual(fresh.determination)
      // The VEU rows reach a determination through its NVEU and UVEU caps.
      if (fresh.determination.caps.some((c) => /^(nveu|uveu):/.test(c.bucket))) veuDeals++
    }
    expect(veuDeals).toBeGreaterThan(0)
  })
})

describe("the NVEU's countries on the party record", () => {
  it('lets an NVEU deal go to a country it covers and not to another (the sample records Kaveri for IN)', () => {
    const kaveri = getPartyByName(db, 'Kaveri Compute Parks Pvt Ltd')
    expect(kaveri?.veu?.countries).toEqual(['IN'])
    const india = evaluateAgainstLedger(db, nveuDeal('2025-03-10', 10)).determination
    expect(india.authorization).toBe('NVEU')
    expect(india.warnings.map((w) => w.message).join(' ')).not.toMatch(/not on record/)
    const uae = evaluateAgainstLedger(db, { ...nveuDeal('2025-03-10', 10), destination: 'AE' }).determination
    expect(uae.authorization).not.toBe('NVEU')
    expect(uae.steps.map((s) => s.text).join('\n')).toContain(
      'NVEU NVEU-IN-0007 is authorized for IN, not AE; each country needs its own NVEU authorization',
    )
  })

  it('a party recorded without countries is evaluated with a warning that the destination was not checked', () => {
    const desk = openLedger(tempLedgerPath())
    try {
      upsertParty(desk, 'desk.officer', {
        name: 'Nameless NVEU Ltd',
        hq: 'IN',
        parentHq: null,
        veu: { kind: 'NVEU', id: 'NVEU-X', hq: 'IN', countries: [] },
      })
      const { determination } = evaluateAgainstLedger(desk, {
        ...nveuDeal('2025-03-10', 10),
        consignee: 'Nameless NVEU Ltd',
        veu: { id: 'NVEU-X', kind: 'NVEU', hq: 'IN' },
      })
      expect(determination.authorization).toBe('NVEU')
      expect(determination.warnings.map((w) => w.message)).toContain(
        'The countries NVEU NVEU-X is authorized for are not on record: IN was not checked against its authorization.',
      )
    } finally {
      desk.close()
    }
  })
})

describe('importing a book that names an NVEU party again', () => {
  it('leaves the party as it is when the book does not give its countries, and records them when it does', () => {
    const desk = openLedger(tempLedgerPath())
    try {
      ensureSampleOnFirstStart(desk, { created: true, actor: 'desk.officer' })
      const kaveri = (countries?: string[]) => ({
        name: 'Kaveri Compute Parks Pvt Ltd',
        hq: 'IN',
        parentHq: null,
        veu: { id: 'NVEU-IN-0007', kind: 'NVEU' as const, hq: 'IN', ...(countries ? { countries } : {}) },
      })
      const deal = (id: string) => ({
        id,
        date: '2025-03-10',
        consignee: 'Kaveri Compute Parks Pvt Ltd',
        destination: 'IN',
        lines: [{ chip: 'H100', quantity: 1 }],
      })
      const events = () =>
        desk.prepare("SELECT count(*) FROM audit_event WHERE entity = 'party'").pluck().get()
      const before = events()
      const same = importBook(desk, { deals: [deal('K-1')], parties: [kaveri()] }, 'desk.officer')
      expect(same).toMatchObject({ imported: 1, parties: 0 })
      expect(events()).toBe(before)
      expect(getPartyByName(desk, 'Kaveri Compute Parks Pvt Ltd')?.veu?.countries).toEqual(['IN'])
      const more = importBook(desk, { deals: [deal('K-2')], parties: [kaveri(['IN', 'AE'])] }, 'desk.officer')
      expect(more).toMatchObject({ imported: 1, parties: 1 })
      expect(getPartyByName(desk, 'Kaveri Compute Parks Pvt Ltd')?.veu?.countries).toEqual(['IN', 'AE'])
    } finally {
      desk.close()
    }
  })
})
