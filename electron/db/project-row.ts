import {
  unitsOf,
  type ProjectFields,
  type ProjectLine,
  type ProjectRow,
  type ProjectStatus,
  type Project,
} from '../../shared/domain/project'
import { capStanding } from '../../shared/rules/cap-standing'
import { findCatalogueChip } from '../../shared/rules/catalogue'
import type {
  CapEffect,
  ChipSpec,
  Determination,
  RequestedAuthorization,
  RulePack,
} from '../../shared/rules/types'
import { roundTpp } from './capacity'
import { tightestCap } from './evaluation'
import { bit } from './statements'

/**
 * A deal's row in `project` as values: the deal's fields, its people and status, and the summary
 * columns the grid shows from its evaluation. Built without a ledger, so the import's evaluation
 * thread (import-worker.ts) builds the very rows the ledger thread then writes.
 */

export interface ProjectDbRow {
  id: string
  version: number
  name: string
  status: ProjectStatus
  consignee: string
  consignee_hq: string | null
  parent_known: number
  parent_hq: string | null
  end_user: string | null
  destination: string | null
  site: string | null
  planned_date: string
  authorization: RequestedAuthorization | null
  veu_kind: 'UVEU' | 'NVEU' | null
  veu_id: string | null
  veu_hq: string | null
  datacenter: number | null
  certifications: string | null
  transaction_kind: Project['transaction'] | null
  notes: string
  licensed: number
  licence_number: string | null
  authorized_tpp: number | null
  authorized_units: number | null
  preparer: string
  reviewer: string | null
  sample: number
  created_at: string
  updated_at: string
  units: number
  chips_summary: string
  tpp: number | null
  h100e: number | null
  eccn: ProjectRow['eccn']
  tier: ProjectRow['tier']
  license_required: number | null
  review_policy: ProjectRow['reviewPolicy']
  outcome: ProjectRow['outcome']
  recommended: ProjectRow['recommended']
  headroom_bucket: string | null
  headroom_remaining: number | null
  eval_pack_id: string | null
  /** The deal's lines as JSON: `[{ chip, quantity }]`, chip a name or an inline spec. */
  lines: string
}

/**
 * A deal's lines as `getProject` reads them. They are kept in the deal's row (nothing asks for lines
 * across deals), so a deal is one row to write and to read.
 */
export const parseLines = (json: string): ProjectLine[] => JSON.parse(json) as ProjectLine[]

/** A deal's lines as stored: `{ chip, quantity }` each, nothing else (an inline spec as given). */
export const linesJson = (lines: readonly ProjectLine[]): string =>
  JSON.stringify(lines.map((l) => ({ chip: l.chip, quantity: l.quantity })))

/**
 * A line's chip as the desk reads it: a catalogue chip by its name ("NVIDIA B200", whether the line
 * gave its id, name or an alias), a desk chip or an inline spec as given.
 */
