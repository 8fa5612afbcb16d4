import { describe, expect, it } from 'vitest'
import { auditCount, headHash } from '../../../electron/db/audit'
import { createDraft, transition } from '../../../electron/db/projects'
import { auditReport } from '../../../electron/reports/audit'
import { countryReport } from '../../../electron/reports/country'
import { DEFAULT_MARKING, readMarking, writeMarking, type ReportEnv } from '../../../electron/reports/header'
import { memoReport } from '../../../electron/reports/memo'
import { PORTFOLIO_LISTED_DEALS, portfolioReport } from '../../../electron/reports/portfolio'
import { importBook } from '../../../electron/db/interchange'
import { loadSamplePortfolio } from '../../../electron/sample/load-sample'
import { packHash } from '../../../electron/db/evaluation'
import { getPack } from '../../../shared/rules/packs'
import { lppDeal, openDesk, type Desk } from '../ledger/helpers'

const PRINTED = new Date('2025-03-20T10:00:00.000Z')
const envOf = (desk: Desk): ReportEnv => ({
  db: desk.db,
  ledgerPath: desk.path,
  appVersion: '0.1.0-test',
  actor: desk.alice,
  now: () => PRINTED,
})

/** A deal submitted by alice and approved by bob, so it has a stored determination and a review. */
function approvedDeal(desk: Desk) {
  const p = createDraft(desk.db, desk.alice, { id: 'D-100', ...lppDeal() })
  transition(desk.db, desk.alice, { id: p.id, to: 'in_review' })
  transition(desk.db, desk.bob, {
    id: p.id,
    to: 'approved',
    reason: 'LPP allowance checked against the consignee register',
  })
  return p
}

describe('determination memo data', () => {
  it('records the stored determination with its pack hash, sign-off, history and the ledger fingerprint', () => {
    const desk = openDesk()
    approvedDeal(desk)
    const memo = memoReport(envOf(desk), 'D-100')
    const stored = desk.db
      .prepare("SELECT pack_id, pack_hash FROM determination WHERE project_id = 'D-100' ORDER BY id DESC")
      .get() as {
      pack_id: string
      pack_hash: string
    }

    expect(memo.header).toMatchObject({
      kind: 'memo',
      documentNumber: 'HR-MEMO-D-100-v1',
      marking: DEFAULT_MARKING,
      printedAt: PRINTED.toISOString(),
      ledgerName: 'ledger.sqlite',
      fingerprint: { headHash: headHash(desk.db), events: auditCount(desk.db) },
    })
    expect(memo.header.pack).toMatchObject({
      id: 'us-ai-diffusion-2025',
      version: stored.pack_hash.slice(0, 12),
      effectiveDate: '2025-01-13',
      status: 'as_written',
    })
    expect(stored.pack_id).toBe('us-ai-diffusion-2025')
    expect(memo.determinationSource).toBe('stored')
    expect(memo.stored?.stage).toBe('approve')
    expect(memo.determination.outcome).toBe('allowed')
    expect(memo.authorization).toBe('LPP')
    expect(memo.determination.steps.length).toBeGreaterThan(3)
    for (const step of memo.determination.steps) expect(step.citation.length).toBeGreaterThan(5)
    expect(memo.lines).toEqual([
      expect.objectContaining({ quantity: 1000, tppPerUnit: 15_832, tpp: 15_832_000, eccn: '3A090.a' }),
    ])
    expect(memo.requirements[0]).toMatchObject({
      text: expect.stringContaining('26,900,000 TPP'),
      citation: expect.stringContaining('740.29'),
    })
    expect(memo.requirements.at(-1)?.citation).toBe('15 CFR 762.6')
    expect(memo.preparer).toEqual({ name: 'alice', at: memo.history[0]?.at })
    expect(memo.imported).toBeNull()
    expect(memo.reviewer).toMatchObject({
      name: 'bob',
      decision: 'approved',
      reason: 'LPP allowance checked against the consignee register',
    })
    expect(memo.history.map((h) => h.to)).toEqual(['in_review', 'approved'])
    expect(memo.capacity.length).toBeGreaterThan(0)
    expect(memo.audit.map((e) => e.operation)).toContain('project.transition')
    expect(memo.consigneeHq).toEqual({ code: 'IN', name: 'India', source: 'deal' })
    expect(memo.parentHq).toMatchObject({ code: null, source: 'deal' })
  })

  it('names the recorded reviewer and only a decision a reviewer made; an import is an import, not a review', () => {
    const desk = openDesk()
    loadSamplePortfolio(desk.db, desk.alice)
    const batch = desk.db.prepare('SELECT id, at FROM import_batch').get() as { id: number; at: string }
    const imported = { at: batch.at, actor: 'alice', batch: batch.id }

    // Returned in the imported book (reviewer m.lindqvist); alice only imported it.
    const returned = memoReport(envOf(desk), 'SMPL-26-034')
    expect(returned.reviewer).toEqual({ name: 'm.lindqvist', at: null, decision: null, reason: null })
    expect(returned.imported).toMatchObject({ ...imported, row: 34, status: 'returned' })
    expect(returned.imported?.changeId).toBe(returned.history[0]?.id)
    expect(returned.preparer).toEqual({ name: 'a.okafor', at: null })

    // In review in the book, no reviewer yet: the import is neither a submission in this ledger nor a review.
    const waiting = memoReport(envOf(desk), 'SMPL-26-035')
    expect(waiting.reviewer).toBeNull()
    expect(waiting.preparer).toEqual({ name: 'a.okafor', at: null })
    expect(waiting.imported).toMatchObject({ ...imported, row: 35, status: 'in_review' })

    // A reviewer's decision after the import is the review.
    transition(desk.db, desk.bob, { id: 'SMPL-26-035', to: 'approved', reason: 'End-user statement on file' })
    const approved = memoReport(envOf(desk), 'SMPL-26-035')
    expect(approved.reviewer).toMatchObject({
      name: 'bob',
      decision: 'approved',
      reason: 'End-user statement on file',
      at: approved.history.at(-1)?.at,
    })
    expect(approved.imported?.changeId).toBe(approved.history[0]?.id)
  })

  it('evaluates a draft for the print and says so; an unknown deal is not found', () => {
    const desk = openDesk()
    createDraft(desk.db, desk.alice, {
      id: 'D-7',
      ...lppDeal({ authorization: 'NAC', destination: 'CN', consigneeHq: 'CN' }),
    })
    const memo = memoReport(envOf(desk), 'D-7')
    expect(memo.determinationSource).toBe('evaluated')
    expect(memo.stored).toBeNull()
    expect(memo.reviewer).toBeNull()
    expect(memo.header.pack?.version).toBe(packHash(getPack(memo.determination.packId)!).slice(0, 12))
    expect(() => memoReport(envOf(desk), 'NOPE')).toThrow(expect.objectContaining({ code: 'not_found' }))
  })
})

