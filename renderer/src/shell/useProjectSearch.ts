import { useEffect, useState } from 'react'
import type { ProjectRow } from '../../../shared/domain/project'
import { call } from '../api/client'

/**
 * Deals matching `query` (the ledger's quick filter: id, name, consignee…), at most `limit`, searched
 * in the ledger one query per pause in typing (150 ms debounce) while `active`. Used by pickers that
 * must reach any of 100,000 deals without listing them in the window.
 */
export function useProjectSearch(
  query: string,
  active: boolean,
  options: { limit: number; sortBy: 'id' | 'updatedAt'; sortDir: 'asc' | 'desc' },
): { rows: ProjectRow[]; error: string | null } {
  const [rows, setRows] = useState<ProjectRow[]>([])
  const [error, setError] = useState<string | null>(null)
  const { limit, sortBy, sortDir } = options
  useEffect(() => {
    if (!active) return
    const q = query.trim()
    const t = setTimeout(() => {
      call('projects.list', { offset: 0, limit, sortBy, sortDir, ...(q ? { quick: q } : {}) }).then(
        (page) => {
          setRows(page.rows)
          setError(null)
        },
        (e: Error) => setError(e.message),
      )
    }, 150)
    return () => clearTimeout(t)
  }, [query, active, limit, sortBy, sortDir])
  return { rows, error }
}