export function chipLabel(c: string | ChipSpec): string {
  if (typeof c !== 'string') return c.name
  let label = CHIP_LABELS.get(c)
  if (label === undefined) {
    label = findCatalogueChip(c)?.name ?? c
    // Lines repeat a few references many times; the bound keeps odd books from growing it forever.
    if (CHIP_LABELS.size < 10_000) CHIP_LABELS.set(c, label)
  }
  return label
}
const CHIP_LABELS = new Map<string, string>()
const fmtInt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
/** `fmtInt.format` for a quantity: digits grouped by commas, written directly for safe integers (Intl is slow per call). */
function formatQuantity(n: number): string {
  if (!Number.isSafeInteger(n)) return fmtInt.format(n)
  const digits = String(Math.abs(n))
  let out = digits.slice(0, digits.length % 3 || 3)
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`
  return n < 0 ? `-${out}` : out
}

/**
 * Headroom impact: the tightest TPP cap after the deal, among the caps the deal is counted in — those
 * the engine marks `counted`, and for a licence the country allocation, which counts once licensed
 * (the engine marks it projected until then) and which the ledger reserves for the deal from
 * submission. A cap shown for contrast (the LPP year a licensed deal did not use, an exceeded cap
 * that explains why an exception was unavailable) is not the deal's headroom.
 */
function headroomImpactOf(d: Determination): { bucket: string; remaining: number } | null {
  let counted: CapEffect[] | undefined
  for (let k = 0; k < d.caps.length; k++) {
    const c = d.caps[k]!
    if (capStanding(c, d.authorization) === 'contrast') counted ??= d.caps.slice(0, k)
    else counted?.push(c)
  }
  return tightestCap(counted ?? d.caps)
}

/** The summary columns a determination gives (null columns when it could not be made). */
export function evaluationSummary(d: Determination | null, pack: RulePack | null) {
  const impact = d ? headroomImpactOf(d) : null
  return {
    tpp: d && d.tpp !== null ? roundTpp(d.tpp) : null,
    h100e: d?.h100e ?? null,
    eccn: d?.eccn ?? null,
    tier: d?.tier ?? null,
    license_required: d ? bit(d.licenseRequired) : null,
    review_policy: d?.reviewPolicy ?? null,
    outcome: d?.outcome ?? null,
    recommended: d?.authorization ?? null,
    headroom_bucket: impact?.bucket ?? null,
    headroom_remaining: impact?.remaining ?? null,
    eval_pack_id: pack?.id ?? null,
  }
}

export type EvaluationSummary = ReturnType<typeof evaluationSummary>

/** The columns a deal's own fields fill (its editable part), its lines apart (`linesColumns`). */
export function fieldColumns(f: ProjectFields) {
  return {
    name: f.name,
    consignee: f.consignee.trim(),
    consignee_hq: f.consigneeHq ?? null,
    parent_known: f.parentHq !== undefined ? 1 : 0,
    parent_hq: f.parentHq ?? null,
    end_user: f.endUser ?? null,
    destination: f.destination ?? null,
    site: f.site || null,
    planned_date: f.plannedDate,
    authorization: f.authorization ?? null,
    veu_kind: f.veu?.kind ?? null,
    veu_id: f.veu?.id ?? null,
    veu_hq: f.veu?.hq ?? null,
    datacenter: bit(f.datacenter),
    certifications: f.certifications ? JSON.stringify(f.certifications) : null,
    transaction_kind: f.transaction ?? null,
    notes: f.notes ?? '',
  }
}

/** A deal's lines as their three columns: the JSON kept, and the units and chips the grid shows. */
export function linesColumns(lines: readonly ProjectLine[]) {
  return {
    lines: linesJson(lines),
    units: unitsOf(lines),
    chips_summary: chipsSummary(lines),
  }
}

/** "NVIDIA H100 SXM × 1,000; NVIDIA B200 × 200": the grid's Chips column. */
export const chipsSummary = (lines: readonly ProjectLine[]): string =>
  lines.map((l) => `${chipLabel(l.chip)} × ${formatQuantity(l.quantity)}`).join('; ')

export type LinesColumns = ReturnType<typeof linesColumns>

export const INSERT_PROJECT = `INSERT INTO project (id, version, name, status, consignee, consignee_hq, parent_known, parent_hq, end_user,
   destination, site, planned_date, authorization, veu_kind, veu_id, veu_hq, datacenter, certifications, transaction_kind, notes,
   licensed, licence_number, authorized_tpp, authorized_units, preparer, reviewer, sample, created_at, updated_at,
   units, chips_summary, tpp, h100e, eccn, tier, license_required, review_policy, outcome, recommended,
   headroom_bucket, headroom_remaining, eval_pack_id, import_batch, import_row, lines)
 VALUES (${Array.from({ length: 45 }, () => '?').join(', ')})`

/** What a new row records beyond the deal's fields: its status, people, licence and origin. */
export interface RowOptions {
  sample?: boolean
  /** Import only: the status and people recorded in the book (capacity is written by the importer). */
  status?: ProjectStatus
  preparer?: string
  reviewer?: string | null
  licence?: { number: string | null; authorizedTpp: number | null; authorizedUnits: number | null }
  /** Import only: a licence has been granted for the deal (see `Project.licensed`). */
  licensed?: boolean
}

/** A new deal's row, version 1, with the summary of the evaluation it was saved with. */
export function projectRow(
  actor: string,
  id: string,
  input: ProjectFields,
  options: RowOptions,
  evaluation: EvaluationSummary,
  at: string,
  lines: LinesColumns = linesColumns(input.lines),
): ProjectDbRow {
  // Written out column by column: object spreads of the three parts made every row a run of property
  // additions (about 4 µs a row against 0.5 µs), on the import's critical path 100,000 times.
  const f = fieldColumns(input)
  return {
    id,
    version: 1,
    status: options.status ?? 'draft',
    name: f.name,
    consignee: f.consignee,
    consignee_hq: f.consignee_hq,
    parent_known: f.parent_known,
    parent_hq: f.parent_hq,
    end_user: f.end_user,
    destination: f.destination,
    site: f.site,
    planned_date: f.planned_date,
    authorization: f.authorization,
    veu_kind: f.veu_kind,
    veu_id: f.veu_id,
    veu_hq: f.veu_hq,
    datacenter: f.datacenter,
    certifications: f.certifications,
    transaction_kind: f.transaction_kind,
    notes: f.notes,
    licensed: options.licensed ? 1 : 0,
    licence_number: options.licence?.number ?? null,
    authorized_tpp: options.licence?.authorizedTpp ?? null,
    authorized_units: options.licence?.authorizedUnits ?? null,
    preparer: options.preparer ?? actor,
    reviewer: options.reviewer ?? null,
    sample: options.sample ? 1 : 0,
    created_at: at,
    updated_at: at,
    lines: lines.lines,
    units: lines.units,
    chips_summary: lines.chips_summary,
    tpp: evaluation.tpp,
    h100e: evaluation.h100e,
    eccn: evaluation.eccn,
    tier: evaluation.tier,
    license_required: evaluation.license_required,
    review_policy: evaluation.review_policy,
    outcome: evaluation.outcome,
    recommended: evaluation.recommended,
    headroom_bucket: evaluation.headroom_bucket,
    headroom_remaining: evaluation.headroom_remaining,
    eval_pack_id: evaluation.eval_pack_id,
  }
}

/** A row's values in the order of `INSERT_PROJECT`'s placeholders. */
export function projectRowValues(row: ProjectDbRow, imported?: { batch: number; row: number }): unknown[] {
  return [
    row.id,
    row.version,
    row.name,
    row.status,
    row.consignee,
    row.consignee_hq,
    row.parent_known,
    row.parent_hq,
    row.end_user,
    row.destination,
    row.site,
    row.planned_date,
    row.authorization,
    row.veu_kind,
    row.veu_id,
    row.veu_hq,
    row.datacenter,
    row.certifications,
    row.transaction_kind,
    row.notes,
    row.licensed,
    row.licence_number,
    row.authorized_tpp,
    row.authorized_units,
    row.preparer,
    row.reviewer,
    row.sample,
    row.created_at,
    row.updated_at,
    row.units,
    row.chips_summary,
    row.tpp,
    row.h100e,
    row.eccn,
    row.tier,
    row.license_required,
    row.review_policy,
    row.outcome,
    row.recommended,
    row.headroom_bucket,
    row.headroom_remaining,
    row.eval_pack_id,
    imported?.batch ?? null,
    imported?.row ?? null,
    row.lines,
  ]
}