describe('country headroom statement data', () => {
  it('gives allocation, licensed, reserved and remaining with the deals behind them (sample portfolio, Malaysia)', () => {
    const desk = openDesk()
    loadSamplePortfolio(desk.db, desk.alice)
    const r = countryReport(envOf(desk), {
      country: 'my',
      packId: 'us-ai-diffusion-2025',
      asOf: '2025-04-01',
    })
    expect(r.header.documentNumber).toBe('HR-CTRY-MY-2025-04-01')
    expect(r.country).toMatchObject({ iso2: 'MY', name: 'Malaysia', tier: 2 })
    expect(r.allocation).toBe(790_000_000)
    expect(r.licensed).toBeGreaterThan(0)
    expect(r.remaining).toBe(r.allocation! - r.licensed - r.reserved)
    expect(r.deals.reduce((a, d) => a + d.committed, 0)).toBe(r.licensed)
    expect(r.deals.reduce((a, d) => a + d.reserved, 0)).toBe(r.reserved)
    expect(r.points.at(-1)).toMatchObject({ committed: r.licensed, reserved: r.reserved })
    expect(r.book.every((d) => d.destination === 'MY')).toBe(true)
  })

  it("lists as other caps in the country only the statement's own pack's buckets", () => {
    const desk = openDesk()
    loadSamplePortfolio(desk.db, desk.alice)
    // India holds UVEU and NVEU buckets recorded under the diffusion framework.
    const india = (packId: string, asOf: string) =>
      countryReport(envOf(desk), { country: 'IN', packId, asOf })
    const diffusion = india('us-ai-diffusion-2025', '2025-03-01')
    expect(diffusion.otherBuckets.map((b) => b.kind)).toContain('uveu_country')
    expect(diffusion.otherBuckets.every((b) => b.packId === 'us-ai-diffusion-2025')).toBe(true)
    expect(diffusion.alertLevel).not.toBeNull()
    expect(india('us-advanced-computing-2026', '2026-03-01').otherBuckets).toEqual([])
  })

  it('under a pack without allocations lists the TPP of the deals by status instead of a cap', () => {
    const desk = openDesk()
    loadSamplePortfolio(desk.db, desk.alice)
    const r = countryReport(envOf(desk), {
      country: 'MY',
      packId: 'us-advanced-computing-2026',
      asOf: '2026-03-01',
    })
    expect(r.allocation).toBeNull()
    expect(r.bucket).toBeNull()
    expect(r.remaining).toBeNull()
    // No cap, so no alert band (not "below 80%"), and no other pack's caps listed as caps in the country.
    expect(r.pctUsed).toBeNull()
    expect(r.alertLevel).toBeNull()
    expect(r.otherBuckets).toEqual([])
    expect(r.licensed + r.reserved).toBe(r.deals.reduce((a, d) => a + d.committed + d.reserved, 0))
  })
})

