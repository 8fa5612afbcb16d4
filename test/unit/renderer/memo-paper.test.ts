import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { MemoReport } from '../../../renderer/src/reports/MemoReport'
import type { MemoReport as MemoData } from '../../../shared/ipc/ops/reports'
import type { Project } from '../../../shared/domain/project'
import { evaluate } from '../../../shared/rules/evaluator'
import type { Deal } from '../../../shared/rules/types'

const DEAL: Deal = {
  id: 'D-1',
  date: '2025-03-10',
  consignee: 'Acme Cloud India',
  consigneeHq: 'IN',
  parentHq: null,
  destination: 'IN',
  authorization: 'LPP',
  lines: [{ chip: 'H100', quantity: 400 }],
}

/** A memo around the engine's own determination of `deal`, as `reports.memo` answers for a draft. */
function memo(deal: Deal, overrides: Partial<MemoData> = {}, project: Partial<Project> = {}): MemoData {
  const d = evaluate({ deals: [deal] }, 'auto')[0]!
  return {
    header: {
      kind: 'memo',
      title: 'Export determination memo',
      documentNumber: `HR-MEMO-${deal.id}-v2`,
      marking: 'CONFIDENTIAL',
      printedAt: '2025-03-20T10:00:00.000Z',
      pack: null,
      fingerprint: { headHash: 'ab'.repeat(32), events: 7 },
      appVersion: 'test',
      ledgerName: 'ledger.sqlite',
    },
    project: {
      id: deal.id,
      version: 2,
      status: 'returned',
      name: 'Mumbai inference cluster',
      consignee: deal.consignee,
      consigneeHq: deal.consigneeHq,
      parentHq: deal.parentHq,
      destination: deal.destination,
      plannedDate: deal.date,
      authorization: deal.authorization,
      lines: [{ chip: 'H100', quantity: 400 }],
      licensed: false,
      licenceNumber: null,
      authorizedTpp: null,
      authorizedUnits: null,
      preparer: 'alice',
      reviewer: 'bob',
      sample: false,
      createdAt: '2025-03-01T09:00:00.000Z',
      updatedAt: '2025-03-02T09:00:00.000Z',
      ...project,
    } as Project,
    destinationName: 'India',
    consigneeHq: { code: 'IN', name: 'India', source: 'deal' },
    parentHq: { code: null, name: null, source: 'deal' },
    lines: [],
    determination: d,
    determinationSource: 'evaluated',
    setAside: [],
    packChanged: null,
    stored: null,
    authorization: d.authorization,
    requirements: [],
    preparer: { name: 'alice', at: null },
    reviewer: null,
    imported: null,
    history: [],
    capacity: [],
    audit: [],
    ...overrides,
  }
}

/** The memo as printed, tags stripped and spaces joined: what the reader sees. */
const paper = (data: MemoData): string =>
  renderToStaticMarkup(createElement(MemoReport, { data, paper: 'a4', orientation: 'portrait' }))
    .replace(/<style>[^]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|’/g, "'")
    .replace(/\s+/g, ' ')

const SET_ASIDE = {
  id: 3,
  stage: 'submit',
  at: '2025-03-01T10:00:00.000Z',
  actor: 'alice',
  packId: 'us-ai-diffusion-2025',
  projectVersion: 1,
  outcome: 'allowed' as const,
  why: 'earlier_version' as const,
}

describe('the memo on paper', () => {
  it('says a deal edited since its last determination was evaluated for the print, and names that one', () => {
    const text = paper(memo(DEAL, { setAside: [SET_ASIDE] }))
    expect(text).toContain('the deal has been edited since its last recorded determination (of version 1')
    expect(text).toContain('Recorded determinations this memo does not record')
    expect(text).toContain('of version 1 of the deal, edited since (now version 2)')
    expect(text).not.toContain('it has not been submitted')
  })

  it('lists a what-if re-evaluation after the recorded determination as not the record', () => {
    const text = paper(
      memo(DEAL, {
        determinationSource: 'stored',
        stored: {
          id: 2,
          stage: 'approve',
          at: '2025-03-02T10:00:00.000Z',
          actor: 'bob',
          packHash: 'cd'.repeat(32),
          projectVersion: 2,
        },
        setAside: [
          {
            ...SET_ASIDE,
            stage: 'reevaluation',
            packId: 'scn-1',
            projectVersion: 2,
            outcome: 'license_required',
            why: 'scenario',
          },
        ],
      }),
    )
    expect(text).toContain('Recorded at approve')
    expect(text).toContain('Stored for this deal after the one above, but not its record')
    expect(text).toContain('scn-1 Licence required a what-if re-evaluation under a scenario')
  })

  it('says the pack changed since the determination was recorded', () => {
    const text = paper(memo(DEAL, { packChanged: { recorded: '1'.repeat(64), current: '2'.repeat(64) } }))
    expect(text).toContain(
      `has changed since this determination was recorded (recorded version ${'1'.repeat(12)}, this build's ${'2'.repeat(12)})`,
    )
  })
})
