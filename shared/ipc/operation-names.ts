import type { OpName } from './contract'

/**
 * The operation names alone, without their schemas. The sandboxed preload bundles this list (not the
 * contract, which would pull zod and the country tables into a preload that cannot require them).
 * When you add an operation to the contract, add its name here too: the check below fails to compile
 * until the two lists agree.
 */
export const OPERATION_NAMES = [
  'audit.list',
  'audit.verify',
  'chips.create',
  'chips.list',
  'countries.list',
  'headroom.buckets',
  'headroom.history',
  'jobs.cancel',
  'jobs.current',
  'jobs.start',
  'jobs.status',
  'ledger.backup',
  'ledger.backups',
  'ledger.export',
  'ledger.exportCsv',
  'ledger.fingerprint',
  'ledger.import',
  'ledger.removeSample',
  'ledger.restore',
  'ledger.status',
  'licences.create',
  'licences.forDeal',
  'licences.get',
  'licences.list',
  'licences.recordUsage',
  'packs.compare',
  'packs.get',
  'packs.list',
  'packs.resolve',
  'packs.timeline',
  'parties.installedBase',
  'parties.list',
  'parties.recordInstalledBase',
  'parties.upsert',
  'projects.createDraft',
  'projects.deleteDraft',
  'projects.evaluate',
  'projects.get',
  'projects.list',
  'projects.transition',
  'projects.updateDraft',
  'reports.audit',
  'reports.country',
  'reports.memo',
  'reports.portfolio',
  'rules.classify',
  'scenarios.create',
  'scenarios.delete',
  'scenarios.list',
  'scenarios.rename',
  'settings.get',
  'settings.setMarking',
  'system.info',
  'system.ping',
  'users.create',
  'users.current',
  'users.list',
  'users.switch',
] as const

export type ListedOperation = (typeof OPERATION_NAMES)[number]

type Missing = Exclude<OpName, ListedOperation>
type Extra = Exclude<ListedOperation, OpName>
/** Compile-time agreement of this list with the contract; a type error here names the difference. */
export const namesAgreeWithContract: [Missing, Extra] extends [never, never]
  ? true
  : { missing: Missing; extra: Extra } = true

/** IPC channel of an operation; one channel per operation keeps the surface reviewable. */
export const channelOf = (name: OpName): string => `headroom:${name}`