describe('portfolio report data', () => {
  it("totals the open deals to the ledger's own total TPP and leaves final statuses out", () => {
    const desk = openDesk()
    loadSamplePortfolio(desk.db, desk.alice)
    const r = portfolioReport(envOf(desk), { asOf: '2025-12-31' })
    const ledger = desk.db
      .prepare(
        "SELECT count(*) AS n, coalesce(sum(tpp), 0) AS tpp FROM project WHERE status NOT IN ('closed', 'rejected', 'cancelled')",
      )
      .get() as { n: number; tpp: number }
    expect(r.totals.deals).toBe(ledger.n)
    expect(r.totals.tpp).toBe(ledger.tpp)
    expect(r.deals.some((d) => ['closed', 'rejected', 'cancelled'].includes(d.status))).toBe(false)
    expect(r.byStatus.reduce((a, g) => a + g.tpp, 0)).toBe(r.totals.tpp)
    expect(r.byCountry.reduce((a, g) => a + g.deals, 0)).toBe(r.totals.deals)
    expect(r.alerts.every((b) => b.kind !== 'licence' && b.alertLevel !== 'none')).toBe(true)
    expect(r.header.pack?.id).toBe('us-advanced-computing-2025-05')
    expect(r.truncated).toBe(false)
  })

  it('says a pinned pack is pinned, even on a date the timeline would give it, and a timeline pack is not', () => {
    const desk = openDesk()
    // The timeline gives 2025-03-20 the diffusion framework; the desk pinned that same pack.
    const pinned = { packId: 'us-ai-diffusion-2025', asOf: '2025-03-20' }
    expect(portfolioReport(envOf(desk), pinned).header.pack).toMatchObject({ id: pinned.packId, auto: false })
    expect(countryReport(envOf(desk), { ...pinned, country: 'MY' }).header.pack?.auto).toBe(false)
    const timeline = portfolioReport(envOf(desk), { packId: 'auto', asOf: '2025-03-20' }).header.pack
    expect(timeline).toMatchObject({ id: pinned.packId, auto: true })
    expect(auditReport(envOf(desk), {}).header.pack?.auto).toBe(true)
  })

  it("checks only the caps of the report's own pack, as the country statement and the Headroom board do", () => {
    const desk = openDesk()
    loadSamplePortfolio(desk.db, desk.alice)
    // The sample's Malaysian allocation is 89% used, recorded under the diffusion framework.
    const diffusion = portfolioReport(envOf(desk), { packId: 'us-ai-diffusion-2025', asOf: '2025-06-30' })
    expect(diffusion.capsPackId).toBe('us-ai-diffusion-2025')
    expect(diffusion.alerts.map((b) => b.bucket)).toContain('country:MY')
    expect(diffusion.risks.length).toBeGreaterThan(0)
    for (const b of [...diffusion.alerts, ...diffusion.risks]) expect(b.packId).toBe('us-ai-diffusion-2025')
    const statement = countryReport(envOf(desk), {
      country: 'MY',
      packId: 'us-ai-diffusion-2025',
      asOf: '2025-06-30',
    })
    expect(statement.allocation).not.toBeNull()

    // The 2026 pack sets no caps: its country statement for Malaysia says there is no allocation, so
    // the portfolio printed under it (pinned or picked by the timeline) has no cap alert or risk either.
    for (const input of [
      { packId: 'us-advanced-computing-2026', asOf: '2026-11-26' },
      { asOf: '2026-11-26' },
    ]) {
      const r = portfolioReport(envOf(desk), input)
      expect(r.header.pack?.id).toBe('us-advanced-computing-2026')
      expect(r.capsPackId).toBe('us-advanced-computing-2026')
      expect(r.alerts).toEqual([])
      expect(r.risks).toEqual([])
    }
    expect(
      countryReport(envOf(desk), { country: 'MY', packId: 'us-advanced-computing-2026', asOf: '2026-11-26' })
        .allocation,
    ).toBeNull()
  })

  it('states the same outcome for a deal as the country statement under the same pack', () => {
    const desk = openDesk()
    loadSamplePortfolio(desk.db, desk.alice)
    // Pinned: both reports re-evaluate each deal under the pack; under Auto both print the stored ones.
    for (const input of [
      { packId: 'us-ai-diffusion-2025', asOf: '2026-11-26' },
      { packId: 'us-advanced-computing-2026', asOf: '2026-11-26' },
      { asOf: '2026-11-26' },
    ]) {
      const portfolio = portfolioReport(envOf(desk), input)
      const statement = countryReport(envOf(desk), { country: 'MY', ...input })
      const open = statement.book.filter((r) => portfolio.deals.some((d) => d.id === r.id))
      expect(open.length).toBeGreaterThan(0)
      for (const r of open) {
        const d = portfolio.deals.find((p) => p.id === r.id)!
        expect([r.id, r.outcome, r.recommended, r.packId]).toEqual([d.id, d.outcome, d.recommended, d.packId])
      }
      if (input.packId) for (const r of statement.book) expect(r.packId).toBe(input.packId)
    }
  })

  it('lists at most the listed limit of deals while the totals still cover every open deal', () => {
    const desk = openDesk()
    const count = PORTFOLIO_LISTED_DEALS + 5
    const deals = Array.from({ length: count }, (_, i) => ({
      id: `BULK-${String(i).padStart(5, '0')}`,
      date: '2025-03-01',
      consignee: 'Bulk Consignee',
      consigneeHq: 'DE',
      parentHq: null,
      destination: 'DE',
      lines: [{ chip: 'H100 SXM', quantity: 1 }],
    }))
    const result = importBook(desk.db, { deals }, desk.alice, { format: 'json' })
    expect(result.errors ?? []).toEqual([])
    const r = portfolioReport(envOf(desk), { asOf: '2025-12-31' })
    expect(r.truncated).toBe(true)
    expect(r.deals).toHaveLength(PORTFOLIO_LISTED_DEALS)
    expect(r.totals.deals).toBe(count)
    expect(r.totals.tpp).toBe(count * 15_832)
  })
})

