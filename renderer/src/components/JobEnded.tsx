import type { ReactNode } from 'react'

/**
 * What a background job (an import, a re-evaluation) left on screen when it ended: done, failed or
 * cancelled, in the words of the screen that ran it, until the user dismisses it. The screen writes
 * the words; this frames them the same way everywhere.
 */
export function JobEnded({
  alert = false,
  onDismiss,
  children,
}: {
  /** A failure the user has to notice (an alert); otherwise a status. */
  alert?: boolean
  onDismiss(): void
  children: ReactNode
}) {
  return (
    <div role={alert ? 'alert' : 'status'} className={alert ? 'import-result error' : 'import-result'}>
      {children}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        ✕
      </button>
    </div>
  )
}
