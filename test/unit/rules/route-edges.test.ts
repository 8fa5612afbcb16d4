import { describe, expect, it } from 'vitest'
// Through the engine's public entry, as the ledger and the CLI use it.
import {
  bucketsForDeal,
  createEvaluationState,
  evaluate,
  evaluateDeal,
  type Deal,
  type DealBook,
  type Determination,
  type RulePack,
} from '../../../shared/rules/index'
import { pack } from './helpers'

/**
 * Edges found by reviewing the evaluator against the reference: each case once gave a clean result or
 * a cap total the law does not support.
 */

const diffusion = pack('us-ai-diffusion-2025')
const ac2026 = pack('us-advanced-computing-2026')

const deal = (d: Partial<Deal> & Pick<Deal, 'id'>): Deal => ({
  date: '2025-02-01',
  consignee: `${d.id} Co`,
  consigneeHq: 'MY',
  parentHq: null,
  destination: 'MY',
  lines: [{ chip: 'H100', quantity: 100 }],
  ...d,
})

/** The determination of one deal evaluated alone under `pack`. */
const evaluateOne = (d: Parameters<typeof deal>[0], pack: RulePack): Determination =>
  evaluate({ deals: [deal(d)] }, pack)[0]!
const byId = (out: Determination[]) => Object.fromEntries(out.map((x) => [x.dealId, x]))
const country = (x: Determination) => x.caps.find((c) => c.kind === 'country')

describe('chips named by rules', () => {
  it('an H20 the book describes itself (to give its DRAM bandwidth) still meets the is-informed requirement', () => {
    const book: DealBook = {
      chips: [{ id: 'h20', name: 'H20', tpp: 2368, dieArea: 814, dramBandwidth: 4000 }],
      deals: [
        deal({
          id: 'book-chip',
          date: '2026-03-01',
          consigneeHq: 'CN',
          destination: 'CN',
          lines: [{ chip: 'H20', quantity: 1000 }],
        }),
        deal({
          id: 'inline',
          date: '2026-03-01',
          consigneeHq: 'CN',
          destination: 'CN',
          lines: [{ chip: { name: 'NVIDIA H20', tpp: 2368, dieArea: 814 }, quantity: 1000 }],
        }),
      ],
    }
    for (const x of evaluate(book, ac2026)) {
      expect(x, x.dealId).toMatchObject({ eccn: 'none', licenseRequired: true, outcome: 'license_required' })
      expect(x.reasons.map((r) => r.kind)).toEqual(['end_use'])
    }
  })
})

describe('the country allocation counts every licence to the destination', () => {
  it('a licensed deal for a D:5-headquartered group counts, and the next deal sees it', () => {
    const out = byId(
      evaluate(
        {
          deals: [
            deal({ id: 'm1', parentHq: 'CN', licensed: true, lines: [{ chip: 'H100', quantity: 40_000 }] }),
            deal({ id: 'm2', date: '2025-02-02', lines: [{ chip: 'H100', quantity: 20_000 }] }),
          ],
        },
        diffusion,
      ),
    )
    // Reviewed under the headquarters rule, but the licence uses Malaysia's allocation.
    expect(out.m1).toMatchObject({ reviewPolicy: 'presumption_of_denial', authorization: 'LICENSE' })
    expect(country(out.m1!)).toMatchObject({
      bucket: 'country:MY',
      before: 0,
      after: 633_280_000,
      counted: true,
    })
    expect(country(out.m2!)).toMatchObject({ before: 633_280_000, after: 949_920_000, exceeded: true })
    expect(out.m2).toMatchObject({ reviewPolicy: 'policy_of_denial', outcome: 'likely_denied' })
  })

  it('an unlicensed application for such a group shows the allocation as a projection only', () => {
    const x = evaluateOne({ id: 'p', parentHq: 'CN' }, diffusion)
    expect(country(x!)).toMatchObject({ counted: false, before: 0, after: 1_583_200 })
  })

  it('a licensed deal naming a UVEU with no known installed base is judged as licensed, and counts', () => {
    const veu = { id: 'U2', kind: 'UVEU' as const, hq: 'US' }
    const out = byId(
      evaluate(
        {
          deals: [
            deal({
              id: 'l1',
              consigneeHq: 'US',
              veu,
              licensed: true,
              lines: [{ chip: 'H100', quantity: 40_000 }],
            }),
            deal({ id: 'l2', date: '2025-02-02', lines: [{ chip: 'H100', quantity: 20_000 }] }),
          ],
        },
        diffusion,
      ),
    )
    expect(out.l1).toMatchObject({ authorization: 'LICENSE', outcome: 'license_required', missing: [] })
    expect(out.l1!.warnings.map((w) => w.message)).toContain(
      'No installed base is known for UVEU U2; its distribution was not checked.',
    )
    expect(country(out.l1!)).toMatchObject({ counted: true, after: 633_280_000 })
    expect(out.l2).toMatchObject({ reviewPolicy: 'policy_of_denial' })
  })

  it('without a licence or another route asked for, the unknown installed base still makes it not determinable', () => {
    const x = evaluateOne(
      { id: 'u', consigneeHq: 'US', veu: { id: 'U3', kind: 'UVEU', hq: 'US' } },
      diffusion,
    )
    expect(x).toMatchObject({ outcome: 'not_determinable' })
    expect(x!.missing).toEqual(['installedBase for UVEU U3 (its distribution cannot be checked without it)'])
  })
})

