import { useId, useState } from 'react'
import type { ScenarioRecord } from '../../../../shared/domain/scenario'
import { useModalDialog } from '../../components/useModalDialog'

/**
 * Asks for a scenario's new title (a modal `<dialog>`: focus stays in it, Escape cancels). A refusal
 * (blank, or a title another scenario or pack has) is shown under the field, which is marked; the
 * dialog stays open with what was typed. Mounted only while a scenario is being renamed, so it starts
 * from that scenario's title and its field is not a second "title" on the screen the rest of the time.
 */
export function RenameScenarioDialog({
  scenario,
  error,
  busy,
  onConfirm,
  onCancel,
}: {
  scenario: ScenarioRecord
  /** Why the core refused the last title tried, or null. */
  error: string | null
  busy: boolean
  onConfirm(title: string): void
  onCancel(): void
}) {
  const fieldId = useId()
  const titleId = useId()
  const errorId = useId()
  const [title, setTitle] = useState(scenario.title)
  const [blank, setBlank] = useState(false)
  // The title the core last refused: its reason shows until the field says something else.
  const [tried, setTried] = useState<string | null>(null)
  const ref = useModalDialog(true)
  const problem = blank ? 'A title is required.' : error && title.trim() === tried ? error : null
  return (
    <dialog ref={ref} className="rename-dialog" aria-labelledby={titleId} onClose={onCancel}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault()
          const typed = title.trim()
          setBlank(typed === '')
          if (typed !== '') {
            setTried(typed)
            onConfirm(typed)
          }
        }}
      >
        <h2 id={titleId}>
          Rename scenario “{scenario.title}” ({scenario.id})
        </h2>
        <label htmlFor={fieldId}>New title</label>
        <input
          id={fieldId}
          value={title}
          maxLength={120}
          autoFocus
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          onChange={(e) => {
            setTitle(e.target.value)
            setBlank(false)
          }}
        />
        {problem && (
          <p id={errorId} role="alert" className="field-error">
            {problem}
          </p>
        )}
        <p className="muted small">
          Only the title changes: the id, the edits and the rules stay, and determinations already stored
          under the scenario keep what they recorded (each names the pack id and its hash). The rename is
          recorded in the audit trail with the old and new titles.
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Rename scenario
          </button>
        </div>
      </form>
    </dialog>
  )
}
