import { useEffect, useRef } from 'react'
import { formatInt } from '../format'

export interface Progress {
  title: string
  done: number
  /** 0 when the amount of work is not known (an indeterminate bar). */
  total: number
  /** Shown instead of the counts, e.g. why the work cannot be cancelled half way. */
  note?: string
}

/** Long work in progress (exports, imports): how far it is, and a Cancel that leaves nothing half done. */
export function ProgressDialog({ progress, onCancel }: { progress: Progress | null; onCancel?: () => void }) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = ref.current
    if (!d) return
    if (progress && !d.open) d.showModal()
    else if (!progress && d.open) d.close()
  }, [progress])
  return (
    <dialog
      ref={ref}
      className="progress-dialog"
      aria-label={progress?.title ?? 'Progress'}
      onCancel={(e) => (onCancel ? onCancel() : e.preventDefault())}
    >
      <h2>{progress?.title}</h2>
      {progress?.total ? (
        <>
          <progress max={progress.total} value={progress.done} aria-label={progress.title} />
          <p className="muted">
            {formatInt(progress.done)} of {formatInt(progress.total)}
          </p>
        </>
      ) : (
        <progress aria-label={progress?.title} />
      )}
      {progress?.note && <p className="muted small">{progress.note}</p>}
      {onCancel && (
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
    </dialog>
  )
}
