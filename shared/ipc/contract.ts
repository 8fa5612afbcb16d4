import type { z } from 'zod'
import type { OpSpec } from './define'
import type { Result } from './result'
import { systemOps } from './ops/system'
import { countriesOps } from './ops/countries'
import { projectsOps } from './ops/projects'
import { partiesOps } from './ops/parties'
import { chipsOps } from './ops/chips'
import { licencesOps } from './ops/licences'
import { headroomOps } from './ops/headroom'
import { auditOps } from './ops/audit'
import { usersOps } from './ops/users'
import { ledgerOps } from './ops/ledger'
import { packsOps } from './ops/packs'
import { reportsOps } from './ops/reports'
import { scenariosOps } from './ops/scenarios'
import { jobsOps } from './ops/jobs'

/**
 * The one list of operations between the renderer and the core. Each domain keeps its operations in
 * `ops/<domain>.ts`; this file only joins them. The snapshot test in `test/unit/ipc-contract.test.ts`
 * pins the list so a new operation shows up in review.
 */
export const contract = {
  ...systemOps,
  ...countriesOps,
  ...projectsOps,
  ...partiesOps,
  ...chipsOps,
  ...licencesOps,
  ...headroomOps,
  ...auditOps,
  ...usersOps,
  ...ledgerOps,
  ...packsOps,
  ...reportsOps,
  ...scenariosOps,
  ...jobsOps,
}

export type Contract = typeof contract
export type OpName = keyof Contract
export const operationNames = Object.freeze(Object.keys(contract).sort()) as readonly OpName[]

/** What the renderer sends (before defaults are applied). */
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>
/** What a handler receives after main has parsed the payload. */
export type OpParsed<K extends OpName> = z.output<Contract[K]['input']>
export type OpOutput<K extends OpName> = Contract[K] extends OpSpec<z.ZodType, infer O> ? O : never

/** The renderer-side API: one function per operation, answering with the result envelope. */
export type HeadroomApi = { [K in OpName]: (input: OpInput<K>) => Promise<Result<OpOutput<K>>> }

/** The main-side handler table, derived from the same contract. */
export type HandlerTable<Ctx> = {
  [K in OpName]: (input: OpParsed<K>, ctx: Ctx) => OpOutput<K> | Promise<OpOutput<K>>
}

export { channelOf, OPERATION_NAMES } from './operation-names'

export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}
