import { useEffect, useId, useState } from 'react'
import { useProjectSearch } from '../../shell/useProjectSearch'

const MATCHES = 20
const SEARCH = { limit: MATCHES, sortBy: 'id', sortDir: 'asc' } as const

/**
 * Chooses one deal by searching the ledger (`projects.list` with the quick filter, 20 matches a
 * query), so any of 100,000 deals can be reached without loading them into the window. A combobox:
 * type, then pick with the arrow keys and Enter or with the mouse.
 */
export function DealPicker({
  label,
  value,
  onChange,
  emptyLabel,
}: {
  label: string
  value: string | undefined
  onChange: (id: string | undefined) => void
  /** What no choice means (e.g. "All events"); shown as the first option while searching. */
  emptyLabel: string
}) {
  const inputId = useId()
  const listId = useId()
  const [query, setQuery] = useState(value ?? '')
  const [open, setOpen] = useState(false)

  useEffect(() => setQuery(value ?? ''), [value])

  const choose = (id: string | undefined) => {
    setOpen(false)
    setQuery(id ?? '')
    if (id !== value) onChange(id)
  }
  // Option 0 is "no deal"; options 1… are the matches.
  const { rows, error, active, setActive, move, enter, cancelEnter } = useProjectSearch(query, open, {
    ...SEARCH,
    lead: 1,
    onPick: (row) => choose(row?.id),
  })
  const options = [undefined, ...rows.map((r) => r.id)]

  return (
    <div className="deal-picker">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="search"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        autoComplete="off"
        placeholder="Search deal id, name or consignee"
        value={query}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onChange={(e) => {
          setQuery(e.target.value)
          setOpen(true)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            setOpen(true)
            move(1)
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            move(-1)
          } else if (e.key === 'Enter') {
            e.preventDefault()
            enter()
          } else if (e.key === 'Escape') {
            setOpen(false)
            cancelEnter()
            setQuery(value ?? '')
          }
        }}
      />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {open && (
        <ul id={listId} role="listbox" aria-label={`${label}: matching deals`} className="deal-picker-list">
          {options.map((id, i) => {
            const row = rows[i - 1]
            return (
              <li
                key={id ?? ''}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseEnter={() => setActive(i)}
                // mousedown, not click: the input's blur would close the list before a click lands.
                onMouseDown={(e) => {
                  e.preventDefault()
                  choose(id)
                }}
              >
                {row ? (
                  <>
                    <span className="mono">{row.id}</span> <span>{row.name}</span>{' '}
                    <span className="muted">{row.consignee}</span>
                  </>
                ) : (
                  <span className="muted">{emptyLabel}</span>
                )}
              </li>
            )
          })}
          {rows.length === MATCHES && (
            <li className="muted" aria-disabled="true">
              First {MATCHES} matches; type more to narrow.
            </li>
          )}
        </ul>
      )}
    </div>
  )
}
