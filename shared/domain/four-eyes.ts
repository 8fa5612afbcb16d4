import type { ProjectStatus } from './project'
import type { DeskRole } from './user'

/**
 * Who may take which lifecycle step: the one table both the ledger (`projects.transition`, which
 * enforces it) and the deal panel (which disables the buttons in advance) read, so the two cannot
 * drift. Reasons are in `REASON_REQUIRED` (shared/domain/project).
 */

/** Steps only a reviewer may take: they decide on someone else's submission. */
export const REVIEWER_STEPS: readonly ProjectStatus[] = ['approved', 'returned', 'rejected']

/** Steps the deal's own preparer may not take, whatever their role (four eyes). */
const NOT_BY_PREPARER: readonly ProjectStatus[] = ['approved']

/** Why a person may not take a step: not a reviewer, or the deal's own preparer. */
export type FourEyesRefusal = 'reviewer_only' | 'own_deal'

/**
 * Why `actor` may not move a deal prepared by `preparer` to `to`, or null when four eyes allows it.
 * The role comes first, as the ledger reports it first. Whether the lifecycle allows the step at all
 * is `PROJECT_TRANSITIONS`.
 */
export function fourEyesRefusal(
  to: ProjectStatus,
  actor: { name: string; role: DeskRole },
  preparer: string,
): FourEyesRefusal | null {
  if (REVIEWER_STEPS.includes(to) && actor.role !== 'reviewer') return 'reviewer_only'
  if (NOT_BY_PREPARER.includes(to) && actor.name === preparer) return 'own_deal'
  return null
}

/** A lifecycle step the deal panel offers, and why the acting person may not take it (null: they may). */
export interface OfferedStep {
  to: ProjectStatus
  refusal: FourEyesRefusal | null
}

/**
 * The steps the deal panel offers on a deal whose lifecycle allows `next`: every one but the way back
 * to draft, each with the four-eyes refusal for `actor` (none when nobody is acting yet; the ledger
 * still decides). What the panel enables is exactly what `projects.transition` accepts, a ledger test
 * walking every status, step and person holds the two together.
 */
export function offeredSteps(
  next: readonly ProjectStatus[],
  actor: { name: string; role: DeskRole } | null,
  preparer: string,
): OfferedStep[] {
  return next
    .filter((to) => to !== 'draft')
    .map((to) => ({ to, refusal: actor ? fourEyesRefusal(to, actor, preparer) : null }))
}