describe('transaction kinds', () => {
  it('LPP covers exports and reexports, not an in-country transfer', () => {
    const out = byId(
      evaluate(
        {
          deals: [
            deal({ id: 'export', consigneeHq: 'IN', destination: 'IN' }),
            deal({ id: 'transfer', consigneeHq: 'IN', destination: 'IN', transaction: 'transfer' }),
          ],
        },
        diffusion,
      ),
    )
    expect(out.export).toMatchObject({ authorization: 'LPP', outcome: 'allowed' })
    expect(out.transfer).toMatchObject({ authorization: 'LICENSE', licenseRequired: true })
    expect(out.transfer!.steps.map((s) => s.text)).toContain(
      'LPP not available: LPP covers export and reexport only, not a transfer.',
    )
    expect(out.transfer!.caps.some((c) => c.kind === 'lpp')).toBe(false)
  })
})

describe('what the explanation says', () => {
  const u1 = { id: 'U1', kind: 'UVEU' as const, hq: 'US' }
  const installedBase = [{ veu: 'U1', country: 'US', tpp: 1_000_000_000 }]

  it('an AIA shipment that takes a US-headquartered UVEU below half in the US says so on that deal', () => {
    const out = byId(
      evaluate(
        {
          installedBase,
          deals: [
            deal({
              id: 'u1',
              consigneeHq: 'US',
              destination: 'DE',
              veu: u1,
              lines: [{ chip: 'H100', quantity: 100_000 }],
            }),
            deal({ id: 'u2', date: '2025-02-02', consigneeHq: 'US', destination: 'IN', veu: u1 }),
          ],
        },
        diffusion,
      ),
    )
    expect(out.u1).toMatchObject({ authorization: 'AIA', outcome: 'allowed' })
    expect(out.u1!.warnings).toContainEqual({
      code: 'cap_exceeded',
      bucket: 'uveu:U1:us',
      message:
        "uveu:U1:us: this shipment under AIA takes U1's US share from 100.0% to 38.7%, below the 50.0% a US-headquartered UVEU keeps in the US; its shipments under the UVEU are refused until the share is restored.",
    })
    // The later deal falls back to LPP and says why the UVEU was not used.
    expect(out.u2).toMatchObject({ authorization: 'LPP' })
    expect(out.u2!.steps.map((s) => s.text)).toContain(
      'UVEU not available: the UVEU distribution limits would be breached (uveu:U1:us).',
    )
  })

  it('an AIA shipment that keeps the share says nothing of it', () => {
    const [x] = evaluate(
      { installedBase, deals: [deal({ id: 'small', consigneeHq: 'US', destination: 'DE', veu: u1 })] },
      diffusion,
    )
    expect(x!.warnings.filter((w) => w.code === 'cap_exceeded')).toEqual([])
  })

  it('an LPP shipment to a consignee spelled like another (case, spacing) names the other bucket and the joint total', () => {
    const acme = (id: string, consignee: string, date: string) =>
      deal({
        id,
        consignee,
        date,
        consigneeHq: 'IN',
        destination: 'IN',
        lines: [{ chip: 'H100', quantity: 1_600 }],
      })
    const out = byId(
      evaluate(
        {
          deals: [
            acme('a', 'Acme Labs', '2025-02-01'),
            acme('b', 'ACME LABS', '2025-02-02'),
            acme('c', 'Acme  Labs', '2025-02-03'),
          ],
        },
        diffusion,
      ),
    )
    const notes = (x: Determination) =>
      x.warnings.filter((w) => w.message.includes('differ only')).map((w) => w.message)
    expect(notes(out.a!)).toEqual([])
    expect(notes(out.b!)).toEqual([
      'lpp:ACME LABS:2025 and lpp:Acme Labs:2025 differ only in case or spacing: if they are one ultimate consignee, they share one LPP limit of 26,900,000 TPP, and this deal brings the two to 50,662,400, past that limit.',
    ])
    expect(notes(out.c!)).toHaveLength(2)
    // Past the one limit together, the note is a cap warning on the deal's own bucket.
    expect(out.b!.warnings.find((w) => w.message.includes('differ only'))).toMatchObject({
      code: 'cap_exceeded',
      bucket: 'lpp:ACME LABS:2025',
    })
    // Opening balances from the ledger count as spellings too.
    const state = createEvaluationState(diffusion, { used: { 'lpp:acme labs:2025': 1_000 } })
    expect(notes(evaluateDeal(state, acme('d', 'Acme Labs', '2025-03-01')))).toHaveLength(1)
  })

  it('an approved UAE entity is granted on its whole name, or on a name it begins when the deal asks for STA', () => {
    const uae = (id: string, consignee: string, extra: Partial<Deal> = {}) =>
      deal({
        id,
        date: '2026-08-01',
        consignee,
        consigneeHq: 'AE',
        destination: 'AE',
        lines: [{ chip: 'B200', quantity: 5000 }],
        ...extra,
      })
    const out = byId(
      evaluate(
        {
          deals: [
            uae('whole', '  oracle '),
            uae('unrelated', 'Apple Valley Trading LLC'),
            uae('prefix', 'Oracle Bone Trading LLC'),
            uae('asked', 'Oracle Bone Trading LLC', { authorization: 'STA' }),
          ],
        },
        ac2026,
      ),
    )
    expect(out.whole).toMatchObject({ authorization: 'STA', outcome: 'allowed', licenseRequired: false })
    expect(out.whole!.warnings).toContainEqual({
      code: 'assumption',
      message:
        '  oracle  was matched to the approved entity "Oracle" by name; confirm it is that entity before relying on STA.',
    })
    // A name that only begins with a listed one is not an approval by itself: a licence is needed.
    for (const [id, consignee, listed] of [
      ['unrelated', 'Apple Valley Trading LLC', 'Apple'],
      ['prefix', 'Oracle Bone Trading LLC', 'Oracle'],
    ] as const) {
      expect(out[id]).toMatchObject({
        authorization: 'LICENSE',
        licenseRequired: true,
        outcome: 'license_required',
      })
      expect(out[id]!.warnings).toContainEqual({
        code: 'assumption',
        message: `${consignee}'s name begins with that of the approved entity "${listed}", but a partial name is not taken as approval: if it is that entity or one of its subsidiaries, ask for STA on the deal.`,
      })
    }
    // Asked for on the deal, the desk's word that it is that entity (or a subsidiary) is taken, and said.
    expect(out.asked).toMatchObject({ authorization: 'STA', outcome: 'allowed', licenseRequired: false })
    expect(out.asked!.warnings).toContainEqual({
      code: 'assumption',
      message:
        'Oracle Bone Trading LLC asks for STA as the approved entity "Oracle" (its name begins with the listed name); confirm it is that entity or one of its subsidiaries before relying on STA.',
    })
  })

  it('the 2026 China rule says when it assumed the deal is an export', () => {
    const h200 = (id: string, extra: Partial<Deal>) =>
      deal({
        id,
        date: '2026-03-01',
        consigneeHq: 'CN',
        destination: 'CN',
        lines: [
          { chip: { name: 'H200-class', tpp: 15_000, dieArea: 800, dramBandwidth: 4_800 }, quantity: 10 },
        ],
        certifications: [
          'us-supply-sufficient',
          'no-foundry-diversion',
          'recipient-security-kyc',
          'us-third-party-testing',
        ],
        ...extra,
      })
    const out = byId(
      evaluate({ deals: [h200('unsaid', {}), h200('said', { transaction: 'export' })] }, ac2026),
    )
    const assumed = (x: Determination) =>
      x.warnings.some((w) => w.message.includes('an export from the US is assumed'))
    expect(out.unsaid).toMatchObject({ reviewPolicy: 'case_by_case' })
    expect(assumed(out.unsaid!)).toBe(true)
    expect(out.said).toMatchObject({ reviewPolicy: 'case_by_case' })
    expect(assumed(out.said!)).toBe(false)
  })
})

