import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { headroomOf } from '../../../electron/db/capacity'
import { openLedger, type Ledger } from '../../../electron/db/ledger'
import { listProjects, storedDeterminations } from '../../../electron/db/projects'
import { ensureSampleOnFirstStart } from '../../../electron/sample/load-sample'
import type { ProjectRow } from '../../../shared/domain/project'
import type { Determination } from '../../../shared/rules/types'
import { tempLedgerPath } from '../helpers/temp-ledger'

/**
 * `projects.list` rows carry a headroom impact: the tightest TPP cap after the deal. Only caps the deal
 * is counted in qualify (the engine's `counted`, and a licence's country allocation, counted once
 * licensed); a cap the determination shows for contrast — the LPP year of a deal that needed a licence
 * because that year was exceeded — does not.
 */

let db: Ledger
let rows: Map<string, ProjectRow>
beforeAll(() => {
  db = openLedger(tempLedgerPath())
  ensureSampleOnFirstStart(db, { created: true, actor: 'desk.officer' })
  rows = new Map(listProjects(db, { limit: 1000 }).rows.map((r) => [r.id, r]))
})
afterAll(() => db.close())

const lastDetermination = (id: string): Determination => {
  const stored = storedDeterminations(db, id)
  return stored[stored.length - 1]!.determination as Determination
}

describe('headroom impact of a deal', () => {
  it('ignores the exceeded LPP year of a licensed deal and shows its country allocation', () => {
    // SMPL-25-001: 24,000 H100 to Malaysia, beyond the consignee's LPP year, so licensed.
    const d = lastDetermination('SMPL-25-001')
    const lpp = d.caps.find((c) => c.kind === 'lpp')
    expect(lpp).toMatchObject({ counted: false, exceeded: true })
    expect(lpp!.remaining).toBeLessThan(0)
    const impact = rows.get('SMPL-25-001')!.headroomImpact
    expect(impact?.bucket).toBe('country:MY')
    expect(impact!.remaining).toBeGreaterThan(0)
  })

  it('never names a cap the deal is not counted in', () => {
    let checked = 0
    for (const row of rows.values()) {
      if (!row.headroomImpact) continue
      const d = lastDetermination(row.id)
      const cap = d.caps.find((c) => c.bucket === row.headroomImpact!.bucket)!
      expect(cap, row.id).toBeDefined()
      expect(cap.counted || (d.authorization === 'LICENSE' && cap.kind === 'country'), row.id).toBe(true)
      if (d.authorization !== 'LPP') expect(cap.kind, row.id).not.toBe('lpp')
      checked++
    }
    expect(checked).toBeGreaterThan(5)
  })

  it('for an NVEU deal, agrees with the headroom board (installed base counted)', () => {
    expect(rows.get('SMPL-25-007')!.headroomImpact).toEqual({
      bucket: 'nveu:NVEU-IN-0007:IN:2025-Q1',
      remaining: headroomOf(db, 'nveu:NVEU-IN-0007:IN:2025-Q1')!.remaining,
    })
    expect(rows.get('SMPL-25-008')!.headroomImpact).toEqual({
      bucket: 'nveu:NVEU-IN-0007:IN:2025-Q2',
      remaining: headroomOf(db, 'nveu:NVEU-IN-0007:IN:2025-Q2')!.remaining,
    })
  })

  it('gives a UVEU deal (share caps only) no TPP impact', () => {
    expect(rows.get('SMPL-25-015')!.headroomImpact).toBeNull()
  })
})
