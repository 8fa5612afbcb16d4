import { useEffect, useState } from 'react'
import type { ProjectRow } from '../../../shared/domain/project'
import { call } from '../api/client'

export interface ProjectSearchOptions {
  limit: number
  sortBy: 'id' | 'updatedAt'
  sortDir: 'asc' | 'desc'
  /** Options the picker lists before the matches (e.g. "no deal"): 0 by default. */
  lead?: number
  /** Called with the chosen match, or undefined for one of the lead options. */
  onPick(row: ProjectRow | undefined): void
}

export interface ProjectSearch {
  rows: ProjectRow[]
  error: string | null
  /** The highlighted option: 0…lead-1 are the picker's own, then the matches in order. */
  active: number
  setActive(index: number): void
  /** Moves the highlight by one, within the options. */
  move(delta: 1 | -1): void
  /**
   * Enter: picks the highlighted option when the matches answer the text as it is now; otherwise
   * waits and picks the first match once they do (the search waits for a pause in typing, so Enter
   * often comes first), never one of the previous text's matches.
   */
  enter(): void
  /** Forgets an Enter still waiting for its matches (Escape). */
  cancelEnter(): void
}

interface Answer {
  /** The trimmed text the rows answer; null once it no longer holds (closed, or a new request). */
  query: string | null
  rows: ProjectRow[]
  error: string | null
}

/**
 * A combobox over the ledger's deals: those matching `query` (the ledger's quick filter: id, name,
 * consignee…), at most `limit`, searched one query per pause in typing (150 ms debounce) while
 * `open`, with the highlighted option and Enter. Used by pickers that must reach any of 100,000 deals
 * without listing them in the window. A response to text since changed is dropped, so an older,
 * slower answer never replaces a newer one.
 */
export function useProjectSearch(query: string, open: boolean, options: ProjectSearchOptions): ProjectSearch {
  const { limit, sortBy, sortDir, lead = 0 } = options
  const [answer, setAnswer] = useState<Answer>({ query: null, rows: [], error: null })
  const [active, setActive] = useState(0)
  const [enterWaiting, setEnterWaiting] = useState(false)
  const q = query.trim()
  const current = open && answer.query === q
  const { rows } = answer

  useEffect(() => {
    if (!open) return
    let live = true
    const t = setTimeout(() => {
      call('projects.list', { offset: 0, limit, sortBy, sortDir, ...(q ? { quick: q } : {}) }).then(
        (page) => {
          if (!live) return
          setAnswer({ query: q, rows: page.rows, error: null })
          // As a combobox does: typed text puts the first match active, so Enter picks it; with
          // nothing typed the first option is active.
          setActive(q && page.rows.length > 0 ? lead : 0)
        },
        (e: Error) => {
          if (!live) return
          setAnswer((a) => ({ ...a, error: e.message }))
          setEnterWaiting(false)
        },
      )
    }, 150)
    return () => {
      live = false
      clearTimeout(t)
      setAnswer((a) => (a.query === null ? a : { ...a, query: null }))
    }
  }, [q, open, limit, sortBy, sortDir, lead])

  const pick = (index: number) => options.onPick(index < lead ? undefined : rows[index - lead])
  // The matches and their first-match highlight arrive in one render, so this picks from them.
  useEffect(() => {
    if (!enterWaiting) return
    if (!open) setEnterWaiting(false)
    else if (current) {
      setEnterWaiting(false)
      pick(active)
    }
  })

  return {
    rows,
    error: answer.error,
    active,
    setActive,
    move: (delta) => setActive((a) => Math.max(0, Math.min(a + delta, lead + rows.length - 1))),
    enter: () => {
      if (!open) return
      if (current) pick(active)
      else setEnterWaiting(true)
    },
    cancelEnter: () => setEnterWaiting(false),
  }
}
