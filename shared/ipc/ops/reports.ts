import { z } from 'zod'
import { op } from '../define'
import type { AuditEventRow, AuditVerification } from '../../domain/audit'
import type { AlertLevel, CapacityEntryRow, HeadroomRow } from '../../domain/headroom'
import type {
  Project,
  ProjectRow,
  ProjectStatus,
  StatusChange,
  StoredDetermination,
} from '../../domain/project'
import type { Authorization, Confidence, Determination, Outcome, PackStatus } from '../../rules/types'
import type { PaperOrientation, PaperSize } from '../shell-print'
import { idField, iso2Field, isoDateField, packIdField } from './fields'

export type { PaperOrientation, PaperSize } from '../shell-print'

/**
 * Printable reports. Each operation answers with everything its print view draws, so a view makes
 * one call and the paper copy is one consistent read of the ledger (printed date, fingerprint and
 * figures all from the same moment).
 */

export type ReportKind = 'memo' | 'country' | 'portfolio' | 'audit'

/** The rule pack a report was produced under, as printed in its header and footer. */
export interface ReportPack {
  id: string
  title: string
  status: PackStatus
  effectiveDate: string
  /** First 12 hex digits of the SHA-256 of the pack's canonical JSON: the exact rule version. */
  version: string
  /** True when the pack was picked by the timeline for `asOf` rather than pinned. */
  auto: boolean
  asOf: string
}

/** What every report prints on every page. */
export interface ReportHeader {
  kind: ReportKind
  title: string
  /** e.g. `HR-MEMO-D-1042-v3`, `HR-CTRY-IN-2026-03-01`. */
  documentNumber: string
  /** The ledger's marking banner (setting `marking`). */
  marking: string
  /** ISO instant the report was assembled. */
  printedAt: string
  pack: ReportPack | null
  /** Audit chain head hash and event count when the report was assembled. */
  fingerprint: { headHash: string; events: number }
  appVersion: string
  /** File name of the ledger (not its path: the path can name a user's folders). */
  ledgerName: string
}

export interface MemoLine {
  chip: string
  quantity: number
  tppPerUnit: number | null
  tpp: number | null
  h100e: number | null
  eccn: string | null
  paragraph: string | null
  citation: string
  confidence: Confidence
}

/** One thing the chosen authorization obliges the exporter to do, with its source. */
export interface MemoRequirement {
  text: string
  citation: string
}

export interface MemoPlace {
  code: string | null
  name: string | null
  source: 'deal' | 'party' | 'missing'
}

/** An import that created a deal: who imported it, when, from which batch and row, with which status. */
export interface MemoImport {
  at: string
  actor: string
  batch: number
  row: number
  /** The status the imported book gave the deal. */
  status: ProjectStatus
  /** The history entry the import wrote (`draft` to `status`); null when the deal came in as a draft. */
  changeId: number | null
}

/**
 * A stored determination the memo does not record as the deal's: one of an earlier version of the
 * deal, or a re-evaluation under a what-if scenario or under a pinned pack not in force on the deal's
 * date (the lifecycle refuses to record under either).
 */
export interface MemoSetAside {
  id: number
  stage: string
  at: string
  actor: string
  packId: string
  projectVersion: number
  outcome: Outcome
  why: 'earlier_version' | 'scenario' | 'not_in_force'
}

