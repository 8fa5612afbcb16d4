import { describe, expect, it } from 'vitest'
import { auditChanges } from '../../../renderer/src/screens/audit/auditChanges'

describe('what an audited change altered', () => {
  it('names each changed, added and removed field by its path, with exact JSON values', () => {
    const before = {
      id: 'D-1',
      version: 1,
      notes: 'first',
      site: 'Johor',
      lines: [{ chip: 'H100', quantity: 10 }],
      reviewer: null,
    }
    const after = {
      id: 'D-1',
      version: 2,
      notes: 'first',
      lines: [
        { chip: 'H100', quantity: 12 },
        { chip: 'H20', quantity: 5 },
      ],
      reviewer: 'bob',
      licenceNumber: '10',
    }
    expect(auditChanges('project.update', before, after)).toEqual([
      { path: 'version', kind: 'changed', before: '1', after: '2' },
      { path: 'site', kind: 'removed', before: '"Johor"', after: null },
      { path: 'lines.0.quantity', kind: 'changed', before: '10', after: '12' },
      { path: 'lines.1', kind: 'added', before: null, after: '{"chip":"H20","quantity":5}' },
      { path: 'reviewer', kind: 'changed', before: 'null', after: '"bob"' },
      // A text "10" is not the number 10: the values are shown as JSON.
      { path: 'licenceNumber', kind: 'added', before: null, after: '"10"' },
    ])
  })

  it('is empty when nothing differs, and null when there is no before and after to compare', () => {
    expect(auditChanges('project.update', { a: 1 }, { a: 1 })).toEqual([])
    expect(auditChanges('project.create', null, { a: 1 })).toBeNull()
    expect(auditChanges('project.delete', { a: 1 }, null)).toBeNull()
    expect(auditChanges('project.update', 'x', 'y')).toBeNull()
  })

  it('is null for an event whose before and after are different things: a licence draw is not a licence erased', () => {
    // licence.commit: the licence's remaining figures before, the draw asked for after.
    const before = { remainingTpp: 1_000_000, remainingUnits: 60 }
    const after = { number: 'L-1', action: 'commit', tpp: 158_320, units: 10, projectId: 'D-1' }
    expect(auditChanges('licence.commit', before, after)).toBeNull()
    expect(auditChanges('ledger.import', before, after)).toBeNull()
  })

  it('leaves a transition’s reason out: it is why the record changed, not a field of it', () => {
    expect(
      auditChanges(
        'project.transition',
        { status: 'in_review', reviewer: null, licenceNumber: null },
        { status: 'approved', reviewer: 'bob', licenceNumber: null, reason: 'checked' },
      ),
    ).toEqual([
      { path: 'status', kind: 'changed', before: '"in_review"', after: '"approved"' },
      { path: 'reviewer', kind: 'changed', before: 'null', after: '"bob"' },
    ])
  })
})
