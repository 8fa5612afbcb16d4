import type {
  Authorization,
  ChipSpec,
  Determination,
  Eccn,
  Iso2,
  IsoDate,
  Outcome,
  RequestedAuthorization,
  ReviewPolicy,
  Tier,
  TransactionKind,
  VeuRef,
} from '../rules/types'
import type { AuditEventRow } from './audit'
import type { CapacityEntryRow } from './headroom'

export const PROJECT_STATUSES = [
  'draft',
  'in_review',
  'approved',
  'licensed',
  'shipped',
  'closed',
  'returned',
  'rejected',
  'cancelled',
] as const
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]

/**
 * The lifecycle: the only status changes `projects.transition` accepts. A returned deal is edited
 * and resubmitted; licensed and shipped both commit capacity (a deal may ship under an exception
 * without a licence); closed, rejected and cancelled are final.
 */
export const PROJECT_TRANSITIONS: Readonly<Record<ProjectStatus, readonly ProjectStatus[]>> = {
  draft: ['in_review', 'cancelled'],
  in_review: ['approved', 'returned', 'rejected', 'cancelled'],
  returned: ['in_review', 'cancelled'],
  approved: ['licensed', 'shipped', 'cancelled'],
  licensed: ['shipped', 'closed'],
  shipped: ['closed'],
  closed: [],
  rejected: [],
  cancelled: [],
}

/** Statuses in which the deal's fields may still be edited (a new version each time). */
export const EDITABLE_STATUSES: readonly ProjectStatus[] = ['draft', 'returned']

/** Deals no longer in play: the statuses the lifecycle leads nowhere from (closed, rejected, cancelled). */
export const FINAL_STATUSES: readonly ProjectStatus[] = PROJECT_STATUSES.filter(
  (s) => PROJECT_TRANSITIONS[s].length === 0,
)

/** Target statuses that need a recorded reason. */
export const REASON_REQUIRED: readonly ProjectStatus[] = ['approved', 'returned', 'rejected', 'cancelled']

/** A deal's units: the quantities of its lines, summed (a licence's units are counted in the same). */
export const unitsOf = (lines: ReadonlyArray<{ quantity: number }>): number =>
  lines.reduce((n, l) => n + l.quantity, 0)

/** One line of a deal: a catalogue chip (id or name) or an inline spec, and a quantity. */
export interface ProjectLine {
  chip: string | ChipSpec
  quantity: number
}

/** The editable fields of a deal, as the editor sends them. */
export interface ProjectFields {
  name: string
  consignee: string
  /** Missing: taken from the consignee's party record, else not determinable. */
  consigneeHq?: Iso2
  /** Null: the consignee has no ultimate parent; missing: taken from the party record. */
  parentHq?: Iso2 | null
  endUser?: string
  destination?: Iso2
  site?: string
  plannedDate: IsoDate
  authorization?: RequestedAuthorization
  veu?: VeuRef
  datacenter?: boolean
  certifications?: string[]
  transaction?: TransactionKind
  notes?: string
  lines: ProjectLine[]
}

export interface Project extends ProjectFields {
  id: string
  version: number
  status: ProjectStatus
  /**
   * A licence has been granted for this deal: it was marked licensed, or imported as licensed. It
   * stays so when the deal ships or closes; a deal shipped under an exception never has it.
   */
  licensed: boolean
  licenceNumber: string | null
  authorizedTpp: number | null
  authorizedUnits: number | null
  preparer: string
  reviewer: string | null
  sample: boolean
  createdAt: string
  updatedAt: string
}

/** One row of the projects grid (server-side paged). */
export interface ProjectRow {
  id: string
  name: string
  consignee: string
  endUser: string | null
  destination: Iso2 | null
  destinationName: string | null
  tier: Tier | null
  site: string | null
  plannedDate: IsoDate
  /** e.g. `NVIDIA H100 SXM × 1,000; NVIDIA B200 × 200` (catalogue chips by name, others as given). */
  chips: string
  units: number
  /** Whole TPP of the deal (see electron/db/projects.ts for the rounding). */
  tpp: number | null
  h100e: number | null
  eccn: Eccn | null
  status: ProjectStatus
  /** Requested authorization. */
  authorization: RequestedAuthorization | null
  /** What the determination recommends. */
  recommended: Authorization | null
  licenseRequired: boolean | null
  reviewPolicy: ReviewPolicy | null
  outcome: Outcome | null
  /** The tightest counted bucket after this deal: its id and the TPP left (negative when breached). */
  headroomImpact: { bucket: string; remaining: number } | null
  licenceNumber: string | null
  preparer: string
  reviewer: string | null
  updatedAt: string
  sample: boolean
  /** Pack the summary columns were evaluated under. */
  packId: string | null
}

export interface StatusChange {
  id: number
  from: ProjectStatus
  to: ProjectStatus
  at: string
  actor: string
  reason: string | null
  packId: string | null
}

export interface StoredDetermination {
  id: number
  projectVersion: number
  /** `submit`, `approve`, … : the transition it was stored for. */
  stage: string
  packId: string
  /** SHA-256 of the pack's canonical JSON: the exact rule version the desk saw. */
  packHash: string
  at: string
  actor: string
  determination: Determination
}

export interface ProjectDetail {
  project: Project
  /** Statuses the lifecycle allows next (the UI still needs the right user and a reason). */
  next: ProjectStatus[]
  history: StatusChange[]
  determinations: StoredDetermination[]
  capacity: CapacityEntryRow[]
  audit: AuditEventRow[]
  /**
   * For a deal created by an import: the batch that keeps the book exactly as given (its SHA-256 is in
   * the import's audit event) and the deal's 1-based row in it.
   */
  importedFrom?: ImportOrigin
}

export interface ImportOrigin {
  batch: number
  row: number
  at: string
  actor: string
  format: 'json' | 'csv'
  sha256: string
}

export type ProjectSortKey =
  | 'id'
  | 'name'
  | 'consignee'
  | 'destination'
  | 'plannedDate'
  | 'status'
  | 'tpp'
  | 'units'
  | 'h100e'
  | 'outcome'
  | 'updatedAt'
  | 'headroomRemaining'

export interface ProjectPage {
  rows: ProjectRow[]
  total: number
}
