import { describe, expect, it } from 'vitest'
import { reloadAction } from '../../../renderer/src/screens/projects/dealReload'

describe('a fresh read of the open deal', () => {
  const v1 = { id: 'D-1', version: 1 }
  it('shows the record as read when nothing is unsaved, or when it is another deal', () => {
    expect(reloadAction(false, v1, { id: 'D-1', version: 2 })).toBe('replace')
    expect(reloadAction(false, null, v1)).toBe('replace')
    expect(reloadAction(true, null, v1)).toBe('replace')
    expect(reloadAction(true, v1, { id: 'D-2', version: 1 })).toBe('replace')
  })
  it('keeps the edits on screen when the deal is the version they started from', () => {
    expect(reloadAction(true, v1, { id: 'D-1', version: 1 })).toBe('refresh')
  })
  it('holds a newer version back while edits are on screen, never putting it under them', () => {
    expect(reloadAction(true, v1, { id: 'D-1', version: 2 })).toBe('hold')
  })
})
