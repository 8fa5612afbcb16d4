import type { ProjectRow, ProjectStatus } from '../../shared/domain/project'
import type { Ledger } from '../db/ledger'
import { listProjects, type ProjectListFilter } from '../db/projects'

/** Deals no longer in play: a portfolio of open deals leaves them out. */
export const FINAL_STATUSES: readonly ProjectStatus[] = ['closed', 'rejected', 'cancelled']

/** Every deal matching a filter, read page by page (the list is paged at 1,000 rows). */
export function allProjects(db: Ledger, filter: Omit<ProjectListFilter, 'offset' | 'limit'>): ProjectRow[] {
  const rows: ProjectRow[] = []
  for (let offset = 0; ; offset += 1000) {
    const page = listProjects(db, { ...filter, offset, limit: 1000 })
    rows.push(...page.rows)
    if (page.rows.length < 1000 || rows.length >= page.total) return rows
  }
}
