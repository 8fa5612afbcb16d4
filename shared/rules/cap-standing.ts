import type { CapEffect, Determination } from './types'

/**
 * How a cap stands to the deal on its route:
 * - `counted`: the route draws on the cap now;
 * - `projected`: the route draws on it once the licence is granted. The engine keeps the destination's
 *   country allocation on the LICENSE route with `counted: false` while the licence is only sought, yet
 *   the licensed TPP counts against the allocation and the ledger reserves it from submission. It is the
 *   deal's own cap, with its verdict, said as projected;
 * - `contrast`: the route does not draw on it; shown only for what it would be.
 *
 * The deal panel shows caps by it, and the ledger takes a deal's headroom impact from the caps that are
 * not `contrast` (electron/db/project-row.ts `headroomImpactOf`), so the two cannot drift apart.
 */
export type CapStanding = 'counted' | 'projected' | 'contrast'

export function capStanding(
  cap: Pick<CapEffect, 'counted' | 'kind'>,
  authorization: Determination['authorization'],
): CapStanding {
  if (cap.counted) return 'counted'
  return authorization === 'LICENSE' && cap.kind === 'country' ? 'projected' : 'contrast'
}
