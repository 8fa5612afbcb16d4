import type { ProjectRow } from '../../shared/domain/project'
import type { Ledger } from '../db/ledger'
import { listProjects, type ProjectListFilter } from '../db/projects'

/**
 * The deals matching a filter, read page by page (the list is paged at 1,000 rows), up to `max`.
 * Offset paging costs more the further it reads, so callers that print a list cap it.
 */
export function allProjects(
  db: Ledger,
  filter: Omit<ProjectListFilter, 'offset' | 'limit'>,
  max = Number.POSITIVE_INFINITY,
): ProjectRow[] {
  const rows: ProjectRow[] = []
  for (let offset = 0; rows.length < max; offset += 1000) {
    const page = listProjects(db, { ...filter, offset, limit: Math.min(1000, max - rows.length) })
    rows.push(...page.rows)
    if (page.rows.length < 1000 || rows.length >= page.total) break
  }
  return rows
}
