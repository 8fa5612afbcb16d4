import { countryName } from '../../shared/countries'
import {
  licenceExpiredWords,
  licenceShortfallWords,
  type LicenceDetail,
  type LicenceRow,
} from '../../shared/domain/licence'
import { licenceExpiry, type DealLicence, type DealLicences } from '../../shared/domain/licence-expiry'
import { foldedName } from '../../shared/folded-name'
import { formatWhole } from '../../shared/format-whole'
import { licenceDatesInOrder } from '../../shared/ipc/ops/fields'
import { AppError } from '../../shared/ipc/result'
import { bucketIds } from '../../shared/rules/buckets'
import { appendAudit } from './audit'
import { appendEntry, ensureBucket, entriesFor, projectHoldings } from './capacity'
import type { Ledger } from './ledger'
import { asActor, stampOf, stmt, type ActorLike, tx } from './statements'

/**
 * Licences follow the depletion model of the trade-compliance suites: authorized, used (committed),
 * reserved and remaining, in TPP and in units. Usage is capacity entries on `licence:<number>`, so a
 * licence's history is its bucket's history.
 */
export const licenceBucket = bucketIds.licence

interface LicenceDbRow {
  number: string
  holder: string
  consignee: string | null
  destination: string | null
  authorized_tpp: number
  authorized_units: number
  issued_on: string | null
  expires_on: string | null
  notes: string
  committed: number | null
  reserved: number | null
  committed_units: number | null
  reserved_units: number | null
  projects: string | null
}

export interface LicenceInput {
  number: string
  holder?: string
  consignee?: string
  destination?: string
  authorizedTpp: number
  authorizedUnits: number
  issuedOn?: string
  expiresOn?: string
  notes?: string
}

const SELECT_LICENCES = `
  SELECT l.*, b.committed, b.reserved, b.committed_units, b.reserved_units,
    (SELECT group_concat(id, ',') FROM project p WHERE p.licence_number = l.number) AS projects
  FROM licence l LEFT JOIN capacity_bucket b ON b.bucket = 'licence:' || l.number`

function toLicence(r: LicenceDbRow, today: string): LicenceRow {
  const usedTpp = r.committed ?? 0
  const reservedTpp = r.reserved ?? 0
  const usedUnits = r.committed_units ?? 0
  const reservedUnits = r.reserved_units ?? 0
  return {
    number: r.number,
    holder: r.holder,
    consignee: r.consignee,
    destination: r.destination,
    authorizedTpp: r.authorized_tpp,
    authorizedUnits: r.authorized_units,
    usedTpp,
    usedUnits,
    reservedTpp,
    reservedUnits,
    remainingTpp: r.authorized_tpp - usedTpp - reservedTpp,
    remainingUnits: r.authorized_units - usedUnits - reservedUnits,
    issuedOn: r.issued_on,
    expiresOn: r.expires_on,
    expired: r.expires_on !== null && r.expires_on < today,
    notes: r.notes,
    projects: r.projects ? r.projects.split(',') : [],
  }
}

const todayOf = (who: ActorLike): string => stampOf(who).slice(0, 10)

export function listLicences(
  db: Ledger,
  who: ActorLike,
  options: { includeExpired?: boolean } = {},
): LicenceRow[] {
  const today = todayOf(who)
  return (stmt(db, `${SELECT_LICENCES} ORDER BY l.number`).all() as LicenceDbRow[])
    .map((r) => toLicence(r, today))
    .filter((l) => options.includeExpired !== false || !l.expired)
}

export function getLicence(db: Ledger, who: ActorLike, number: string): LicenceDetail {
  const r = stmt(db, `${SELECT_LICENCES} WHERE l.number = ?`).get(number) as LicenceDbRow | undefined
  if (!r)
    throw new AppError('not_found', `No licence ${number} in the ledger.`, [
      { path: 'number', message: 'unknown licence' },
    ])
  return { licence: toLicence(r, todayOf(who)), usage: entriesFor(db, { bucket: licenceBucket(number) }) }
}

