import { countriesMatching, countryName } from '../../shared/countries'
import {
  EDITABLE_STATUSES,
  PROJECT_TRANSITIONS,
  REASON_REQUIRED,
  unitsOf,
  type ImportOrigin,
  type Project,
  type ProjectDetail,
  type ProjectFields,
  type ProjectLine,
  type ProjectPage,
  type ProjectRow,
  type ProjectSortKey,
  type ProjectStatus,
  type StatusChange,
  type StoredDetermination,
} from '../../shared/domain/project'
import { fourEyesRefusal, REVIEWER_STEPS } from '../../shared/domain/four-eyes'
import { notIssuedShipWords } from '../../shared/domain/licence-expiry'
import { gateAnswer, shipRefusal, SHIP_REFUSAL_WORDS } from '../../shared/domain/ship-gate'
import { formatWhole } from '../../shared/format-whole'
import { AppError } from '../../shared/ipc/result'
import type { Deal, Determination, RulePack } from '../../shared/rules/types'
import { appendAudit, auditFor } from './audit'
import { appendEntry, ensureBucket, entriesFor, projectHoldings, roundTpp } from './capacity'
import { claimsOf, evaluateAgainstLedger, lifecyclePackId, packHash, type Claim } from './evaluation'
import type { Ledger } from './ledger'
import { checkLicenceCovers, createLicence, drawLicenceForDeal, licenceParties } from './licences'
import { asActor, bool, stampOf, stmt, type ActorLike, tx } from './statements'
import {
  evaluationSummary,
  fieldColumns,
  INSERT_PROJECT,
  linesColumns,
  parseLines,
  projectRow,
  projectRowValues,
  type ProjectDbRow,
  type RowOptions,
} from './project-row'
import { ensureUser } from './users'

// ---------------------------------------------------------------------------------------------
// Rows and mapping
// ---------------------------------------------------------------------------------------------

