import type { HandlerTable } from '../../../shared/ipc/contract'
import type { PackSummary } from '../../../shared/ipc/ops/packs'
import { AppError } from '../../../shared/ipc/result'
import { findCatalogueChip } from '../../../shared/rules/catalogue'
import { classifyChip, numericThresholds } from '../../../shared/rules/classifier'
import { allPacks } from '../../db/scenarios'
import { PACK_TIMELINE, timelineEntry } from '../../../shared/rules/timeline'
import type { RulePack } from '../../../shared/rules/types'
import type { HandlerContext } from '../context'
import { resolvePack, todayUtc } from '../packs'

const summary = (p: RulePack): PackSummary => ({
  id: p.id,
  title: p.title,
  effectiveDate: p.effectiveDate,
  status: p.status,
  regime: p.regime,
  ...(p.basedOn ? { basedOn: p.basedOn } : {}),
  summary: p.summary,
  scenario: p.status === 'scenario',
  tiered: p.countries.tiers !== null,
})

export const packsHandlers: Partial<HandlerTable<HandlerContext>> = {
  'packs.list': (_input, ctx) => allPacks(ctx.ledger).map(summary),
  'packs.get': ({ id }, ctx) => resolvePack({ packId: id }, ctx.ledger).pack,
  'packs.timeline': () => ({
    entries: [...PACK_TIMELINE],
    governingToday: timelineEntry(todayUtc())?.packId ?? null,
  }),
  'packs.resolve': (selection, ctx) => {
    const { pack, auto, asOf } = resolvePack(selection, ctx.ledger)
    return { packId: pack.id, title: pack.title, auto, asOf }
  },
  'rules.classify': ({ chip, packId }, ctx) => {
    const thresholds = packId
      ? numericThresholds(resolvePack({ packId }, ctx.ledger).pack.classification)
      : undefined
    if (typeof chip === 'string') {
      const known = findCatalogueChip(chip)
      if (!known)
        throw new AppError('not_found', `No chip named "${chip}" in the catalogue`, [
          { path: 'chip', message: 'unknown chip' },
        ])
      return classifyChip(known, { thresholds })
    }
    return classifyChip(chip, { thresholds })
  },
}
