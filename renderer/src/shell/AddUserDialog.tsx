import { useId, useState } from 'react'
import { ApiError, call } from '../api/client'
import { useModalDialog } from '../components/useModalDialog'

/**
 * Registers a desk user (name and role). Four eyes needs at least one reviewer besides the preparer;
 * a new desk adds them here. The ledger audits the addition.
 */
export function AddUserDialog({
  open,
  onClose,
  onAdded,
}: {
  open: boolean
  onClose(): void
  onAdded(name: string): void
}) {
  const ref = useModalDialog(open)
  const ids = { name: useId(), display: useId(), role: useId() }
  const [name, setName] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [role, setRole] = useState<'preparer' | 'reviewer'>('reviewer')
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    setError(null)
    try {
      const user = await call('users.create', {
        name: name.trim(),
        role,
        ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
      })
      setName('')
      setDisplayName('')
      onAdded(user.name)
    } catch (e) {
      setError(e instanceof ApiError ? e.info.message : String(e))
    }
  }
  return (
    <dialog ref={ref} aria-labelledby={`${ids.name}-title`} onClose={onClose} className="add-user-dialog">
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <h2 id={`${ids.name}-title`}>Add a desk user</h2>
        <label htmlFor={ids.name}>User name</label>
        <input
          id={ids.name}
          value={name}
          required
          onChange={(e) => setName(e.target.value)}
          placeholder="e.g. j.doe"
        />
        <label htmlFor={ids.display}>Display name</label>
        <input id={ids.display} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        <label htmlFor={ids.role}>Role</label>
        <select
          id={ids.role}
          value={role}
          onChange={(e) => setRole(e.target.value as 'preparer' | 'reviewer')}
        >
          <option value="reviewer">Reviewer (may approve, return and reject)</option>
          <option value="preparer">Preparer</option>
        </select>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Add user
          </button>
        </div>
      </form>
    </dialog>
  )
}
