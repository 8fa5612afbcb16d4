import { useEffect, useRef } from 'react'
import { formatInt } from '../format'

export interface Progress {
  title: string
  done: number
  total: number
}

/** Long work in progress (exports, imports): how far it is, and a Cancel that leaves nothing half done. */
export function ProgressDialog({ progress, onCancel }: { progress: Progress | null; onCancel(): void }) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = ref.current
    if (!d) return
    if (progress && !d.open) d.showModal()
    else if (!progress && d.open) d.close()
  }, [progress])
  return (
    <dialog ref={ref} className="progress-dialog" aria-label={progress?.title ?? 'Progress'} onCancel={onCancel}>
      <h2>{progress?.title}</h2>
      <progress max={Math.max(progress?.total ?? 0, 1)} value={progress?.done ?? 0} aria-label={progress?.title} />
      <p className="muted">
        {formatInt(progress?.done ?? 0)} of {formatInt(progress?.total ?? 0)}
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  )
}
