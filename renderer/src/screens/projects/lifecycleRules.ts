import { fourEyesRefusal } from '../../../../shared/domain/four-eyes'
import type { ProjectDetail, ProjectStatus } from '../../../../shared/domain/project'
import type { CurrentUser } from '../../../../shared/domain/user'

/**
 * Why the acting user cannot take a lifecycle step on a deal, or null when the ledger would let
 * them. The rule is the ledger's own (shared/domain/four-eyes), which it still enforces; this lets
 * the panel disable the button and say why before anyone types a reason.
 */
export function stepUnavailable(
  to: ProjectStatus,
  user: CurrentUser | null,
  preparer: string,
): string | null {
  if (!user) return null
  switch (fourEyesRefusal(to, user, preparer)) {
    case 'reviewer_only':
      return `You act as ${user.displayName}, a ${user.role}: only a reviewer may approve, return or reject a deal.`
    case 'own_deal':
      return 'You prepared this deal: approval needs another reviewer (four eyes).'
    case null:
      return null
  }
}

/** One lifecycle button of the deal panel: its target and why it is disabled (null: enabled). */
export interface LifecycleStep {
  to: ProjectStatus
  unavailable: string | null
}

/**
 * The lifecycle buttons for a deal: the steps the ledger allows next (no way back to draft), each
 * with why the acting user may not take it.
 */
export function lifecycleSteps(detail: ProjectDetail, user: CurrentUser | null): LifecycleStep[] {
  return detail.next
    .filter((s) => s !== 'draft')
    .map((to) => ({ to, unavailable: stepUnavailable(to, user, detail.project.preparer) }))
}
