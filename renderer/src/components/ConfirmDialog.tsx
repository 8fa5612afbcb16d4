import { useId, type ReactNode } from 'react'
import { useModalDialog } from './useModalDialog'

/**
 * Asks before an action that writes or throws work away (a modal `<dialog>`: focus stays in it, Escape
 * cancels, and on closing focus goes back where it was). Cancel has the focus first, so Enter alone never
 * starts the action.
 */
export function ConfirmDialog({
  open,
  title,
  action,
  cancelLabel = 'Cancel',
  onConfirm,
  onCancel,
  children,
}: {
  open: boolean
  title: string
  /** Label of the confirm button, e.g. "Re-evaluate". */
  action: string
  /** Label of the button that declines, where "Cancel" would be unclear (e.g. "Keep editing"). */
  cancelLabel?: string
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
          {cancelLabel}
        </button>
        <button type="button" className="primary" onClick={onConfirm}>
          {action}
        </button>
      </div>
    </dialog>
  )
}