export interface MemoReport {
  header: ReportHeader
  project: Project
  destinationName: string | null
  /** Headquarters as the determination used them: the deal's own, else the consignee's party record. */
  consigneeHq: MemoPlace
  /** `code: null` with source `deal` or `party`: the consignee has no ultimate parent. */
  parentHq: MemoPlace
  lines: MemoLine[]
  /** The determination the memo records: the latest stored one, else one evaluated now (a draft). */
  determination: Determination
  /**
   * `stored`: the latest determination recorded for the deal as it stands under the rules in force
   * (with its pack hash); `evaluated`: computed for this print, since none is (a draft, or a deal edited
   * since its last one).
   */
  determinationSource: 'stored' | 'evaluated'
  /**
   * Set when the pack of the stored determination has changed since it was recorded (this build's pack
   * of that id hashes differently): the determination is as recorded, the pack's title, effective date
   * and the requirements are read from the pack as it is now. Full SHA-256 hashes.
   */
  packChanged: { recorded: string; current: string } | null
  /** Stored determinations after the one printed (all, when evaluated) that are not the record, oldest first. */
  setAside: MemoSetAside[]
  stored: Pick<StoredDetermination, 'id' | 'stage' | 'at' | 'actor' | 'packHash' | 'projectVersion'> | null
  authorization: Authorization | null
  requirements: MemoRequirement[]
  /** `at`: when the preparer submitted the deal in this ledger (null when it was imported already submitted). */
  preparer: { name: string; at: string | null }
  /**
   * The deal's reviewer: who made the latest review decision (approved, returned, rejected) in this
   * ledger; else the reviewer the deal records (e.g. named by an imported book), with no decision.
   * Null when no reviewer has acted or been named. An import's status change is never a decision.
   */
  reviewer: { name: string; at: string | null; decision: ProjectStatus | null; reason: string | null } | null
  /** The import that created the deal, or null when it was created in this ledger. */
  imported: MemoImport | null
  history: StatusChange[]
  capacity: CapacityEntryRow[]
  audit: AuditEventRow[]
}

/** A deal behind one of the country statement's figures. */
export interface CountryDeal {
  projectId: string
  name: string
  consignee: string
  status: ProjectStatus | null
  plannedDate: string | null
  committed: number
  reserved: number
}

export interface CountryPoint {
  at: string
  committed: number
  reserved: number
}

export interface CountryReport {
  header: ReportHeader
  country: { iso2: string; name: string; tier: number | null; groups: string[] }
  /** The pack's country allocation bucket, or null when the pack sets none for the country. */
  bucket: HeadroomRow | null
  allocation: number | null
  licensed: number
  reserved: number
  remaining: number | null
  pctUsed: number | null
  /** Null when the pack sets no allocation for the country: no cap, so no alert band. */
  alertLevel: AlertLevel | null
  /** Deals with TPP counted against the bucket (licensed or reserved). */
  deals: CountryDeal[]
  /** Cumulative licensed and reserved TPP of `deals` by planned ship date, for the use-over-time chart. */
  points: CountryPoint[]
  /** Every deal to the country in the book (whatever its effect on a bucket). */
  book: ProjectRow[]
  /** Other buckets of the pack located in the country (LPP of its consignees, NVEU quarters, UVEU shares). */
  otherBuckets: HeadroomRow[]
}

export interface PortfolioGroup {
  key: string
  label: string
  deals: number
  units: number
  tpp: number
  h100e: number
}

export interface PortfolioReport {
  header: ReportHeader
  /** Open deals (every status except closed, rejected and cancelled), at most `listedLimit` of them. */
  deals: ProjectRow[]
  /** Most deals the report lists one by one; the totals and groups always cover every open deal. */
  listedLimit: number
  /** True when more open deals exist than `deals` lists. */
  truncated: boolean
  byStatus: PortfolioGroup[]
  byCountry: PortfolioGroup[]
  totals: { deals: number; units: number; tpp: number; h100e: number }
  /**
   * The pack whose caps `alerts` and `risks` check (the report's pack): only buckets recorded under it
   * count, as on the Headroom board with that pack pinned.
   */
  capsPackId: string
  /**
   * The pack the checked buckets were recorded under: `capsPackId` itself, or for a scenario (which
   * records nothing) the built-in pack it copies, whose buckets are measured against the scenario's
   * limits, as the Headroom board shows them under the same pin.
   */
  capsRecordedUnder: string
  /** Buckets of `capsPackId` at or above the first alert threshold, highest use first. */
  alerts: HeadroomRow[]
  /** Buckets of `capsPackId` with a limit, highest use first (the largest headroom risks). */
  risks: HeadroomRow[]
}

export interface AuditReport {
  header: ReportHeader
  filter: { projectId: string | null; from: string | null; to: string | null }
  /** Oldest first, as an auditor reads a chain. */
  events: AuditEventRow[]
  /** Events matching the filter; `events` may hold fewer when `truncated`. */
  total: number
  truncated: boolean
  verification: AuditVerification
}