describe('the allocation and tier-1 entities', () => {
  it('past the allocation, a tier-1-headquartered applicant keeps its presumption of approval, and a step says why', () => {
    const [first, second] = evaluate(
      {
        deals: [
          deal({
            id: 'fill',
            destination: 'IN',
            consigneeHq: 'IN',
            licensed: true,
            lines: [{ chip: 'H100', quantity: 50_000 }],
          }),
          deal({
            id: 'de',
            date: '2025-02-02',
            destination: 'IN',
            consigneeHq: 'DE',
            lines: [{ chip: 'H100', quantity: 2_000 }],
          }),
        ],
      },
      diffusion,
    )
    expect(country(first!)).toMatchObject({ counted: true, exceeded: true })
    expect(second).toMatchObject({ reviewPolicy: 'presumption_of_approval', outcome: 'license_required' })
    const texts = second!.steps.map((s) => s.text)
    const passed = texts.findIndex((t) => t === 'The India allocation is used up.')
    const why = texts.findIndex((t) =>
      t.startsWith('The denial after the allocation does not reach this application'),
    )
    expect(passed).toBeGreaterThan(-1)
    expect(why).toBe(passed + 1)
  })
})

describe('pack switches the engine reads', () => {
  it('AIA asks for tier-1 headquarters only where the pack says so (a scenario may drop it)', () => {
    const scenario = JSON.parse(JSON.stringify(diffusion)) as typeof diffusion
    scenario.id = 'scenario-aia-any-hq'
    scenario.exceptions.aia!.requiresTier1Headquarters = false
    const brazilian = deal({ id: 'br', consigneeHq: 'BR', destination: 'DE' })
    expect(evaluate({ deals: [brazilian] }, diffusion)[0]!.authorization).not.toBe('AIA')
    expect(evaluate({ deals: [brazilian] }, scenario)[0]).toMatchObject({
      authorization: 'AIA',
      outcome: 'allowed',
    })
  })
})

