import { useEffect } from 'react'

/**
 * Work on screen that leaving would throw away: one at a time (the deal editor is the only form that
 * holds a record's edits). The shell asks before it switches screen, and the window asks before it
 * reloads or closes (`beforeunload`; in Electron the main process turns that into a question).
 */
let current: string | null = null

/** What would be lost, in the officer's words, or null when nothing is unsaved. */
export const unsavedWork = (): string | null => current

/** Registers `what` (e.g. "Deal D-12 has changes that are not saved.") while it is not null. */
export function useUnsavedWork(what: string | null): void {
  useEffect(() => {
    if (what === null) return
    current = what
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault()
      // Older Chromium (and Electron's `will-prevent-unload`) look at returnValue.
      e.returnValue = ''
    }
    window.addEventListener('beforeunload', ask)
    return () => {
      window.removeEventListener('beforeunload', ask)
      if (current === what) current = null
    }
  }, [what])
}