export interface ReportSettings {
  marking: string
}

const instantOrDate = z.string().trim().min(10).max(40)
const markingField = z.string().trim().min(1, { message: 'a marking is required' }).max(120)

export const reportsMemoInput = z.object({ projectId: idField }).strict()
export const reportsCountryInput = z
  .object({ country: iso2Field, packId: packIdField.optional(), asOf: isoDateField.optional() })
  .strict()
export const reportsPortfolioInput = z
  .object({ packId: packIdField.optional(), asOf: isoDateField.optional() })
  .strict()
export const reportsAuditInput = z
  .object({ projectId: idField.optional(), from: instantOrDate.optional(), to: instantOrDate.optional() })
  .strict()

export const reportsOps = {
  'reports.memo': op<MemoReport>()(
    reportsMemoInput,
    'Determination memo data for one deal: facts, stored (or, for a draft, evaluated) determination, requirements, sign-off, history and the ledger fingerprint.',
  ),
  'reports.country': op<CountryReport>()(
    reportsCountryInput,
    'Country headroom statement data: allocation, licensed, reserved, remaining under a pack and date, the deals behind them and use over time.',
  ),
  'reports.portfolio': op<PortfolioReport>()(
    reportsPortfolioInput,
    'Portfolio report data: every open deal with totals by status and country, threshold alerts and the largest headroom risks.',
  ),
  'reports.audit': op<AuditReport>()(
    reportsAuditInput,
    'Audit extract data: the events of a deal or a date range, oldest first, with the chain verification result.',
  ),
  'settings.get': op<ReportSettings>()(
    z.object({}).strict(),
    "The ledger's report settings (the marking banner printed on every page).",
  ),
  'settings.setMarking': op<ReportSettings>()(
    z.object({ marking: markingField }).strict(),
    'Changes the marking banner printed on every report page; audited with before and after.',
    { mutates: true },
  ),
}

// ---------------------------------------------------------------------------------------------
// Report addresses: the Reports screen reads its request from the route and the CLI builds the
// same route, so the two cannot drift.
// ---------------------------------------------------------------------------------------------

/** Wide tables read better across the page; the memo and statement are letters. */
export const DEFAULT_ORIENTATION: Record<ReportKind, PaperOrientation> = {
  memo: 'portrait',
  country: 'portrait',
  portfolio: 'landscape',
  audit: 'landscape',
}

export interface ReportRequest {
  kind: ReportKind
  paper: PaperSize
  orientation: PaperOrientation
  projectId?: string
  country?: string
  packId?: string
  asOf?: string
  from?: string
  to?: string
}

export const REPORT_KINDS: readonly ReportKind[] = ['memo', 'country', 'portfolio', 'audit']

/**
 * Reads a report request from the route (`#/reports?kind=memo&project=D-1&paper=letter`). The same
 * parameters are what the CLI puts in the address it prints, so the two cannot drift.
 */
export function parseReportRequest(params: URLSearchParams): ReportRequest | null {
  const kind = params.get('kind') as ReportKind | null
  if (!kind || !REPORT_KINDS.includes(kind)) return null
  const paper: PaperSize = params.get('paper') === 'letter' ? 'letter' : 'a4'
  const o = params.get('orientation')
  const orientation: PaperOrientation = o === 'portrait' || o === 'landscape' ? o : DEFAULT_ORIENTATION[kind]
  const opt = (name: string) => params.get(name)?.trim() || undefined
  return {
    kind,
    paper,
    orientation,
    projectId: opt('project'),
    country: opt('country')?.toUpperCase(),
    packId: opt('pack'),
    asOf: opt('asOf'),
    from: opt('from'),
    to: opt('to'),
  }
}

export function reportQuery(request: ReportRequest): Record<string, string> {
  const q: Record<string, string> = {
    kind: request.kind,
    paper: request.paper,
    orientation: request.orientation,
  }
  if (request.projectId) q.project = request.projectId
  if (request.country) q.country = request.country
  if (request.packId) q.pack = request.packId
  if (request.asOf) q.asOf = request.asOf
  if (request.from) q.from = request.from
  if (request.to) q.to = request.to
  return q
}
