import type { ProjectStatus } from '../../../../shared/domain/project'
import type { CurrentUser } from '../../../../shared/domain/user'

/** Steps only a reviewer may take (the ledger's own check in `transition`, said here in advance). */
export const REVIEWER_STEPS: readonly ProjectStatus[] = ['approved', 'returned', 'rejected']

/**
 * Why the acting user cannot take a lifecycle step on a deal, or null when the ledger would let
 * them. The ledger still enforces both rules; this lets the panel disable the button and say why
 * before anyone types a reason. The role comes first, as the ledger checks it first.
 */
export function stepUnavailable(
  to: ProjectStatus,
  user: CurrentUser | null,
  preparer: string,
): string | null {
  if (!user) return null
  if (REVIEWER_STEPS.includes(to) && user.role !== 'reviewer')
    return `You act as ${user.displayName}, a ${user.role}: only a reviewer may approve, return or reject a deal.`
  if (to === 'approved' && user.name === preparer)
    return 'You prepared this deal: approval needs another reviewer (four eyes).'
  return null
}