describe('inputs that would otherwise pass silently', () => {
  it('a chip given with TPP 0, or a catalogue chip given figures that classify it lower, is not determinable', () => {
    const toChina = (id: string, chip: Deal['lines'][number]['chip'], quantity = 5000) =>
      deal({ id, date: '2026-08-01', consigneeHq: 'CN', destination: 'CN', lines: [{ chip, quantity }] })
    const out = byId(
      evaluate(
        {
          deals: [
            toChina('h100-zero', { name: 'H100', tpp: 0 }),
            toChina('own-zero', { name: 'Lab board', tops: 0, bitLength: 8 }, 0),
            toChina('h100-low', { name: 'h100', tpp: 1_000 }),
            toChina('h100-high', { name: 'H100', tpp: 16_000, dieArea: 814 }),
            toChina('b200-as-b', { name: 'B200', tpp: 3_000, dieArea: 800 }),
          ],
        },
        ac2026,
      ),
    )
    expect(out['h100-zero']).toMatchObject({ outcome: 'not_determinable', licenseRequired: null })
    expect(out['h100-zero']!.missing).toEqual(['lines[0].tpp for "H100" (0 is not a TPP)'])
    expect(out['own-zero']!.missing).toEqual([
      'lines[0].quantity',
      'lines[0].tpp for "Lab board" (0 is not a TPP)',
    ])
    expect(out['h100-low']).toMatchObject({ outcome: 'not_determinable', licenseRequired: null })
    expect(out['h100-low']!.missing).toEqual([
      `lines[0].tpp for "h100" (given as 1,000, which would classify it not 3A090; the catalogue's NVIDIA H100 SXM has 15,832, 3A090.a: correct the figures, or give a different chip a name of its own)`,
    ])
    expect(out['b200-as-b']!.missing[0]).toContain('which would classify it 3A090.b;')
    // Figures that differ but keep (or raise) the classification are used, and said.
    expect(out['h100-high']).toMatchObject({ eccn: '3A090.a', outcome: 'likely_denied' })
    expect(out['h100-high']!.warnings).toContainEqual({
      code: 'assumption',
      message: `Line 1: "H100" is given with TPP 16,000, not the 15,832 of the catalogue's NVIDIA H100 SXM; the figures given are used.`,
    })
  })

  it('a DRAM bandwidth of 0 does not pass the 2026 China screen: not determinable', () => {
    const x = evaluateOne(
      {
        id: 'bw0',
        date: '2026-03-01',
        consigneeHq: 'CN',
        destination: 'CN',
        transaction: 'export',
        lines: [{ chip: { name: 'H200-class', tpp: 15_000, dieArea: 800, dramBandwidth: 0 }, quantity: 10 }],
        certifications: [
          'us-supply-sufficient',
          'no-foundry-diversion',
          'recipient-security-kyc',
          'us-third-party-testing',
        ],
      },
      ac2026,
    )
    expect(x).toMatchObject({ outcome: 'not_determinable' })
    expect(x!.missing).toEqual(['lines[0].dramBandwidth for "H200-class" (0 is not a bandwidth)'])
  })

  it('lower-case country codes from a direct caller are read as the codes they are', () => {
    const [upper, lower] = evaluate(
      {
        deals: [
          deal({ id: 'a', consigneeHq: 'CN', destination: 'CN' }),
          deal({ id: 'b', consigneeHq: 'cn', destination: 'cn' }),
        ],
      },
      diffusion,
    )
    expect(lower).toMatchObject({
      destination: 'CN',
      tier: 3,
      authorization: upper!.authorization,
      outcome: upper!.outcome,
    })
  })

  it('a US-headquartered consignee with a Chinese parent: the majority ownership the review assumes is said', () => {
    const [x] = evaluate(
      {
        deals: [
          deal({
            id: 'own',
            date: '2025-06-01',
            consigneeHq: 'US',
            parentHq: 'CN',
            destination: 'DE',
            lines: [{ chip: 'H100', quantity: 8 }],
          }),
        ],
      },
      pack('us-advanced-computing-2025-05'),
    )
    expect(x).toMatchObject({ authorization: 'LICENSE', reviewPolicy: 'presumption_of_denial' })
    expect(x!.warnings.map((w) => w.message)).toContain(
      "The consignee, headquartered in United States, is taken to be majority-owned by its ultimate parent in People's Republic of China; if it is not, 15 CFR 744.23(d)(2) reviews its licence under a presumption of approval.",
    )
  })
})

