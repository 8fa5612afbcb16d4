import type { Project } from '../../shared/domain/project'
import type { Ledger } from './ledger'
import { parseLines, type ProjectDbRow } from './project-row'
import { toProject } from './projects'
import { canonicalJson, readSnapshot } from './statements'

/**
 * Checks each deal's current row against what the audit chain says about it. `project` is mutable
 * state (no append-only triggers), so an UPDATE made outside the app changes it without touching the
 * chain; replaying the deal's own events gives what the row must hold.
 *
 * - `project.create` and `project.update` record the whole deal (`after` is the project as read back);
 * - `project.transition` records the status, the reviewer and the licence number, and may license the
 *   deal (its licence figures are then not in the event, so they are no longer compared);
 * - `project.delete` records that the deal is gone.
 * Only the fields an event recorded are compared (events written before a migration may lack a field
 * added later). The version, timestamps and the evaluation summary are derived or bookkeeping and
 * are not compared. Deals with no event of their own (imported and unchanged since) are covered by
 * their import batch, whose book text hash is in the chain, not row by row.
 */

/** What a deal's row is compared on, as the chain recorded it. */
const COMPARED: ReadonlyArray<keyof Project> = [
  'status',
  'name',
  'consignee',
  'consigneeHq',
  'parentHq',
  'endUser',
  'destination',
  'site',
  'plannedDate',
  'authorization',
  'veu',
  'datacenter',
  'certifications',
  'transaction',
  'notes',
  'lines',
  'reviewer',
  'licensed',
  'licenceNumber',
  'authorizedTpp',
  'authorizedUnits',
]
const COMPARED_SET = new Set<string>(COMPARED)

/**
 * The columns toProject reads (not `SELECT *`: the row's other columns, the evaluation summary among
 * them, make a full scan of 100,000 deals several times slower).
 */
const MAPPED_COLUMNS = `id, version, status, name, consignee, planned_date, lines, licensed, licence_number,
  authorized_tpp, authorized_units, preparer, reviewer, sample, created_at, updated_at, consignee_hq,
  parent_known, parent_hq, end_user, destination, site, authorization, veu_kind, veu_id, veu_hq, datacenter,
  certifications, transaction_kind, notes`

/** Set by a transition that licenses a deal, without the figures: they cannot be checked after it. */
const LICENCE_FIGURES = ['licensed', 'authorizedTpp', 'authorizedUnits'] as const

export interface DealChainCheck {
  /** Deals with events of their own whose row agrees with them. */
  checked: number
  /** Deals with no event of their own (imported, unchanged since): covered by their batch hash only. */
  importedOnly: number
  /** The first deal that disagrees, in id order, and how. */
  mismatch: { dealId: string; field: string; event: number; recorded: unknown; found: unknown } | null
}

interface Expected {
  deleted: boolean
  deletedBy: number
  /** Field → [canonical JSON of the recorded value, the event id that recorded it]. */
  fields: Map<string, [string, number]>
}

// The chain's own canonical JSON (statements.ts), so values compare as the events recorded them.
const canonical = (v: unknown): string => (v === undefined ? 'absent' : canonicalJson(v))

/** How the row disagrees with the deal's events, or null when it agrees. */
function disagreement(r: ProjectDbRow, x: Expected): DealChainCheck['mismatch'] {
  if (x.deleted)
    return {
      dealId: r.id,
      field: 'the deal itself',
      event: x.deletedBy,
      recorded: 'deleted',
      found: 'still in the ledger',
    }
  const project = toProject(r, parseLines(r.lines)) as unknown as Record<string, unknown>
  for (const [field, [recorded, event]] of x.fields) {
    if (canonical(project[field]) !== recorded)
      return {
        dealId: r.id,
        field,
        event,
        recorded: recorded === 'absent' ? null : JSON.parse(recorded),
        found: project[field] ?? null,
      }
  }
  return null
}

/**
 * The events and the rows are read on one snapshot: a deal another program changes between the two
 * scans would otherwise show a row newer than the events read, and be reported as changed outside
 * Headroom.
 */
export function checkDealsAgainstChain(db: Ledger): DealChainCheck {
  return readSnapshot(db, () => checkAsRead(db))
}

function checkAsRead(db: Ledger): DealChainCheck {
  const expected = new Map<string, Expected>()
  const events = db
    .prepare(
      "SELECT id, operation, entity_id, after FROM audit_event WHERE entity = 'project' AND entity_id IS NOT NULL ORDER BY id",
    )
    .iterate() as IterableIterator<{ id: number; operation: string; entity_id: string; after: string | null }>
  for (const e of events) {
    let x = expected.get(e.entity_id)
    if (!x) expected.set(e.entity_id, (x = { deleted: false, deletedBy: 0, fields: new Map() }))
    if (e.operation === 'project.delete') {
      x.deleted = true
      x.deletedBy = e.id
      x.fields.clear()
      continue
    }
    if (e.after === null) continue
    const after = JSON.parse(e.after) as Record<string, unknown>
    if (e.operation === 'project.create' || e.operation === 'project.update') {
      x.deleted = false
      x.fields.clear()
      for (const [k, v] of Object.entries(after))
        if (COMPARED_SET.has(k)) x.fields.set(k, [canonical(v), e.id])
    } else if (e.operation === 'project.transition') {
      for (const k of ['status', 'reviewer', 'licenceNumber'] as const)
        if (k in after) x.fields.set(k, [canonical(after[k]), e.id])
      for (const k of LICENCE_FIGURES) x.fields.delete(k)
    }
  }
  // One pass over the rows (a lookup by id per deal is slower than the scan); only the deals the
  // chain speaks of are decoded and compared. The first disagreement in id order is reported.
  let checked = 0
  let present = 0
  let total = 0
  let mismatch: DealChainCheck['mismatch'] = null
  for (const r of db
    .prepare(`SELECT ${MAPPED_COLUMNS} FROM project`)
    .iterate() as IterableIterator<ProjectDbRow>) {
    total++
    const x = expected.get(r.id)
    if (!x) continue
    present++
    if (mismatch && r.id > mismatch.dealId) continue
    const found = disagreement(r, x)
    if (found) mismatch = found
    else checked++
  }
  const importedOnly = total - present
  return { checked, importedOnly, mismatch }
}
