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
  const [active, setActive] = useState(0)
  // The matches answer a query typed before them (the search waits for a pause in typing): until they
  // arrive for the latest keystroke, Enter waits for them rather than pick from the previous matches.
  const [stale, setStale] = useState(false)
  const [enterWaiting, setEnterWaiting] = useState(false)

  useEffect(() => setQuery(value ?? ''), [value])

  const { rows, error } = useProjectSearch(query, open, SEARCH)
  const typed = query.trim() !== ''
  // As a combobox does: what was typed puts the first match active, so Enter picks it; with nothing
  // typed the "no deal" option is active.
  useEffect(() => setActive(typed && rows.length > 0 ? 1 : 0), [rows, typed])
  useEffect(() => setStale(false), [rows, error])

  const choose = (id: string | undefined) => {
    setOpen(false)
    setQuery(id ?? '')
    if (id !== value) onChange(id)
  }
  // Option 0 is "no deal"; options 1… are the matches.
  const options = [undefined, ...rows.map((r) => r.id)]
  useEffect(() => {
    if (!enterWaiting || stale) return
    setEnterWaiting(false)
    if (open) choose(options[active])
  })

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
          setStale(true)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            setOpen(true)
            setActive((a) => Math.min(a + 1, options.length - 1))
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            setActive((a) => Math.max(a - 1, 0))
          } else if (e.key === 'Enter') {
            e.preventDefault()
            if (open && stale) setEnterWaiting(true)
            else if (open) choose(options[active])
          } else if (e.key === 'Escape') {
            setOpen(false)
            setEnterWaiting(false)
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