export function toProject(r: ProjectDbRow, lines: ProjectLine[]): Project {
  const p: Project = {
    id: r.id,
    version: r.version,
    status: r.status,
    name: r.name,
    consignee: r.consignee,
    plannedDate: r.planned_date,
    lines,
    licensed: r.licensed === 1,
    licenceNumber: r.licence_number,
    authorizedTpp: r.authorized_tpp,
    authorizedUnits: r.authorized_units,
    preparer: r.preparer,
    reviewer: r.reviewer,
    sample: r.sample === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
  // Optional fields are left out rather than set to undefined, so export → import compares equal.
  if (r.consignee_hq) p.consigneeHq = r.consignee_hq
  if (r.parent_known) p.parentHq = r.parent_hq
  if (r.end_user) p.endUser = r.end_user
  if (r.destination) p.destination = r.destination
  if (r.site) p.site = r.site
  if (r.authorization) p.authorization = r.authorization
  if (r.veu_kind && r.veu_id && r.veu_hq) p.veu = { kind: r.veu_kind, id: r.veu_id, hq: r.veu_hq }
  if (r.datacenter !== null) p.datacenter = r.datacenter === 1
  if (r.certifications) p.certifications = JSON.parse(r.certifications) as string[]
  if (r.transaction_kind) p.transaction = r.transaction_kind
  if (r.notes) p.notes = r.notes
  return p
}

/**
 * The rule engine's view of a deal. `licensed` is the deal's own record (a licence granted), unless
 * the caller asks otherwise: never its status, since a deal may ship or close without a licence.
 */
export function toDeal(
  p: Pick<Project, 'id' | 'status'> & Partial<Pick<Project, 'licensed'>> & ProjectFields,
  options: { licensed?: boolean } = {},
): Deal {
  const deal: Deal = {
    id: p.id,
    date: p.plannedDate,
    consignee: p.consignee,
    lines: p.lines.map((l) => ({ chip: l.chip, quantity: l.quantity })),
  }
  if (p.consigneeHq !== undefined) deal.consigneeHq = p.consigneeHq
  if (p.parentHq !== undefined) deal.parentHq = p.parentHq
  if (p.destination !== undefined) deal.destination = p.destination
  if (p.site !== undefined) deal.site = p.site
  if (p.authorization !== undefined) deal.authorization = p.authorization
  if (p.veu !== undefined) deal.veu = p.veu
  if (p.datacenter !== undefined) deal.datacenter = p.datacenter
  if (p.certifications !== undefined) deal.certifications = p.certifications
  if (p.transaction !== undefined) deal.transaction = p.transaction
  if (options.licensed ?? p.licensed) deal.licensed = true
  return deal
}

function getRow(db: Ledger, id: string): ProjectDbRow {
  const r = stmt(db, 'SELECT * FROM project WHERE id = ?').get(id) as ProjectDbRow | undefined
  if (!r)
    throw new AppError('not_found', `No deal ${id} in the ledger.`, [{ path: 'id', message: 'unknown deal' }])
  return r
}

export function getProject(db: Ledger, id: string): Project {
  const row = getRow(db, id)
  return toProject(row, parseLines(row.lines))
}

/**
 * Whether an id was ever a deal's in this ledger: a deleted draft leaves its row's audit events, which
 * a deal given its id again would inherit (its memo and audit extract read events by id). A point
 * lookup on the audit trail's (entity, entity_id) index.
 */
export const PROJECT_ID_AUDITED = "SELECT 1 FROM audit_event WHERE entity = 'project' AND entity_id = ?"

/**
 * Next generated deal id: `D-000001`, `D-000002`, … (ids given by the desk are kept as they are),
 * never one the ledger has used. The first number above the current deals' is passed over while the
 * audit trail names it. The trail's highest number is not read directly: ids are text, so no index
 * orders them by number, and a max() would walk every deal event. Each probe is one index lookup, and
 * there are as many as there are numbers in a row above the current deals' that the trail names
 * (drafts deleted since the newest deal was made).
 */
function nextProjectId(db: Ledger): string {
  const max = stmt(db, "SELECT max(CAST(substr(id, 3) AS INTEGER)) FROM project WHERE id GLOB 'D-[0-9]*'")
    .pluck()
    .get() as number | null
  const audited = stmt(db, PROJECT_ID_AUDITED)
  let n = (max ?? 0) + 1
  while (audited.get(generatedId(n))) n++
  return generatedId(n)
}

const generatedId = (n: number): string => `D-${String(n).padStart(6, '0')}`

/** The evaluation behind the summary columns; a deal no pack governs is saved without one. */
function previewEvaluation(
  db: Ledger,
  p: Pick<Project, 'id' | 'status'> & ProjectFields,
): { d: Determination | null; pack: RulePack | null } {
  try {
    const { determination, pack } = evaluateAgainstLedger(db, toDeal(p), { excludeProject: p.id })
    return { d: determination, pack }
  } catch (error) {
    if (error instanceof AppError) return { d: null, pack: null }
    throw error
  }
}

// ---------------------------------------------------------------------------------------------
// Drafts
// ---------------------------------------------------------------------------------------------

export interface CreateOptions {
  /** Mark the deal as sample data (removable in one action). */
  sample?: boolean
  /** False: no audit event and no user check (a caller that audits the whole action itself). */
  audit?: boolean
}

export function createDraft(
  db: Ledger,
  who: ActorLike,
  input: ProjectFields & { id?: string },
  options: CreateOptions = {},
): Project {
  return tx(db, () => {
    const at = stampOf(who)
    const id = input.id ?? nextProjectId(db)
    if (stmt(db, 'SELECT 1 FROM project WHERE id = ?').get(id)) {
      throw new AppError('conflict', `A deal with id ${id} already exists.`, [
        { path: 'id', message: 'already exists' },
      ])
    }
    if (options.audit !== false) ensureUser(db, who)
    const { d, pack } = previewEvaluation(db, { ...input, id, status: 'draft' })
    const project = insertProject(db, who, id, input, { sample: options.sample }, { d, pack }, at)
    if (options.audit !== false)
      appendAudit(db, who, {
        operation: 'project.create',
        entity: 'project',
        entityId: id,
        after: project,
        packId: pack?.id,
      })
    return project
  })
}

/**
 * Writes a new deal's row (its lines included) with its evaluation already made, and returns it as
 * `getProject` would read it back: the row object is built from the very values bound to the INSERT
 * and mapped by the same `toProject`, so nothing is read back. No checks, no audit: createDraft does
 * those. (An import writes its rows itself, from `projectRow` too.)
 */
function insertProject(
  db: Ledger,
  who: ActorLike,
  id: string,
  input: ProjectFields,
  options: RowOptions,
  evaluation: { d: Determination | null; pack: RulePack | null },
  at: string,
): Project {
  const row = projectRow(
    asActor(who).name,
    id,
    input,
    options,
    evaluationSummary(evaluation.d, evaluation.pack),
    at,
  )
  stmt(db, INSERT_PROJECT).run(projectRowValues(row))
  return toProject(row, parseLines(row.lines))
}

/** Saves a new version of a draft or returned deal. The audit event holds the version it replaces. */
export function updateDraft(
  db: Ledger,
  who: ActorLike,
  input: ProjectFields & { id: string; version: number },
): Project {
  return tx(db, () => {
    const before = getProject(db, input.id)
    if (!EDITABLE_STATUSES.includes(before.status)) {
      throw new AppError(
        'conflict',
        `Deal ${input.id} is ${label(before.status)}; only a draft or a returned deal can be edited. Corrections after review are made by returning it.`,
      )
    }
    if (before.version !== input.version) {
      throw new AppError(
        'conflict',
        `Deal ${input.id} was changed by someone else (version ${before.version}, you edited version ${input.version}); reload it and edit again.`,
        [{ path: 'version', message: 'stale version' }],
      )
    }
    ensureUser(db, who)
    const { d, pack } = previewEvaluation(db, { ...input, status: before.status })
    stmt(
      db,
      `UPDATE project SET version = version + 1, name = @name, consignee = @consignee, consignee_hq = @consignee_hq,
         parent_known = @parent_known, parent_hq = @parent_hq, end_user = @end_user, destination = @destination, site = @site,
         planned_date = @planned_date, authorization = @authorization, veu_kind = @veu_kind, veu_id = @veu_id, veu_hq = @veu_hq,
         datacenter = @datacenter, certifications = @certifications, transaction_kind = @transaction_kind, notes = @notes,
         updated_at = @at, units = @units, chips_summary = @chips_summary, tpp = @tpp, h100e = @h100e, eccn = @eccn, tier = @tier,
         license_required = @license_required, review_policy = @review_policy, outcome = @outcome, recommended = @recommended,
         headroom_bucket = @headroom_bucket, headroom_remaining = @headroom_remaining, eval_pack_id = @eval_pack_id,
         lines = @lines
       WHERE id = @id`,
    ).run({
      id: input.id,
      at: stampOf(who),
      ...fieldColumns(input),
      ...linesColumns(input.lines),
      ...evaluationSummary(d, pack),
    })
    const after = getProject(db, input.id)
    appendAudit(db, who, {
      operation: 'project.update',
      entity: 'project',
      entityId: input.id,
      before,
      after,
      packId: pack?.id,
    })
    return after
  })
}

/** Deletes a deal never submitted. Anything that reached review stays (EAR part 762); cancel it instead. */
export function deleteDraft(db: Ledger, who: ActorLike, id: string): void {
  tx(db, () => {
    const before = getProject(db, id)
    const history = stmt(db, 'SELECT count(*) FROM project_status_change WHERE project_id = ?')
      .pluck()
      .get(id) as number
    if (before.status !== 'draft' || history > 0) {
      throw new AppError(
        'forbidden',
        `Deal ${id} has been submitted for review, so it is a record the desk must keep; cancel it instead of deleting it.`,
      )
    }
    ensureUser(db, who)
    stmt(db, 'DELETE FROM project WHERE id = ?').run(id)
    appendAudit(db, who, { operation: 'project.delete', entity: 'project', entityId: id, before })
  })
}

// ---------------------------------------------------------------------------------------------
// Lifecycle
// ---------------------------------------------------------------------------------------------

const LABELS: Record<ProjectStatus, string> = {
  draft: 'a draft',
  in_review: 'in review',
  approved: 'approved',
  licensed: 'licensed',
  shipped: 'shipped',
  closed: 'closed',
  returned: 'returned',
  rejected: 'rejected',
  cancelled: 'cancelled',
}
const label = (s: ProjectStatus): string => LABELS[s]

export interface TransitionInput {
  id: string
  to: ProjectStatus
  reason?: string
  licence?: {
    number: string
    authorizedTpp?: number
    authorizedUnits?: number
    issuedOn?: string
    expiresOn?: string
  }
  packId?: string
}

export interface TransitionOutcome {
  project: Project
  from: ProjectStatus
  to: ProjectStatus
  determination: Determination | null
}

/** Stores the determination the desk saw at a step, with the pack and its content hash. */
export function storeDetermination(
  db: Ledger,
  who: ActorLike,
  p: Project,
  stage: string,
  d: Determination,
  pack: RulePack,
): void {
  stmt(
    db,
    `INSERT INTO determination (project_id, project_version, stage, pack_id, pack_hash, at, actor, body, sample)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    p.id,
    p.version,
    stage,
    pack.id,
    packHash(pack),
    stampOf(who),
    asActor(who).name,
    JSON.stringify(d),
    p.sample ? 1 : 0,
  )
}

/**
 * Reserves the capacity a deal would consume. A deal on the licence route is counted against the
 * country allocation only once licensed (the engine marks it projected), so the reservation is taken
 * from the same deal evaluated as licensed: that is the capacity approval would hold for it.
 */
function reserve(
  db: Ledger,
  who: ActorLike,
  p: Project,
  d: Determination,
  pack: RulePack,
  reason: string | null,
  claims: readonly Claim[] = claimsToReserve(db, p, d, pack),
): void {
  const at = stampOf(who)
  for (const c of claims) {
    ensureBucket(db, { bucket: c.bucket, kind: c.kind, limitTpp: c.limit, packId: pack.id }, at)
    appendEntry(db, who, {
      bucket: c.bucket,
      action: 'reserve',
      tpp: c.tpp,
      projectId: p.id,
      packId: pack.id,
      reason,
      sample: p.sample,
    })
  }
}

/** What `reserve` holds for a deal under a determination (see there). */
function claimsToReserve(db: Ledger, p: Project, d: Determination, pack: RulePack): Claim[] {
  let claimsFrom = d
  if (d.authorization === 'LICENSE' && !d.caps.some((c) => c.kind === 'country' && c.counted)) {
    claimsFrom = evaluateAgainstLedger(db, toDeal(p, { licensed: true }), {
      packId: pack.id,
      excludeProject: p.id,
    }).determination
  }
  return claimsOf(claimsFrom, p.veu?.id)
}

/**
 * Brings a deal's reservation into line with the determination at approval. The route can change between submission and approval: a deal submitted while its LPP was held by
 * another deal goes the licence route and is reserved against the country allocation; that deal
 * cancelled, approval finds the LPP free and approves it under LPP. Kept, the submission's
 * reservation would then be committed to the country allocation while the LPP showed the deal's TPP
 * as still free. When the claims differ, the old reservation is released and the new one reserved,
 * as new entries; holds on licences are not the route's and stay. (An import, which evaluates each
 * deal against the book's earlier deals as they end up, holds the approved deal on the LPP too.) The
 * licensed step runs it again with the licensed determination: a licence-route deal already holds
 * what it claims, and one approved under LPP or a VEU moves to the country allocation, as an import
 * of a licensed deal records it.
 */
function realignReservation(
  db: Ledger,
  who: ActorLike,
  p: Project,
  d: Determination,
  pack: RulePack,
  reason: string,
): void {
  const wanted = claimsToReserve(db, p, d, pack)
  const held = [...projectHoldings(db, p.id)].filter(
    ([bucket, h]) => !bucket.startsWith('licence:') && (h.reserved > 0 || h.reservedUnits > 0),
  )
  const same =
    held.length === wanted.length &&
    wanted.every((c) => held.some(([bucket, h]) => bucket === c.bucket && h.reserved === c.tpp))
  if (same) return
  for (const [bucket, h] of held) {
    appendEntry(db, who, {
      bucket,
      action: 'release',
      tpp: h.reserved,
      units: h.reservedUnits,
      projectId: p.id,
      packId: pack.id,
      reason,
      sample: p.sample,
    })
  }
  reserve(db, who, p, d, pack, reason, wanted)
}

/**
 * Settles what the deal holds in reserve: releases it (returned, rejected, cancelled) or, with
 * `commit`, turns it into a commitment of the same amount (licensed, shipped), so totals move exactly.
 */
function settleReservations(
  db: Ledger,
  who: ActorLike,
  p: Project,
  packId: string | null,
  reason: string | null,
  commit: boolean,
): void {
  for (const [bucket, h] of projectHoldings(db, p.id)) {
    if (h.reserved <= 0 && h.reservedUnits <= 0) continue
    // A hold on a licence (licences.recordUsage) is only released: the licensed step draws the
    // licence itself, for the deal's determined TPP, and committing the hold too drew it twice.
    const onLicence = bucket.startsWith('licence:')
    const entry = {
      bucket,
      tpp: h.reserved,
      units: h.reservedUnits,
      projectId: p.id,
      packId,
      reason,
      sample: p.sample,
    }
    appendEntry(db, who, { ...entry, action: 'release' })
    if (commit && !onLicence) appendEntry(db, who, { ...entry, action: 'commit' })
  }
}

/**
 * Whether the deal's latest stored determination (at submission, approval, licensing, re-evaluation
 * or import) says a licence is required: null when it could not say, undefined when none is stored.
 */
function latestLicenceAnswer(db: Ledger, id: string): boolean | null | undefined {
  const rows = stmt(
    db,
    "SELECT stage, json_extract(body, '$.licenseRequired') AS answer FROM determination WHERE project_id = ? ORDER BY id",
  ).all(id) as Array<{ stage: string; answer: number | null }>
  return gateAnswer(
    rows.map((r) => ({ stage: r.stage, licenseRequired: r.answer === null ? null : r.answer !== 0 })),
  )
}

/** A licence grant at the licensed step, with the authorized figures the deal will record. */
interface LicenceGrant {
  number: string
  issuedOn?: string
  expiresOn?: string
  /** The recorded licence's figures; for a new licence, those given or else the deal's own. */
  authorizedTpp?: number
  authorizedUnits?: number
  /** Whether the licence is already in the ledger (no new record is made). */
  recorded: boolean
}

/**
 * Refuses a licensed step without a licence number, naming a recorded licence granted for another
 * consignee or destination than the deal's (a new number is recorded for the deal's own), or giving
 * other terms (authorized TPP or units, dates) than the licence recorded under that number: one
 * licence has one set of terms, and a deal recording others would put a figure in its memo and the
 * exported book that the licence does not grant. A recorded licence's terms become the deal's.
 */
function checkLicenceGrant(db: Ledger, p: Project, licence: TransitionInput['licence']): LicenceGrant {
  if (!licence) {
    throw new AppError('invalid_input', `Give the licence number granted for deal ${p.id}.`, [
      { path: 'licence.number', message: 'required to mark a deal licensed' },
    ])
  }
  const parties = licenceParties(db, licence.number)
  if (!parties) return { ...licence, recorded: false }
  checkLicenceCovers(parties, p, 'licence.number')
  const terms = stmt(
    db,
    'SELECT authorized_tpp, authorized_units, issued_on, expires_on FROM licence WHERE number = ?',
  ).get(licence.number) as {
    authorized_tpp: number
    authorized_units: number
    issued_on: string | null
    expires_on: string | null
  }
  const differs = (given: number | string | undefined, stored: number | string | null) =>
    given !== undefined && given !== stored
  if (
    differs(licence.authorizedTpp, terms.authorized_tpp) ||
    differs(licence.authorizedUnits, terms.authorized_units) ||
    differs(licence.issuedOn, terms.issued_on) ||
    differs(licence.expiresOn, terms.expires_on)
  ) {
    throw new AppError(
      'conflict',
      `Licence ${licence.number} is recorded as authorizing ${formatWhole(terms.authorized_tpp)} TPP and ${formatWhole(terms.authorized_units)} units` +
        `${terms.issued_on ? `, issued on ${terms.issued_on}` : ''}${terms.expires_on ? `, expiring on ${terms.expires_on}` : ''}; ` +
        `the licence given for deal ${p.id} says otherwise. Give the licence number alone to draw on the recorded licence, or check the number.`,
      [{ path: 'licence.number', message: 'other terms than the recorded licence' }],
    )
  }
  return {
    number: licence.number,
    authorizedTpp: terms.authorized_tpp,
    authorizedUnits: terms.authorized_units,
    recorded: true,
  }
}

/**
 * Refuses marking a licensed deal shipped outside its licence's validity (on the session's date): after
 * it expired, or before it was issued. An export under a licence not in force is an export without one.
 * An expired licence's deal may still be closed unshipped; one not yet issued waits for its issue date.
 */
function checkLicenceCurrent(db: Ledger, who: ActorLike, p: Project): void {
  if (!p.licensed || !p.licenceNumber) return
  const dates = stmt(db, 'SELECT issued_on, expires_on FROM licence WHERE number = ?').get(
    p.licenceNumber,
  ) as { issued_on: string | null; expires_on: string | null } | undefined
  const expiresOn = dates?.expires_on
  const issuedOn = dates?.issued_on
  const today = stampOf(who).slice(0, 10)
  if (issuedOn && today < issuedOn) {
    throw new AppError('conflict', notIssuedShipWords(p.id, p.licenceNumber, issuedOn, today), [
      { path: 'to', message: 'the licence is not issued yet' },
    ])
  }
  if (expiresOn && expiresOn < today) {
    throw new AppError(
      'conflict',
      `Deal ${p.id} cannot be marked shipped: its licence ${p.licenceNumber} expired on ${expiresOn}, and a shipment on ${today} needs a licence in force. A licensed deal takes no other licence: close it unshipped, and record a shipment under a new licence as a new deal.`,
      [{ path: 'to', message: 'the licence has expired' }],
    )
  }
}

/**
 * Moves a deal along the lifecycle in one transaction: checks the step, the people and the reason,
 * stores the determination at submission and approval, writes the capacity entries, records the
 * status change and the audit event.
 */
export function transition(db: Ledger, who: ActorLike, input: TransitionInput): TransitionOutcome {
  return tx(db, () => {
    const before = getProject(db, input.id)
    const from = before.status
    const to = input.to
    const actor = ensureUser(db, who)
    if (!PROJECT_TRANSITIONS[from].includes(to)) {
      const allowed = PROJECT_TRANSITIONS[from]
      throw new AppError(
        'conflict',
        `Deal ${before.id} is ${label(from)}; it cannot move to ${label(to)}.` +
          (allowed.length
            ? ` From here it can go to: ${allowed.map(label).join(', ')}.`
            : ' That status is final.'),
        [{ path: 'to', message: 'not allowed from the current status' }],
      )
    }
    const reason = input.reason?.trim() || null
    if (REASON_REQUIRED.includes(to) && !reason) {
      throw new AppError('invalid_input', `A reason is required to mark deal ${before.id} ${label(to)}.`, [
        { path: 'reason', message: 'a reason is required' },
      ])
    }
    const refusal = fourEyesRefusal(to, actor, before.preparer)
    if (refusal === 'reviewer_only') {
      throw new AppError(
        'forbidden',
        `${actor.name} is a ${actor.role}; only a reviewer may mark a deal ${label(to)}.`,
      )
    }
    if (refusal === 'own_deal') {
      throw new AppError(
        'forbidden',
        `Approval refused: ${actor.name} prepared this deal; a different reviewer must approve it.`,
      )
    }

    if (from === 'approved' && to === 'shipped') {
      const unlicensed = shipRefusal(before, to, latestLicenceAnswer(db, before.id))
      if (unlicensed) {
        throw new AppError(
          'conflict',
          `Deal ${before.id} cannot be marked shipped yet. ${SHIP_REFUSAL_WORDS[unlicensed]}`,
          [{ path: 'to', message: 'a licence must be recorded first' }],
        )
      }
    }

    if (to === 'shipped') checkLicenceCurrent(db, who, before)

    // Before the determination and capacity writes: inside an outer transaction tx() takes no
    // savepoint, so what was written before a refusal would be left for the caller to commit.
    const grant = to === 'licensed' ? checkLicenceGrant(db, before, input.licence) : null

    let determination: Determination | null = null
    let packId: string | null = null
    const deal = toDeal(before, { licensed: to === 'licensed' ? true : undefined })
    if (to === 'in_review' || to === 'approved' || to === 'licensed') {
      const result = evaluateAgainstLedger(db, deal, {
        packId: lifecyclePackId(deal, label(to), input.packId),
        excludeProject: before.id,
      })
      determination = result.determination
      packId = result.pack.id
      storeDetermination(
        db,
        who,
        before,
        to === 'in_review' ? 'submit' : to === 'approved' ? 'approve' : 'licensed',
        determination,
        result.pack,
      )
      if (to === 'in_review')
        reserve(db, who, before, determination, result.pack, reason ?? 'submitted for review')
      // The reservation follows the route decided: at approval (it may differ from submission's), and
      // at licensing, where a deal approved under an exception or a VEU ships under the licence all
      // the same, so its TPP counts against the country allocation (licensed TPP), as the
      // determination recorded here says. A licence-route deal holds that already.
      if (to === 'approved' || to === 'licensed')
        realignReservation(
          db,
          who,
          before,
          determination,
          result.pack,
          to === 'approved'
            ? 'reservation brought into line with the determination at approval'
            : 'reservation moved to the licence route: the deal ships under its licence',
        )
    }
    if (to === 'returned' || to === 'rejected' || to === 'cancelled')
      settleReservations(db, who, before, packId, reason ?? label(to), false)
    if (to === 'licensed' || (to === 'shipped' && from === 'approved')) {
      settleReservations(db, who, before, packId, reason ?? label(to), true)
    }
    if (grant) {
      const tpp = determination && determination.tpp !== null ? roundTpp(determination.tpp) : 0
      const units = unitsOf(before.lines)
      if (!grant.recorded) {
        createLicence(
          db,
          who,
          {
            number: grant.number,
            consignee: before.consignee,
            ...(before.destination ? { destination: before.destination } : {}),
            authorizedTpp: grant.authorizedTpp ?? tpp,
            authorizedUnits: grant.authorizedUnits ?? units,
            ...(grant.issuedOn ? { issuedOn: grant.issuedOn } : {}),
            ...(grant.expiresOn ? { expiresOn: grant.expiresOn } : {}),
          },
          { sample: before.sample },
        )
      }
      drawLicenceForDeal(
        db,
        who,
        {
          number: grant.number,
          tpp,
          units,
          projectId: before.id,
          reason: `deal ${before.id} licensed`,
        },
        { sample: before.sample },
      )
      stmt(
        db,
        'UPDATE project SET licensed = 1, licence_number = ?, authorized_tpp = ?, authorized_units = ? WHERE id = ?',
      ).run(grant.number, grant.authorizedTpp ?? tpp, grant.authorizedUnits ?? units, before.id)
    }

    const at = stampOf(who)
    const reviewer = REVIEWER_STEPS.includes(to) ? actor.name : before.reviewer
    stmt(db, 'UPDATE project SET status = ?, reviewer = ?, updated_at = ? WHERE id = ?').run(
      to,
      reviewer,
      at,
      before.id,
    )
    if (determination) {
      const s = evaluationSummary(determination, null)
      stmt(
        db,
        `UPDATE project SET tpp = @tpp, h100e = @h100e, eccn = @eccn, tier = @tier, license_required = @license_required,
           review_policy = @review_policy, outcome = @outcome, recommended = @recommended, headroom_bucket = @headroom_bucket,
           headroom_remaining = @headroom_remaining, eval_pack_id = @pack WHERE id = @id`,
      ).run({ ...s, pack: packId, id: before.id })
    }
    stmt(
      db,
      'INSERT INTO project_status_change (project_id, from_status, to_status, at, actor, reason, pack_id, sample) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(before.id, from, to, at, actor.name, reason, packId, before.sample ? 1 : 0)
    const project = getProject(db, before.id)
    appendAudit(db, who, {
      operation: 'project.transition',
      entity: 'project',
      entityId: before.id,
      before: { status: from, reviewer: before.reviewer, licenceNumber: before.licenceNumber },
      after: { status: to, reviewer, licenceNumber: project.licenceNumber, reason },
      packId,
    })
    return { project, from, to, determination }
  })
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

export function statusHistory(db: Ledger, id: string): StatusChange[] {
  return (
    stmt(db, 'SELECT * FROM project_status_change WHERE project_id = ? ORDER BY id').all(id) as Array<{
      id: number
      from_status: ProjectStatus
      to_status: ProjectStatus
      at: string
      actor: string
      reason: string | null
      pack_id: string | null
    }>
  ).map((r) => ({
    id: r.id,
    from: r.from_status,
    to: r.to_status,
    at: r.at,
    actor: r.actor,
    reason: r.reason,
    packId: r.pack_id,
  }))
}

export function storedDeterminations(db: Ledger, id: string): StoredDetermination[] {
  return (
    stmt(db, 'SELECT * FROM determination WHERE project_id = ? ORDER BY id').all(id) as Array<{
      id: number
      project_version: number
      stage: string
      pack_id: string
      pack_hash: string
      at: string
      actor: string
      body: string
    }>
  ).map((r) => ({
    id: r.id,
    projectVersion: r.project_version,
    stage: r.stage,
    packId: r.pack_id,
    packHash: r.pack_hash,
    at: r.at,
    actor: r.actor,
    determination: JSON.parse(r.body) as Determination,
  }))
}

export function projectDetail(db: Ledger, id: string): ProjectDetail {
  const project = getProject(db, id)
  const detail: ProjectDetail = {
    project,
    next: [...PROJECT_TRANSITIONS[project.status]],
    history: statusHistory(db, id),
    determinations: storedDeterminations(db, id),
    capacity: entriesFor(db, { projectId: id }),
    audit: auditFor(db, 'project', id),
  }
  const origin = importOrigin(db, id)
  if (origin) detail.importedFrom = origin
  return detail
}

function importOrigin(db: Ledger, id: string): ImportOrigin | null {
  return (
    (stmt(
      db,
      `SELECT b.id AS batch, p.import_row AS row, b.at, b.actor, b.format, b.sha256
         FROM project p JOIN import_batch b ON b.id = p.import_batch WHERE p.id = ?`,
    ).get(id) as ImportOrigin | undefined) ?? null
  )
}

const SORT_COLUMNS: Record<ProjectSortKey, string> = {
  id: 'id',
  name: 'name COLLATE NOCASE',
  consignee: 'consignee COLLATE NOCASE',
  destination: 'destination',
  plannedDate: 'planned_date',
  status: 'status',
  tpp: 'tpp',
  units: 'units',
  h100e: 'h100e',
  outcome: 'outcome',
  updatedAt: 'updated_at',
  headroomRemaining: 'headroom_remaining',
}

export interface ProjectListFilter {
  offset?: number
  limit?: number
  sortBy?: ProjectSortKey
  sortDir?: 'asc' | 'desc'
  status?: readonly ProjectStatus[]
  destination?: string
  quick?: string
  sample?: boolean
  packId?: string
}

function toRow(r: ProjectDbRow): ProjectRow {
  return {
    id: r.id,
    name: r.name,
    consignee: r.consignee,
    endUser: r.end_user,
    destination: r.destination,
    destinationName: r.destination ? (countryName(r.destination) ?? r.destination) : null,
    tier: r.tier,
    site: r.site,
    plannedDate: r.planned_date,
    chips: r.chips_summary,
    units: r.units,
    tpp: r.tpp,
    h100e: r.h100e,
    eccn: r.eccn,
    status: r.status,
    authorization: r.authorization,
    recommended: r.recommended,
    licenseRequired: bool(r.license_required),
    reviewPolicy: r.review_policy,
    outcome: r.outcome,
    headroomImpact:
      r.headroom_bucket !== null && r.headroom_remaining !== null
        ? { bucket: r.headroom_bucket, remaining: r.headroom_remaining }
        : null,
    licenceNumber: r.licence_number,
    preparer: r.preparer,
    reviewer: r.reviewer,
    updatedAt: r.updated_at,
    sample: r.sample === 1,
    packId: r.eval_pack_id,
  }
}

/**
 * One page of the book. Filters and sorting run in SQLite on indexed columns (the summary columns are
 * kept at each write); only with `packId` different from the stored one are the page's summary
 * columns re-evaluated, which costs one evaluation per row of the page, not of the book.
 */
export function listProjects(db: Ledger, filter: ProjectListFilter = {}): ProjectPage {
  const where: string[] = []
  const params: unknown[] = []
  if (filter.status?.length) {
    where.push(`status IN (${filter.status.map(() => '?').join(', ')})`)
    params.push(...filter.status)
  }
  if (filter.destination) {
    where.push('destination = ?')
    params.push(filter.destination.toUpperCase())
  }
  if (filter.sample !== undefined) {
    where.push('sample = ?')
    params.push(filter.sample ? 1 : 0)
  }
  if (filter.quick) {
    const like = `%${filter.quick.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    // The destination as the grid shows it, "Japan (JP)": by its name or its code.
    const destinations = countriesMatching(filter.quick)
    where.push(
      `(id LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' OR consignee LIKE ? ESCAPE '\\' OR end_user LIKE ? ESCAPE '\\' OR site LIKE ? ESCAPE '\\' OR chips_summary LIKE ? ESCAPE '\\'${
        destinations.length ? ` OR destination IN (${destinations.map(() => '?').join(', ')})` : ''
      })`,
    )
    params.push(like, like, like, like, like, like, ...destinations)
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
  // Ties break on rowid (insertion order) in the sort's own direction: a one-column index is really
  // (column, rowid), so the page is read straight off the index. Breaking ties on `id` made SQLite sort
  // every matching row for each page (a 100,000-deal import shares one updated_at: 0.5–1.4 s a page).
  const dir = filter.sortDir === 'asc' ? 'ASC' : 'DESC'
  const order = `${SORT_COLUMNS[filter.sortBy ?? 'updatedAt']} ${dir}, rowid ${dir}`
  const total = stmt(db, `SELECT count(*) FROM project ${clause}`)
    .pluck()
    .get(...params) as number
  const rows = stmt(db, `SELECT * FROM project ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`).all(
    ...params,
    filter.limit ?? 100,
    filter.offset ?? 0,
  ) as ProjectDbRow[]
  return {
    rows: rows.map((r) =>
      filter.packId && filter.packId !== r.eval_pack_id ? reevaluateRow(db, r, filter.packId) : toRow(r),
    ),
    total,
  }
}

function reevaluateRow(db: Ledger, r: ProjectDbRow, packId: string): ProjectRow {
  const project = toProject(r, parseLines(r.lines))
  const { determination, pack } = evaluateAgainstLedger(db, toDeal(project), { packId, excludeProject: r.id })
  // The row's own lines columns stand: only the determination's columns differ under another pack.
  return toRow({ ...r, ...evaluationSummary(determination, pack) })
}

/** Evaluates a deal as the editor holds it, against the ledger without its own entries. Writes nothing. */
export function evaluateDraft(
  db: Ledger,
  fields: ProjectFields & { id?: string },
  packId?: string,
): Determination {
  // A saved deal keeps its status and whether a licence was granted: the editor sends its fields only.
  const saved = fields.id
    ? (stmt(db, 'SELECT status, licensed FROM project WHERE id = ?').get(fields.id) as
        { status: ProjectStatus; licensed: number } | undefined)
    : undefined
  const deal = toDeal({
    ...fields,
    id: fields.id ?? 'unsaved',
    status: saved?.status ?? 'draft',
    licensed: saved?.licensed === 1,
  })
  return evaluateAgainstLedger(db, deal, { packId, ...(fields.id ? { excludeProject: fields.id } : {}) })
    .determination
}
