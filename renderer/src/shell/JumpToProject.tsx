import { useId, useState } from 'react'
import type { ProjectRow } from '../../../shared/domain/project'
import { StatusChip } from '../components/StatusChip'
import { useModalDialog } from '../components/useModalDialog'
import { navigate } from './routes'
import { useProjectSearch } from './useProjectSearch'

const SEARCH = { limit: 8, sortBy: 'updatedAt', sortDir: 'desc' } as const

/**
 * Ctrl/Cmd+K: find a deal by id, name or consignee (the ledger's quick filter) and open it. A modal
 * `<dialog>` so focus stays inside and Escape closes it.
 */
export function JumpToProject({ open, onClose }: { open: boolean; onClose: () => void }) {
  const inputId = useId()
  const listId = useId()
  const [query, setQuery] = useState('')
  // Each opening starts a new search, not the last one.
  const ref = useModalDialog(open, () => setQuery(''))

  const choose = (row: ProjectRow | undefined) => {
    if (!row) return
    onClose()
    navigate('projects', { id: row.id })
  }
  const { rows, error, active, setActive, move, enter } = useProjectSearch(query, open, {
    ...SEARCH,
    onPick: choose,
  })

  return (
    <dialog ref={ref} className="jump-dialog" aria-label="Jump to project" onClose={onClose}>
      <label htmlFor={inputId}>Jump to project</label>
      <input
        id={inputId}
        type="search"
        role="combobox"
        aria-expanded={rows.length > 0}
        aria-controls={listId}
        aria-activedescendant={rows[active] ? `${listId}-${active}` : undefined}
        autoComplete="off"
        placeholder="Deal id, name or consignee"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            move(1)
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            move(-1)
          } else if (e.key === 'Enter') {
            e.preventDefault()
            enter()
          }
        }}
      />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ul id={listId} role="listbox" aria-label="Matching projects" className="jump-results">
        {rows.map((r, i) => (
          <li
            key={r.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(r)}
          >
            <span className="mono">{r.id}</span> <strong>{r.name}</strong>{' '}
            <span className="muted">{r.consignee}</span> <StatusChip status={r.status} />
          </li>
        ))}
      </ul>
      {rows.length === 0 && !error && <p className="muted">No matching projects</p>}
    </dialog>
  )
}