describe('totality for callers that skip validation', () => {
  it('null, a string or a deal without a consignee give not_determinable naming what is missing', () => {
    const state = createEvaluationState(diffusion)
    expect(evaluateDeal(state, null as unknown as Deal)).toMatchObject({
      outcome: 'not_determinable',
      missing: ['a deal (got null)'],
    })
    expect(evaluateDeal(state, 'D-1' as unknown as Deal).missing).toEqual(['a deal (got string)'])
    const { consignee: _c, ...noConsignee } = deal({ id: 'nc' })
    const x = evaluateDeal(state, noConsignee as Deal)
    expect(x).toMatchObject({ outcome: 'not_determinable', licenseRequired: null })
    expect(x.missing).toEqual(['consignee'])
    expect(() => bucketsForDeal(noConsignee as Deal, diffusion)).not.toThrow()
  })

  it('a date that is no day (2026-02-30, 2025-02-29, 2026-13-01) is not_determinable naming the date, as the book refuses it', () => {
    for (const date of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-1-01']) {
      for (const state of [createEvaluationState(ac2026), createEvaluationState('auto')]) {
        const x = evaluateDeal(state, deal({ id: date, date }))
        const said = date === '2026-1-01' ? 'date (YYYY-MM-DD)' : `date (${date} is not a real day)`
        expect(x, date).toMatchObject({ outcome: 'not_determinable', missing: [said] })
      }
      expect(bucketsForDeal(deal({ id: date, date }), diffusion), date).toEqual([])
    }
    // A real leap day is a date like any other.
    expect(
      evaluateDeal(createEvaluationState(ac2026), deal({ id: 'leap', date: '2028-02-29' })).missing,
    ).toEqual([])
    expect(bucketsForDeal(deal({ id: 'leap', date: '2024-02-29' }), diffusion)).not.toEqual([])
  })
})

