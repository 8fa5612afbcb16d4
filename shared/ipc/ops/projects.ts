import { z } from 'zod'
import { op } from '../define'
import {
  PROJECT_STATUSES,
  type Project,
  type ProjectDetail,
  type ProjectPage,
  type ProjectStatus,
} from '../../domain/project'
import type { Determination } from '../../rules/types'
import {
  idField,
  isoDateField,
  licenceDatesInOrder,
  packIdField,
  pagingShape,
  projectFieldsShape,
  reasonField,
  tppField,
} from './fields'

const statusField = z.enum(PROJECT_STATUSES)

export const projectsListInput = z
  .object({
    ...pagingShape,
    sortBy: z
      .enum([
        'id',
        'name',
        'consignee',
        'destination',
        'plannedDate',
        'status',
        'tpp',
        'units',
        'h100e',
        'outcome',
        'updatedAt',
        'headroomRemaining',
      ])
      .default('updatedAt'),
    sortDir: z.enum(['asc', 'desc']).default('desc'),
    status: z.array(statusField).max(PROJECT_STATUSES.length).optional(),
    destination: z.string().trim().toUpperCase().length(2).optional(),
    /** Case-insensitive text matched against id, name, consignee, end user, site and chips. */
    quick: z.string().trim().max(200).optional(),
    /** Only sample (true) or only the desk's own (false) deals. */
    sample: z.boolean().optional(),
    /** Re-evaluate the page's summary columns under this pack (default: as stored). */
    packId: packIdField.optional(),
    asOf: isoDateField.optional(),
  })
  .strict()

export const projectsCreateInput = z
  .object({
    /** Optional deal id (e.g. the CRM's); generated when omitted. */
    id: idField.optional(),
    ...projectFieldsShape,
  })
  .strict()

export const projectsUpdateInput = z
  .object({
    id: idField,
    /** The version the editor loaded; a save over a newer version is refused (conflict). */
    version: z.number().int().positive(),
    ...projectFieldsShape,
  })
  .strict()

export const licenceGrantField = z
  .object({
    number: idField,
    authorizedTpp: tppField.optional(),
    authorizedUnits: z.number().int().nonnegative().optional(),
    issuedOn: isoDateField.optional(),
    expiresOn: isoDateField.optional(),
  })
  .strict()
  .refine(licenceDatesInOrder.check, licenceDatesInOrder.params)

export const projectsTransitionInput = z
  .object({
    id: idField,
    to: statusField,
    reason: reasonField.optional(),
    /** With `to: 'licensed'`: the licence granted (created in the ledger if new). */
    licence: licenceGrantField.optional(),
    /** Evaluate under this pack instead of the one governing the deal's date. */
    packId: packIdField.optional(),
  })
  .strict()

export const projectsEvaluateInput = z
  .object({
    /** The deal as the editor holds it (unsaved); `id` names a saved deal whose own entries are left out. */
    deal: z.object({ id: idField.optional(), ...projectFieldsShape }).strict(),
    packId: packIdField.optional(),
  })
  .strict()

export interface TransitionResult {
  project: Project
  from: ProjectStatus
  to: ProjectStatus
  determination: Determination | null
}

export const projectsOps = {
  'projects.list': op<ProjectPage>()(
    projectsListInput,
    'One page of the deal book, filtered and sorted in the ledger (server-side paging), with the total count.',
  ),
  'projects.get': op<ProjectDetail>()(
    z.object({ id: idField }).strict(),
    'One deal with its lines, status history, stored determinations, capacity entries and audit events.',
  ),
  'projects.createDraft': op<Project>()(
    projectsCreateInput,
    'Creates a deal in draft, prepared by the current user; audited.',
    {
      mutates: true,
    },
  ),
  'projects.updateDraft': op<Project>()(
    projectsUpdateInput,
    'Saves a new version of a draft or returned deal (refused if the version is stale); audited with before and after.',
    { mutates: true },
  ),
  'projects.deleteDraft': op<{ id: string }>()(
    z.object({ id: idField }).strict(),
    'Deletes a deal still in draft (never submitted); the deletion and the deleted content are audited.',
    { mutates: true },
  ),
  'projects.transition': op<TransitionResult>()(
    projectsTransitionInput,
    'Moves a deal along the lifecycle: enforces four eyes and reasons, stores the determination, writes capacity entries; audited.',
    { mutates: true },
  ),
  'projects.evaluate': op<Determination>()(
    projectsEvaluateInput,
    "Determination for an unsaved deal against the ledger's current buckets (the deal's own entries left out); writes nothing.",
  ),
}
