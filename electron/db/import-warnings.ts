import type { ProjectStatus } from '../../shared/domain/project'
import type { Outcome } from '../../shared/rules/types'

/** Statuses that say the goods have gone: the rules must have let them go. */
const GONE: readonly ProjectStatus[] = ['shipped', 'closed']

const OUTCOME_WORDS: Partial<Record<Outcome, string>> = {
  license_required: 'licence required',
  likely_denied: 'likely denied',
}

/**
 * The warning an import gives for a deal whose status, as the book gives it, the rules contradict: a
 * deal shipped or closed without a licence though its determination requires one (or presumes its
 * denial). The import records the status as given (it is the desk's record of what happened, possibly
 * under rules or facts the ledger does not have), and says so; null when nothing contradicts it.
 */
export function contradictedStatus(
  status: ProjectStatus,
  outcome: Outcome | null,
  packId: string | null,
  hasLicence: boolean,
): string | null {
  if (!GONE.includes(status) || hasLicence || outcome === null) return null
  const words = OUTCOME_WORDS[outcome]
  if (!words) return null
  return (
    `recorded as ${status} as the book gives it, though the determination under ${packId ?? 'its pack'} ` +
    `is ${words} and the book gives no licence`
  )
}
