/**
 * Whether a lifecycle step that records a determination (submit, approve, licence) may run under the
 * pack the header pins: the one rule the ledger (`lifecyclePackId`, which refuses) and the deal panel
 * (which holds the buttons in advance) both read. A step is recorded under the pack in force on the
 * deal's date; a pinned pack is a way of looking. A what-if scenario never records one, and a shipped
 * pack other than the one in force records one only on a date no pack governs.
 */
export type LifecyclePackRefusal = 'scenario' | 'not_in_force'

/** Scenario ids start so (electron/db/scenarios.ts makes them). */
const SCENARIO_PREFIX = 'scn-'

/**
 * Why a step may not run under `pinned` (undefined or `auto`: the timeline's pack), given the pack the
 * timeline gives for the deal's date (`governing`, null or undefined when none does); null when it may.
 */
export function lifecyclePackRefusal(
  pinned: string | undefined,
  governing: string | null | undefined,
): LifecyclePackRefusal | null {
  if (!pinned || pinned === 'auto') return null
  if (pinned.startsWith(SCENARIO_PREFIX)) return 'scenario'
  return governing && governing !== pinned ? 'not_in_force' : null
}