export function createLicence(
  db: Ledger,
  who: ActorLike,
  input: LicenceInput,
  options: { sample?: boolean } = {},
): LicenceRow {
  return tx(db, () => {
    if (stmt(db, 'SELECT 1 FROM licence WHERE number = ?').get(input.number)) {
      throw new AppError('conflict', `Licence ${input.number} is already recorded.`, [
        { path: 'number', message: 'already exists' },
      ])
    }
    // The contract's schemas refuse it first, naming the field where the caller gave it; this is the
    // one place every licence is written, so no other path records a licence dated backwards.
    if (!licenceDatesInOrder.check(input)) {
      throw new AppError(
        'invalid_input',
        `Licence ${input.number} cannot expire on ${input.expiresOn}, before it was issued on ${input.issuedOn}.`,
        [{ path: 'expiresOn', message: licenceDatesInOrder.params.message }],
      )
    }
    const at = stampOf(who)
    stmt(
      db,
      `INSERT INTO licence (number, holder, consignee, destination, authorized_tpp, authorized_units, issued_on, expires_on, notes, sample, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      input.number,
      input.holder ?? '',
      input.consignee ?? null,
      input.destination ?? null,
      input.authorizedTpp,
      input.authorizedUnits,
      input.issuedOn ?? null,
      input.expiresOn ?? null,
      input.notes ?? '',
      options.sample ? 1 : 0,
      at,
      asActor(who).name,
    )
    ensureBucket(
      db,
      {
        bucket: licenceBucket(input.number),
        kind: 'licence',
        limitTpp: input.authorizedTpp,
        limitUnits: input.authorizedUnits,
      },
      at,
    )
    appendAudit(db, who, {
      operation: 'licence.create',
      entity: 'licence',
      entityId: input.number,
      after: input,
    })
    return getLicence(db, who, input.number).licence
  })
}

/** A usage entry as `licences.recordUsage` takes it. */
export interface LicenceUsageInput {
  number: string
  action: 'reserve' | 'commit' | 'release'
  tpp: number
  units: number
  projectId?: string
  reason: string
}

/**
 * Appends a usage entry by hand (`licences.recordUsage`). Refuses use of an expired licence and use
 * beyond what is authorized, since shipping past either is a violation the desk must not record as
 * normal.
 *
 * A commit naming a deal is refused: a deal's draw on its licence belongs to its lifecycle, which
 * commits the deal's determined TPP and units once, at the licensed step (`drawLicenceForDeal`).
 * Before that step a commit by hand would be drawn a second time there; after it, the deal's draw is
 * already on the licence; and a deal that never reaches it (shipped under an exception, cancelled)
 * has no licence use to record. The ledger could instead net a hand commit off at the licensed step,
 * but a commit cannot be taken back (no entry undoes one, the ledger being append-only), so a hand
 * commit on the wrong licence, or for more than the deal ships, would stay in the licence's used
 * figure for good. Refused, each deal's use is recorded in one place. What the desk may still do by
 * hand: hold a licence for a deal in review or approved (reserve, released by the lifecycle), and
 * commit a use outside the deal book, naming no deal.
 */
export function recordLicenceUsage(
  db: Ledger,
  who: ActorLike,
  input: LicenceUsageInput,
  options: { sample?: boolean } = {},
): LicenceDetail {
  return appendUsage(db, who, input, options)
}

/**
 * The licensed step's draw: commits what the deal has not yet committed on the licence, up to its
 * determined TPP and units, so the deal draws the licence once. A hand commit naming the deal is
 * refused now (`recordLicenceUsage`), but a ledger written before that rule may hold one, and its
 * entries stay: counted here, the licence's used figure is the deal's TPP, not the deal's TPP plus the
 * hand commit. The checks (the licence covers the deal, is in force, has enough left) apply as to any
 * draw; nothing is appended when the deal's earlier commits already cover it.
 */
export function drawLicenceForDeal(
  db: Ledger,
  who: ActorLike,
  input: { number: string; tpp: number; units: number; projectId: string; reason: string },
  options: { sample?: boolean } = {},
): LicenceDetail {
  return tx(db, () => {
    const drawn = projectHoldings(db, input.projectId).get(licenceBucket(input.number))
    const tpp = Math.max(0, input.tpp - (drawn?.committed ?? 0))
    const units = Math.max(0, input.units - (drawn?.committedUnits ?? 0))
    const covered = drawn !== undefined && tpp === 0 && units === 0
    return appendUsage(
      db,
      who,
      { ...input, action: 'commit', tpp, units },
      { ...options, lifecycle: true, covered },
    )
  })
}

/**
 * Checks a usage entry and appends it with its audit event. `lifecycle`: the licensed step's own draw
 * (the only commit that may name a deal); `covered`: check only, append nothing.
 */
function appendUsage(
  db: Ledger,
  who: ActorLike,
  input: LicenceUsageInput,
  options: { sample?: boolean; lifecycle?: boolean; covered?: boolean },
): LicenceDetail {
  return tx(db, () => {
    const { licence } = getLicence(db, who, input.number)
    if (input.action !== 'release') {
      const deal = input.projectId ? dealParties(db, input.projectId) : undefined
      if (deal) checkLicenceCovers(licence, deal, 'projectId')
      if (input.action === 'commit' && input.projectId && !options.lifecycle) {
        throw new AppError(
          'conflict',
          `Licence ${licence.number} is drawn for deal ${input.projectId} by the deal's own Record licence step, which commits the deal's TPP and units on it once; a commit by hand for the deal would count them twice. Hold the licence for the deal (reserve) while it waits, or record a use outside the deal book without naming a deal.`,
          [{ path: 'projectId', message: "a deal's licence is committed by its licensed step" }],
        )
      }
      if (licence.expired) {
        throw new AppError('forbidden', licenceExpiredWords(licence.number, licence.expiresOn!), [
          { path: 'number', message: 'expired' },
        ])
      }
      if (input.tpp > licence.remainingTpp || input.units > licence.remainingUnits) {
        throw new AppError(
          'conflict',
          licenceShortfallWords(
            licence.number,
            { tpp: licence.remainingTpp, units: licence.remainingUnits },
            { tpp: input.tpp, units: input.units },
          ),
          [{ path: 'tpp', message: 'exceeds what remains on the licence' }],
        )
      }
    }
    if (input.action === 'release') checkReleaseHeld(db, licence.number, input)
    if (input.action === 'reserve' && input.projectId) checkDealHolds(db, input.projectId)
    if (options.covered) return getLicence(db, who, input.number)
    appendEntry(db, who, {
      bucket: licenceBucket(licence.number),
      action: input.action,
      tpp: input.tpp,
      units: input.units,
      projectId: input.projectId ?? null,
      reason: input.reason,
      sample: options.sample,
    })
    appendAudit(db, who, {
      operation: `licence.${input.action}`,
      entity: 'licence',
      entityId: licence.number,
      before: { remainingTpp: licence.remainingTpp, remainingUnits: licence.remainingUnits },
      after: input,
    })
    return getLicence(db, who, input.number)
  })
}

/** Statuses after which a deal ships no more: a licence's expiry no longer stands in its way. */
const SHIPS_NO_MORE = new Set(['shipped', 'closed', 'rejected', 'cancelled'])

/**
 * The licences a deal draws on, each with its expiry read on the session's date and on the deal's
 * planned ship date (`licences.forDeal`): the licence the deal records as granted, and every licence
 * its own entries hold or drew on. `candidate` asks about one more number as the deal would draw on it
 * (the one the officer is typing at Record licence), so the panel can warn before the step is taken;
 * the ledger refuses a draw on an expired licence and a shipment under one, but not a licence that
 * will have expired by the planned date, which the deal may still beat by shipping earlier.
 */
export function dealLicences(
  db: Ledger,
  who: ActorLike,
  projectId: string,
  candidate?: string,
): DealLicences {
  const deal = stmt(
    db,
    'SELECT id, status, planned_date, licensed, licence_number FROM project WHERE id = ?',
  ).get(projectId) as
    | { id: string; status: string; planned_date: string; licensed: number; licence_number: string | null }
    | undefined
  if (!deal)
    throw new AppError('not_found', `No deal ${projectId} in the ledger.`, [
      { path: 'id', message: 'unknown deal' },
    ])
  const sessionDate = todayOf(who)
  const holdings = projectHoldings(db, projectId)
  const granted = deal.licensed === 1 ? deal.licence_number : null
  const drawn = [...holdings]
    .filter(
      ([bucket, h]) =>
        bucket.startsWith('licence:') && h.reserved + h.reservedUnits + h.committed + h.committedUnits > 0,
    )
    .map(([bucket]) => bucket.slice('licence:'.length))
    .filter((n) => n !== granted)
    .sort()
  const one = (number: string): DealLicence => {
    const r = stmt(db, `${SELECT_LICENCES} WHERE l.number = ?`).get(number) as LicenceDbRow | undefined
    const licence = r ? toLicence(r, sessionDate) : null
    const h = holdings.get(licenceBucket(number))
    return {
      number,
      licence,
      granted: number === granted,
      reservedTpp: h?.reserved ?? 0,
      reservedUnits: h?.reservedUnits ?? 0,
      committedTpp: h?.committed ?? 0,
      committedUnits: h?.committedUnits ?? 0,
      expiry: licence ? licenceExpiry(licence.expiresOn, sessionDate, deal.planned_date) : 'not_recorded',
    }
  }
  return {
    dealId: deal.id,
    sessionDate,
    plannedDate: deal.planned_date,
    toShip: !SHIPS_NO_MORE.has(deal.status),
    licences: [...(granted ? [granted] : []), ...drawn].map(one),
    ...(candidate !== undefined ? { candidate: one(candidate) } : {}),
  }
}

/**
 * Refuses a release larger than what it releases from: the deal named holds on the licence, or, with
 * no deal named, the holds no deal owns. Checked against the whole licence only, a release naming one
 * deal could take another deal's hold, leaving the first with a negative hold and the second's
 * cancellation unable to release its own (refused as more than is reserved).
 */
function checkReleaseHeld(
  db: Ledger,
  number: string,
  input: { tpp: number; units: number; projectId?: string },
): void {
  const held = stmt(
    db,
    `SELECT coalesce(sum(CASE action WHEN 'reserve' THEN tpp WHEN 'release' THEN -tpp ELSE 0 END), 0) AS tpp,
       coalesce(sum(CASE action WHEN 'reserve' THEN units WHEN 'release' THEN -units ELSE 0 END), 0) AS units
     FROM capacity_entry WHERE bucket = ? AND project_id IS ?`,
  ).get(licenceBucket(number), input.projectId ?? null) as { tpp: number; units: number }
  if (input.tpp > held.tpp || input.units > held.units) {
    const whose = input.projectId ? `for deal ${input.projectId}` : 'held for no deal'
    throw new AppError(
      'conflict',
      `Cannot release ${formatWhole(input.tpp)} TPP and ${formatWhole(input.units)} units of licence ${number} ${whose}: ${formatWhole(held.tpp)} TPP and ${formatWhole(held.units)} units are reserved ${input.projectId ? 'for it' : 'so'}.`,
      [{ path: 'tpp', message: 'more than is reserved' }],
    )
  }
}

/**
 * Refuses a hold on a licence for a deal that is not in review or approved: the lifecycle releases a
 * deal's holds when it is returned, rejected, cancelled or licensed, so a hold taken for a deal past
 * those steps (or not yet submitted) would stay reserved for good.
 */
function checkDealHolds(db: Ledger, projectId: string): void {
  const status = stmt(db, 'SELECT status FROM project WHERE id = ?').pluck().get(projectId) as
    string | undefined
  if (status === undefined)
    throw new AppError('not_found', `No deal ${projectId} in the ledger.`, [
      { path: 'projectId', message: 'unknown deal' },
    ])
  if (status !== 'in_review' && status !== 'approved')
    throw new AppError(
      'conflict',
      `Deal ${projectId} is ${status.replace('_', ' ')}; a licence is held only for a deal in review or approved, whose next step releases the hold.`,
      [{ path: 'projectId', message: 'not in review or approved' }],
    )
}

/** The consignee and destination a licence record names (null where it names none). */
export interface LicenceParties {
  number: string
  consignee: string | null
  destination: string | null
}

export function licenceParties(db: Ledger, number: string): LicenceParties | undefined {
  return stmt(db, 'SELECT number, consignee, destination FROM licence WHERE number = ?').get(number) as
    LicenceParties | undefined
}

/**
 * Why a licence does not cover a deal, as "issued for …" and "is for …", or null when it does. BIS
 * grants a licence for one consignee in one destination: drawing it down for another party or country
 * is an export without a licence, however much the licence has left. Names are compared as the rules
 * compare parties (folded). A licence recorded without a consignee or a destination (both optional on
 * the licences screen) gives nothing to compare on that side, so it is not held against the deal.
 */
export function licenceMismatch(
  licence: LicenceParties,
  deal: { consignee: string; destination?: string | null },
): { licence: string; deal: string } | null {
  const otherConsignee = licence.consignee
    ? foldedName(licence.consignee) !== foldedName(deal.consignee)
    : false
  const otherDestination = licence.destination
    ? licence.destination.toUpperCase() !== deal.destination?.toUpperCase()
    : false
  if (!otherConsignee && !otherDestination) return null
  return {
    licence: partiesInWords(licence.consignee, licence.destination),
    deal: partiesInWords(deal.consignee, deal.destination ?? null),
  }
}

/**
 * Refuses drawing `licence` for `deal` when it was issued for another consignee or destination,
 * naming both, as a conflict on the field at `path` (the caller's name for the licence or the deal).
 */
export function checkLicenceCovers(
  licence: LicenceParties,
  deal: { id: string; consignee: string; destination?: string | null },
  path: string,
): void {
  const mismatch = licenceMismatch(licence, deal)
  if (mismatch) {
    throw new AppError(
      'conflict',
      `Licence ${licence.number} was issued for ${mismatch.licence}; deal ${deal.id} is for ${mismatch.deal}. A licence covers only the consignee and destination it names: record the licence granted for this deal.`,
      [{ path, message: 'issued for another consignee or destination' }],
    )
  }
}

function dealParties(
  db: Ledger,
  id: string,
): { id: string; consignee: string; destination: string | null } | undefined {
  return stmt(db, 'SELECT id, consignee, destination FROM project WHERE id = ?').get(id) as
    { id: string; consignee: string; destination: string | null } | undefined
}

/** "Acme Cloud in India (IN)", saying so where a record leaves the consignee or destination out. */
function partiesInWords(consignee: string | null, destination: string | null): string {
  const place = destination
    ? `${countryName(destination) ?? destination} (${destination})`
    : 'an unnamed destination'
  return `${consignee || 'an unnamed consignee'} in ${place}`
}