describe("an NVEU's countries (each country needs its own NVEU authorization, 15 CFR 748.15)", () => {
  const nveu = (countries?: string[]) => ({
    id: 'n',
    authorization: 'NVEU' as const,
    veu: { id: 'NVEU-MY-1', kind: 'NVEU' as const, hq: 'MY', ...(countries ? { countries } : {}) },
  })

  it('ships under the NVEU to a country its authorization covers, without a warning about it', () => {
    const x = evaluateOne(nveu(['MY', 'SG']), diffusion)
    expect(x).toMatchObject({ authorization: 'NVEU', licenseRequired: false, outcome: 'allowed' })
    expect(x.warnings.map((w) => w.message).join(' ')).not.toMatch(/not checked against its authorization/)
  })

  it('refuses the NVEU for a country its authorization does not cover, and says why', () => {
    const x = evaluateOne({ ...nveu(['SG']), destination: 'MY' }, diffusion)
    expect(x.authorization).not.toBe('NVEU')
    expect(x.caps.some((c) => c.kind === 'nveu')).toBe(false)
    expect(x.steps.map((s) => s.text).join('\n')).toContain(
      'NVEU NVEU-MY-1 is authorized for SG, not MY; each country needs its own NVEU authorization',
    )
    expect(x.warnings.some((w) => w.code === 'requested_unavailable')).toBe(true)
  })

  it('warns that the destination was not checked when the countries are not on record', () => {
    const x = evaluateOne(nveu(), diffusion)
    expect(x.authorization).toBe('NVEU')
    expect(x.warnings).toContainEqual({
      code: 'missing_data',
      message:
        'The countries NVEU NVEU-MY-1 is authorized for are not on record: MY was not checked against its authorization.',
    })
  })

  it('says nothing of the countries when the deal does not ship under the NVEU', () => {
    for (const other of [{ licensed: true }, { authorization: 'LPP' as const }]) {
      const x = evaluateOne({ ...nveu(), ...other }, diffusion)
      expect(x.authorization).not.toBe('NVEU')
      expect(x.warnings.map((w) => w.message).join(' ')).not.toMatch(/not checked against its authorization/)
    }
  })

  it("takes the countries from the consignee's party record when the deal names the same NVEU", () => {
    const book: DealBook = {
      deals: [deal({ ...nveu(), destination: 'MY' })],
      parties: [
        { name: 'n Co', hq: 'MY', veu: { id: 'NVEU-MY-1', kind: 'NVEU', hq: 'MY', countries: ['TH'] } },
      ],
    }
    const [x] = evaluate(book, diffusion)
    expect(x!.authorization).not.toBe('NVEU')
    expect(x!.steps.map((s) => s.text).join('\n')).toContain('is authorized for TH, not MY')
  })
})

describe('periods in which a country’s groups are in doubt', () => {
  it('Cambodia between the State Department’s removal (2025-11-07) and the EAR conforming rule says so, under auto', () => {
    const kh = (id: string, date: string, extra: Partial<Deal> = {}) =>
      deal({ id, date, consigneeHq: 'KH', destination: 'KH', ...extra })
    const out = byId(
      evaluate(
        {
          deals: [
            kh('before', '2025-11-06'),
            kh('first-day', '2025-11-07'),
            kh('hq-only', '2026-02-03', { destination: 'DE' }),
            kh('conformed', '2026-02-04'),
          ],
        },
        'auto',
      ),
    )
    const caution = (x: Determination) =>
      x.warnings.filter((w) => w.message.startsWith('Cambodia: the State Department removed it'))
    expect(caution(out.before!)).toEqual([])
    expect(caution(out.conformed!)).toEqual([])
    for (const id of ['first-day', 'hq-only']) {
      expect(caution(out[id]!)).toHaveLength(1)
      // Still the stricter reading, with the source on the step.
      expect(out[id]!.outcome).toBe('likely_denied')
      expect(out[id]!.steps).toContainEqual(
        expect.objectContaining({
          text: expect.stringMatching(/^Cambodia: the State Department removed it .* confirm with counsel/),
          citation: expect.stringContaining('note to Country Group D:5'),
          confidence: 'secondary',
        }),
      )
    }
    expect(out['first-day']!.packId).toBe('us-advanced-computing-2025-05')
    expect(out['hq-only']!.packId).toBe('us-advanced-computing-2026')
    expect(out.conformed!.groups).toEqual(['D:1'])
  })
})

