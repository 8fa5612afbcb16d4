import { useEffect, useId, useState } from 'react'
import { ApiError, call } from '../../api/client'

/**
 * The ledger's marking banner (e.g. "CONFIDENTIAL — EXPORT CONTROLLED"), printed on every page of
 * every report. Changing it is audited with before and after; `onSaved` lets the preview redraw.
 */
export function MarkingSetting({ onSaved }: { onSaved(): void }) {
  const id = useId()
  const [saved, setSaved] = useState<string | null>(null)
  const [draft, setDraft] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  useEffect(() => {
    call('settings.get', {}).then(
      (s) => {
        setSaved(s.marking)
        setDraft(s.marking)
      },
      (e: Error) => setMessage(e.message),
    )
  }, [])
  const save = async () => {
    try {
      const s = await call('settings.setMarking', { marking: draft })
      setSaved(s.marking)
      setMessage('Marking saved; every report now prints it.')
      onSaved()
    } catch (e) {
      setMessage(e instanceof ApiError ? e.info.message : String(e))
    }
  }
  return (
    <form
      className="marking-setting no-print"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <label htmlFor={id}>Marking banner</label>
      <input id={id} value={draft} maxLength={120} onChange={(e) => setDraft(e.target.value)} />
      <button type="submit" disabled={saved === null || draft.trim() === saved}>
        Save marking
      </button>
      {message && (
        <span role="status" className="muted">
          {message}
        </span>
      )}
    </form>
  )
}
