import { useId } from 'react'
import { formatInt } from '../format'
import { useModalDialog } from './useModalDialog'

export interface Progress {
  title: string
  done: number
  /** 0 when the amount of work is not known (an indeterminate bar). */
  total: number
  /** Where the work is, shown instead of the counts, e.g. "Writing 12,500 of 100,000 deals". */
  detail?: string
  /** Shown under the bar, e.g. what a cancel does. */
  note?: string
  /** Cancel was asked for and the work is winding down: the button says so and cannot be pressed again. */
  cancelling?: boolean
}

/**
 * Long work in progress (exports, imports, re-evaluating the book): how far it is, and a Cancel that
 * leaves nothing half done. Escape is the same as Cancel where there is one; without one, Escape
 * does nothing (closing the dialog would hide work that is still running).
 */
export function ProgressDialog({ progress, onCancel }: { progress: Progress | null; onCancel?: () => void }) {
  const ref = useModalDialog(progress !== null)
  const titleId = useId()
  const detailId = useId()
  const cancel = () => {
    if (onCancel && !progress?.cancelling) onCancel()
  }
  return (
    <dialog
      ref={ref}
      className="progress-dialog"
      aria-labelledby={titleId}
      aria-describedby={detailId}
      // Escape asks to cancel the work, here alone. `closedby="none"` stops the browser closing the
      // dialog itself: on a repeated close request it may do so without the page being able to refuse,
      // hiding work still running.
      closedby="none"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return
        e.preventDefault()
        cancel()
      }}
      // Browsers without `closedby` (the browser host may be opened in any browser) still send a close
      // request: it is refused, and a dialog closed anyway is shown again while the work runs.
      onCancel={(e) => e.preventDefault()}
      onClose={() => {
        if (progress !== null && ref.current && !ref.current.open) ref.current.showModal()
      }}
    >
      <h2 id={titleId}>{progress?.title}</h2>
      {progress?.total ? (
        <progress max={progress.total} value={progress.done} aria-labelledby={titleId} />
      ) : (
        <progress aria-labelledby={titleId} />
      )}
      <p className="muted" id={detailId} aria-live="polite">
        {progress?.detail ??
          (progress?.total ? `${formatInt(progress.done)} of ${formatInt(progress.total)}` : '')}
      </p>
      {progress?.note && <p className="muted small">{progress.note}</p>}
      {onCancel && (
        <div className="dialog-actions">
          <button type="button" onClick={cancel} disabled={progress?.cancelling}>
            {progress?.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        </div>
      )}
    </dialog>
  )
}
