import { useEffect } from 'react'

/**
 * App-wide keys: Ctrl/Cmd+K jumps to a project; Ctrl/Cmd+P prints the current view (the print
 * stylesheet and the reports decide what that looks like). Both take over the browser's default.
 */
export function useGlobalShortcuts(onJump: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return
      const k = e.key.toLowerCase()
      if (k === 'k') {
        e.preventDefault()
        onJump()
      } else if (k === 'p') {
        e.preventDefault()
        window.print()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onJump])
}
