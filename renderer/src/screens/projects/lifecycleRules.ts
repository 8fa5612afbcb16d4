import { fourEyesRefusal, offeredSteps, type FourEyesRefusal } from '../../../../shared/domain/four-eyes'
import { licenceNotInForceRefusal, type DealLicences } from '../../../../shared/domain/licence-expiry'
import type { ProjectDetail, ProjectStatus } from '../../../../shared/domain/project'
import { shipRefusalOf, SHIP_REFUSAL_WORDS } from '../../../../shared/domain/ship-gate'
import type { CurrentUser } from '../../../../shared/domain/user'

/** A four-eyes refusal in the words the panel shows beside a disabled button. */
function refusalInWords(refusal: FourEyesRefusal | null, user: CurrentUser): string | null {
  switch (refusal) {
    case 'reviewer_only':
      return `You act as ${user.displayName}, a ${user.role}: only a reviewer may approve, return or reject a deal.`
    case 'own_deal':
      return 'You prepared this deal: approval needs another reviewer (four eyes).'
    case null:
      return null
  }
}

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
  return user ? refusalInWords(fourEyesRefusal(to, user, preparer), user) : null
}

/** One lifecycle button of the deal panel: its target and why it is disabled (null: enabled). */
export interface LifecycleStep {
  to: ProjectStatus
  unavailable: string | null
}

/**
 * The lifecycle buttons for a deal (`offeredSteps`), each with why it may not be taken: the acting
 * user's four-eyes refusal, or, for Mark shipped, the licence it still needs (shared/domain/ship-gate,
 * whoever acts), read from the latest determination the ledger stored, or its licence having expired or
 * not being issued yet (`licences`, from `licences.forDeal`; not known yet while that read is on its way).
 */
export function lifecycleSteps(
  detail: ProjectDetail,
  user: CurrentUser | null,
  licences?: DealLicences | null,
): LifecycleStep[] {
  return offeredSteps(detail.next, user, detail.project.preparer).map(({ to, refusal }) => ({
    to,
    unavailable: (user ? refusalInWords(refusal, user) : null) ?? shipUnavailable(detail, to, licences),
  }))
}

function shipUnavailable(
  detail: ProjectDetail,
  to: ProjectStatus,
  licences: DealLicences | null | undefined,
): string | null {
  if (to !== 'shipped') return null
  const why = shipRefusalOf(detail, to)
  if (why) return SHIP_REFUSAL_WORDS[why]
  // Read for this deal only: a read still answering for the deal shown before is not this one's.
  return licences?.dealId === detail.project.id ? licenceNotInForceRefusal(licences) : null
}
