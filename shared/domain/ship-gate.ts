import type { ProjectDetail, ProjectStatus } from './project'

/**
 * Whether an approved deal may be marked shipped: the one rule the ledger (`projects.transition`,
 * which enforces it) and the deal panel (which disables Mark shipped in advance) both read. Approval
 * decides the deal may go ahead, not that it may leave without its licence: shipping straight from
 * approved is for a deal that needs none (an exception such as LPP, or no licence requirement). A
 * deal whose determination says a licence is required, or cannot say, ships after Record licence.
 * (An import records a historical shipped status as the book gives it and only warns.)
 */

/**
 * Why an approved deal may not be shipped yet: its licence is required, or it was not determined, or
 * it is recorded as licensed but its licence was never drawn (see `shipRefusal`).
 */
export type ShipRefusal = 'licence_required' | 'not_determined' | 'licence_not_drawn'

/**
 * Why a deal in `status` may not move to `to` for want of a licence, or null when it may. `latest` is
 * the licence answer of the deal's latest stored determination (null: not determinable), or undefined
 * when none is stored; `licensed` is the deal's own record of a licence granted.
 */
export function shipRefusal(
  deal: { status: ProjectStatus; licensed: boolean },
  to: ProjectStatus,
  latest: boolean | null | undefined,
): ShipRefusal | null {
  if (deal.status !== 'approved' || to !== 'shipped' || latest === false) return null
  // Recorded as licensed at approved: only an imported book gives that (the lifecycle's Record licence
  // step moves a deal on to licensed), and the import draws a licence only for licensed, shipped and
  // closed deals. Shipped from here, the deal would never draw its licence; Record licence draws it.
  if (deal.licensed) return 'licence_not_drawn'
  return latest === true ? 'licence_required' : 'not_determined'
}

/**
 * `shipRefusal` for a step offered on a deal as the deal panel has it (`projects.get`): its licence
 * record and the last of its stored decisions (a re-evaluation is not one).
 */
export function shipRefusalOf(
  detail: Pick<ProjectDetail, 'project' | 'determinations'>,
  to: ProjectStatus,
): ShipRefusal | null {
  if (to !== 'shipped') return null
  return shipRefusal(
    detail.project,
    to,
    gateAnswer(
      detail.determinations.map((d) => ({
        stage: d.stage,
        licenseRequired: d.determination.licenseRequired,
      })),
    ),
  )
}

/** The stage of a determination stored by a re-evaluation of the book (electron/db/reevaluate.ts). */
export const REEVALUATION_STAGE = 'reevaluation'

/**
 * The licence answer the gate reads from a deal's stored determinations, oldest first: that of the
 * latest decision (submission, approval, licence, import), unless a re-evaluation since says a licence
 * is or may be needed. A re-evaluation can hold a deal back but never release it: it may have run
 * under a what-if scenario or a pack not in force, which decides nothing. Undefined when none is stored.
 */
export function gateAnswer(
  stored: ReadonlyArray<{ stage: string; licenseRequired: boolean | null }>,
): boolean | null | undefined {
  let answer: boolean | null | undefined
  for (const d of stored) {
    if (d.stage !== REEVALUATION_STAGE) answer = d.licenseRequired
    else if (answer === false && d.licenseRequired !== false) answer = d.licenseRequired
  }
  return answer
}

/** The refusal in the words both the ledger and the deal panel give. */
export const SHIP_REFUSAL_WORDS: Readonly<Record<ShipRefusal, string>> = {
  licence_required:
    'This deal needs a licence (its latest determination says one is required) and none is recorded: record the licence first, then mark it shipped.',
  not_determined:
    'This deal could not be determined (its latest determination cannot say whether a licence is required), so it may need one and none is recorded: record the licence first, then mark it shipped.',
  licence_not_drawn:
    'This deal is recorded as licensed, but it came to approved (from an imported book) without its licence being drawn: take Record licence, which draws the licence for it, then mark it shipped.',
}