describe('audit extract data', () => {
  it("prints a deal's events oldest first with the chain verification", () => {
    const desk = openDesk()
    approvedDeal(desk)
    const r = auditReport(envOf(desk), { projectId: 'D-100' })
    expect(r.events.map((e) => e.operation)).toEqual([
      'project.create',
      'project.transition',
      'project.transition',
    ])
    expect(r.events.every((e) => e.entityId === 'D-100')).toBe(true)
    expect(r.verification).toMatchObject({
      ok: true,
      checked: auditCount(desk.db),
      headHash: headHash(desk.db),
    })
    expect(r).toMatchObject({
      total: 3,
      truncated: false,
      filter: { projectId: 'D-100', from: null, to: null },
    })
  })

  it('filters by date range', () => {
    const desk = openDesk()
    approvedDeal(desk)
    const all = auditReport(envOf(desk), {}).events
    const cut = all[2]!.at
    const r = auditReport(envOf(desk), { from: cut, to: '2099-01-01' })
    expect(r.events[0]!.id).toBe(all[2]!.id)
    expect(r.events).toHaveLength(all.length - 2)
  })
})

describe('marking setting', () => {
  it('changes the marking printed on every report and audits the change once', () => {
    const desk = openDesk()
    const before = auditCount(desk.db)
    expect(readMarking(desk.db)).toBe(DEFAULT_MARKING)
    writeMarking(desk.db, desk.alice, '  SECRET // NOFORN  ')
    writeMarking(desk.db, desk.alice, 'SECRET // NOFORN')
    expect(readMarking(desk.db)).toBe('SECRET // NOFORN')
    expect(auditCount(desk.db)).toBe(before + 1)
    const last = desk.db
      .prepare('SELECT operation, before, after FROM audit_event ORDER BY id DESC LIMIT 1')
      .get() as Record<string, string>
    expect(last.operation).toBe('settings.marking')
    expect(JSON.parse(last.after)).toEqual({ marking: 'SECRET // NOFORN' })
    expect(auditReport(envOf(desk), {}).header.marking).toBe('SECRET // NOFORN')
  })
})