describe('a VEU’s own limits on other routes', () => {
  it('an NVEU deal past its quarter cap that ships under LPP says the NVEU limit is passed', () => {
    const book: DealBook = {
      chips: [{ id: 'g', name: 'GigaChip', tpp: 1_000_000, dieArea: 1_000 }],
      parties: [
        {
          name: 'NvCo',
          hq: 'IN',
          parentHq: null,
          veu: { id: 'NV1', kind: 'NVEU', hq: 'IN', countries: ['IN'] },
        },
      ],
      installedBase: [{ veu: 'NV1', country: 'IN', tpp: 600_000_000 }],
      deals: [
        {
          id: 'at-cap',
          date: '2025-03-31',
          consignee: 'NvCo',
          destination: 'IN',
          lines: [{ chip: 'g', quantity: 33 }],
        },
        {
          id: 'over',
          date: '2025-03-31',
          consignee: 'NvCo',
          destination: 'IN',
          lines: [{ chip: 'g', quantity: 1 }],
        },
      ],
    }
    const out = byId(evaluate(book, diffusion))
    expect(out['at-cap']).toMatchObject({ authorization: 'NVEU', outcome: 'allowed' })
    expect(out['at-cap']!.warnings.filter((w) => w.code === 'cap_exceeded')).toEqual([])
    expect(out.over).toMatchObject({ authorization: 'LPP' })
    expect(out.over!.warnings).toContainEqual({
      code: 'cap_exceeded',
      message:
        "This deal ships under LPP, but it adds to the installed base of NVEU NV1, which then passes its limit nveu:NV1:IN:2025-Q1: an NVEU's limits count its items however they arrived. Confirm with counsel before relying on LPP for it.",
      bucket: 'nveu:NV1:IN:2025-Q1',
    })
  })
})

describe('a pinned pack outside its period', () => {
  it('says the timeline gives another pack, or none, for the deal date; a scenario goes by the pack it copies', () => {
    const pinnedNote = (x: Determination) => x.warnings.filter((w) => w.message.includes(' is pinned'))
    const at = (id: string, date: string) => deal({ id, date })
    const diffusionOut = byId(
      evaluate({ deals: [at('in', '2025-03-01'), at('after', '2026-03-01')] }, diffusion),
    )
    expect(pinnedNote(diffusionOut.in!)).toEqual([])
    expect(pinnedNote(diffusionOut.after!)).toEqual([
      {
        code: 'assumption',
        message:
          "us-ai-diffusion-2025 is pinned, but the timeline gives us-advanced-computing-2026 for this deal's date: the groups, caps and review policies applied may not be those in force then.",
      },
    ])
    expect(pinnedNote(evaluateOne({ id: 'early', date: '2023-01-01' }, ac2026))).toEqual([
      {
        code: 'assumption',
        message: "us-advanced-computing-2026 is pinned; no pack in the timeline governs this deal's date.",
      },
    ])
    const scenario = { ...diffusion, id: 'scn-copy', status: 'scenario', basedOn: diffusion.id } as RulePack
    expect(pinnedNote(evaluateOne({ id: 's', date: '2025-03-01' }, scenario))).toEqual([])
    // Under auto, the governing pack is never "pinned".
    expect(
      evaluate({ deals: [at('a', '2026-03-01')] }, 'auto')[0]!.warnings.filter((w) =>
        w.message.includes(' is pinned'),
      ),
    ).toEqual([])
  })
})

describe('the framework’s own period', () => {
  it('says, under the framework, that its compliance date fell after BIS stopped enforcing it', () => {
    const caution = (x: Determination) => x.warnings.filter((w) => w.message.includes('its compliance date'))
    const out = byId(
      evaluate(
        { deals: [deal({ id: 'feb', date: '2025-02-03' }), deal({ id: 'may', date: '2025-05-13' })] },
        'auto',
      ),
    )
    expect(out.feb!.packId).toBe('us-ai-diffusion-2025')
    expect(caution(out.feb!)).toHaveLength(1)
    expect(caution(out.feb!)[0]!.message).toMatch(
      /pin us-advanced-computing-2025-05 to see the controls that bound\.$/,
    )
    expect(caution(out.may!)).toEqual([])
    expect(caution(evaluateOne({ id: 'pinned', date: '2025-02-03' }, diffusion))).toHaveLength(1)
  })
})
