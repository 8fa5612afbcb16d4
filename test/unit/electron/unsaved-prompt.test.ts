import { describe, expect, it, vi } from 'vitest'

/**
 * The renderer refuses to unload while a deal holds unsaved edits; Electron then emits
 * `will-prevent-unload` and shows nothing. The main window must ask, and let the window go only
 * when the officer says to discard.
 */
const listeners = new Map<string, (event: { preventDefault(): void }) => void>()
const showMessageBoxSync = vi.fn()

vi.mock('electron', () => ({
  BrowserWindow: vi.fn(function (this: object) {
    return Object.assign(this, {
      webContents: {
        on: (name: string, fn: (event: { preventDefault(): void }) => void) => listeners.set(name, fn),
      },
      once: vi.fn(),
      show: vi.fn(),
      loadFile: vi.fn(() => Promise.resolve()),
    })
  }),
  dialog: { showMessageBoxSync },
}))

const { createMainWindow, UNSAVED_PROMPT, DISCARD_ANSWER } = await import('../../../electron/main/window')
const { appPaths } = await import('../../../electron/main/app-paths')

function attemptToLeave(answer: number): boolean {
  showMessageBoxSync.mockReturnValueOnce(answer)
  const event = { preventDefault: vi.fn() }
  listeners.get('will-prevent-unload')!(event)
  return event.preventDefault.mock.calls.length > 0
}

describe('closing or reloading the window with unsaved edits', () => {
  const win = createMainWindow(appPaths('/opt/Headroom/out/main'), false)

  it('asks, with "Keep editing" first and the default (Escape and Enter keep the edits)', () => {
    expect(UNSAVED_PROMPT.buttons).toEqual(['Keep editing', 'Discard changes'])
    expect(UNSAVED_PROMPT).toMatchObject({ defaultId: 0, cancelId: 0, title: 'Discard unsaved changes?' })
    expect(UNSAVED_PROMPT.buttons![DISCARD_ANSWER]).toBe('Discard changes')
  })

  it('keeps the window when the officer keeps editing, and lets it go on "Discard changes"', () => {
    expect(attemptToLeave(0)).toBe(false)
    expect(showMessageBoxSync).toHaveBeenLastCalledWith(win, UNSAVED_PROMPT)
    expect(attemptToLeave(DISCARD_ANSWER)).toBe(true)
  })
})
