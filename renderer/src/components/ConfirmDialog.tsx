import { useId, type ReactNode } from 'react'
import { useModalDialog } from './useModalDialog'

/**
 * Asks before an action that writes (a modal `<dialog>`: focus stays in it, Escape cancels). Cancel
 * has the focus first, so Enter alone never starts the action.
 */
export function ConfirmDialog({
  open,
  title,
  action,
  onConfirm,
  onCancel,
  children,
}: {
  open: boolean
  title: string
  /** Label of the confirm button, e.g. "Re-evaluate". */
  action: string
  onConfirm(): void
  onCancel(): void
  children?: ReactNode
}) {
  const ref = useModalDialog(open)
  const titleId = useId()
  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby={titleId} onClose={onCancel}>
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className="primary" onClick={onConfirm}>
          {action}
        </button>
      </div>
    </dialog>
  )
}
