import { getPack, loadPacks } from '../../shared/rules/packs'
import { governingPack } from '../../shared/rules/timeline'
import type { RulePack } from '../../shared/rules/types'
import { AppError } from '../../shared/ipc/result'
import type { Ledger } from '../db/ledger'
import { scenarioPacks } from '../db/scenarios'

export const todayUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10)

/**
 * The one place a pack selection (`packId` pinned or `auto`, and an as-of date) becomes a pack.
 * `auto` with a date no pack governs is an error, not a silent default: a determination under the
 * wrong rules is worse than none.
 */
export function resolvePack(
  selection: { packId?: string; asOf?: string },
  db?: Ledger,
): {
  pack: RulePack
  auto: boolean
  asOf: string
} {
  const asOf = selection.asOf ?? todayUtc()
  // Scenarios can be pinned but never govern a date: only built-in packs are on the timeline.
  const pinnedScenario = selection.packId?.startsWith('scn-') && db
  const all = pinnedScenario ? [...loadPacks(), ...scenarioPacks(db)] : loadPacks()
  if (selection.packId && selection.packId !== 'auto') {
    const pack = getPack(selection.packId, all)
    if (!pack)
      throw new AppError('not_found', `No rule pack or scenario with id "${selection.packId}"`, [
        { path: 'packId', message: 'unknown pack' },
      ])
    return { pack, auto: false, asOf }
  }
  const pack = governingPack(asOf, loadPacks())
  if (!pack)
    throw new AppError('not_found', `No rule pack governs ${asOf}; pin a pack to analyse that date`, [
      { path: 'asOf', message: 'no governing pack' },
    ])
  return { pack, auto: true, asOf }
}
