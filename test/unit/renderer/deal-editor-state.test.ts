import { describe, expect, it, vi } from 'vitest'
import { editorState } from '../../../renderer/src/screens/projects/DealEditor'

// The editor's module imports the API client, which picks its bridge from `window` on load; the
// state logic under test never calls it.
vi.mock('../../../renderer/src/api/client', () => ({ ApiError: class extends Error {}, call: vi.fn() }))

describe('deal editor state', () => {
  it('has a form only for a new deal and for the deal it has read', () => {
    expect(editorState(null, null, null)).toBe('new')
    expect(editorState('D-1', 'D-1', null)).toBe('loaded')
    expect(editorState('D-1', null, null)).toBe('loading')
  })

  it('is locked, not an empty form, when the deal could not be read', () => {
    expect(
      editorState('SMPL-25-027', null, 'Internal error in projects.get; the ledger was not changed.'),
    ).toBe('failed')
    // A failed re-read of the same deal does not leave its earlier record on screen as current.
    expect(editorState('D-1', 'D-1', 'Internal error')).toBe('failed')
  })

  it('does not show the previous deal under the next deal’s name while the next one loads', () => {
    expect(editorState('D-2', 'D-1', null)).toBe('loading')
  })
})
