import { useId, useState, type ReactNode } from 'react'
import { useModalDialog } from './useModalDialog'

export interface ReasonRequest {
  title: string
  /** Label of the confirm button, e.g. "Approve". */
  action: string
  reasonRequired: boolean
}

/**
 * Asks for the recorded reason of a lifecycle step. A modal `<dialog>`: focus stays in it, Escape
 * cancels. The reason is required where the lifecycle says so (approve, return, reject, cancel).
 */
export function ReasonDialog({
  request,
  onConfirm,
  onCancel,
  error,
  busy,
  children,
}: {
  request: ReasonRequest | null
  onConfirm(reason: string): void
  onCancel(): void
  error?: string | null
  busy?: boolean
  /** Extra fields or notes for this step (a licence number, the pack it is evaluated under). */
  children?: ReactNode
}) {
  const fieldId = useId()
  const titleId = useId()
  const [reason, setReason] = useState('')
  const [touched, setTouched] = useState(false)
  // Each request starts from an empty reason, not the one typed for the last step.
  const ref = useModalDialog(request !== null, () => {
    setReason('')
    setTouched(false)
  })

  const missing = request?.reasonRequired && reason.trim() === ''
  return (
    <dialog ref={ref} className="reason-dialog" aria-labelledby={titleId} onClose={onCancel}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault()
          setTouched(true)
          if (!missing) onConfirm(reason.trim())
        }}
      >
        <h2 id={titleId}>{request?.title}</h2>
        {children}
        <label htmlFor={fieldId}>Reason{request?.reasonRequired ? ' (required)' : ' (optional)'}</label>
        <textarea
          id={fieldId}
          rows={4}
          value={reason}
          required={request?.reasonRequired}
          aria-invalid={touched && missing ? true : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {touched && missing && <p className="error">A reason is required.</p>}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {request?.action}
          </button>
        </div>
      </form>
    </dialog>
  )
}
