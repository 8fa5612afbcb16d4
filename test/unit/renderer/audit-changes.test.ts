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
    expect(auditChanges(before, after)).toEqual([
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
    expect(auditChanges({ a: 1 }, { a: 1 })).toEqual([])
    expect(auditChanges(null, { a: 1 })).toBeNull()
    expect(auditChanges({ a: 1 }, null)).toBeNull()
    expect(auditChanges('x', 'y')).toBeNull()
  })
})
