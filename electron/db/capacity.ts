import type {
  AlertLevel,
  BucketKind,
  CapacityAction,
  CapacityEntryRow,
  HeadroomHistory,
  HeadroomRow,
} from '../../shared/domain/headroom'
import { AppError } from '../../shared/ipc/result'
import type { InstalledBaseEntry } from '../../shared/rules/types'
import { bucketName, parseBucketId } from '../../shared/rules/buckets'
import { foldedLppId } from '../../shared/rules/evaluator'
import type { Ledger } from './ledger'
import { asActor, stampOf, stmt, type ActorLike } from './statements'

/**
 * Capacity accounting. Entries are append-only; `capacity_bucket` keeps each bucket's running totals,
 * updated in the same transaction as the entry, so headroom is one indexed row read however many
 * entries there are:
 * - reserve: reserved += tpp (a deal in review or approved holds capacity);
 * - commit:  committed += tpp (licensed or shipped; the caller releases the reservation first);
 * - release: reserved −= tpp (returned, rejected, cancelled, or a reservation turned into a commit).
 * Headroom = limit − committed − reserved, in whole TPP.
 */

export interface BucketMeta {
  bucket: string
  kind: BucketKind
  /** Null when no pack sets a limit for the bucket. */
  limitTpp?: number | null
  limitUnits?: number | null
  packId?: string | null
}

export interface EntryInput {
  bucket: string
  action: CapacityAction
  tpp: number
  units?: number
  projectId?: string | null
  packId?: string | null
  reason?: string | null
  sample?: boolean
}

/** A `capacity_bucket` row as stored. */
export interface BucketDbRow {
  bucket: string
  kind: BucketKind
  label: string
  country: string | null
  consignee: string | null
  veu: string | null
  period: string | null
  limit_tpp: number | null
  limit_units: number | null
  pack_id: string | null
  committed: number
  reserved: number
  committed_units: number
  reserved_units: number
  entries: number
  updated_at: string
}

interface EntryDbRow {
  id: number
  bucket: string
  action: CapacityAction
  tpp: number
  units: number
  project_id: string | null
  pack_id: string | null
  actor: string
  at: string
  reason: string | null
}

/**
 * Whole TPP. A line's TPP × quantity can carry a fraction (catalogue figures have decimals); it is
 * rounded half away from zero to an integer once, when it enters the ledger, and every total is a sum
 * of those integers, so totals are exact and the same on every machine. The error is under 1 TPP per
 * entry, against caps of hundreds of millions.
 */
export function roundTpp(x: number): number {
  if (!Number.isFinite(x)) throw new AppError('invalid_input', `TPP must be a finite number, not ${x}`)
  // The small epsilon absorbs binary noise (e.g. 0.49999999997 from after − before) before rounding.
  const r = Math.sign(x) * Math.round(Math.abs(x) + 1e-9)
  // Past 2^53 a double no longer holds every whole number (and past 2^63 SQLite's INTEGER refuses it):
  // such a figure comes from absurd lines (quantity × an inline chip's TPP), and recorded it would be
  // silently rounded or fail as an internal error.
  if (Math.abs(r) > Number.MAX_SAFE_INTEGER)
    throw new AppError(
      'invalid_input',
      `A TPP of ${Math.abs(x).toExponential(3)} is more than the ledger records exactly (at most ${MAX_SAFE_TPP}); check the quantities and the chips' figures.`,
      [{ path: 'lines', message: `TPP above ${MAX_SAFE_TPP}` }],
    )
  return r === 0 ? 0 : r
}

const MAX_SAFE_TPP = Number.MAX_SAFE_INTEGER.toLocaleString('en-US')

/**
 * Identity parsed from the bucket id (the rule engine's naming plus `licence:<number>`), and its name in
 * words as the screens give it. The stored label is a record for people reading the ledger file; the
 * app names buckets by `bucketName`, never by this column (ledgers written before names were shared
 * keep their older labels).
 */
export function describeBucket(
  bucket: string,
  kind: BucketKind,
): Pick<BucketDbRow, 'label' | 'country' | 'consignee' | 'veu' | 'period'> {
  const parts = parseBucketId(bucket)
  // An id of another shape than its kind keeps its identity columns empty rather than guessed.
  if (!parts || parts.kind !== kind)
    return { label: bucket, country: null, consignee: null, veu: null, period: null }
  const { country, consignee, veu, period } = parts
  return { label: bucketName(bucket), country, consignee, veu, period }
}

/** Creates the bucket row on first use; a later limit (from a newer determination) replaces the stored one. */
export function ensureBucket(db: Ledger, meta: BucketMeta, at: string): void {
  const d = describeBucket(meta.bucket, meta.kind)
  stmt(
    db,
    `INSERT INTO capacity_bucket (bucket, kind, label, country, consignee, veu, period, limit_tpp, limit_units, pack_id, updated_at)
     VALUES (@bucket, @kind, @label, @country, @consignee, @veu, @period, @limit_tpp, @limit_units, @pack_id, @at)
     ON CONFLICT (bucket) DO UPDATE SET
       limit_tpp = coalesce(excluded.limit_tpp, limit_tpp),
       limit_units = coalesce(excluded.limit_units, limit_units),
       pack_id = coalesce(excluded.pack_id, pack_id)`,
  ).run({
    bucket: meta.bucket,
    kind: meta.kind,
    ...d,
    limit_tpp: meta.limitTpp === undefined || meta.limitTpp === null ? null : roundTpp(meta.limitTpp),
    limit_units: meta.limitUnits ?? null,
    pack_id: meta.packId ?? null,
    at,
  })
}

/** An entry's amounts, refused unless whole and non-negative. */
function amountsOf(e: EntryInput): { tpp: number; units: number } {
  const tpp = e.tpp
  const units = e.units ?? 0
  if (!Number.isInteger(tpp) || tpp < 0 || !Number.isInteger(units) || units < 0) {
    throw new AppError(
      'invalid_input',
      `Capacity entries are whole, non-negative TPP and units (got ${tpp} TPP, ${units} units).`,
    )
  }
  return { tpp, units }
}

function insertEntry(
  db: Ledger,
  e: EntryInput,
  tpp: number,
  units: number,
  actor: string,
  at: string,
): number {
  const info = stmt(
    db,
    `INSERT INTO capacity_entry (bucket, action, tpp, units, project_id, pack_id, actor, at, reason, sample)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.bucket,
    e.action,
    tpp,
    units,
    e.projectId ?? null,
    e.packId ?? null,
    actor,
    at,
    e.reason ?? null,
    e.sample ? 1 : 0,
  )
  return Number(info.lastInsertRowid)
}

/**
 * Appends one entry and moves the bucket's totals with it. Refuses a release larger than what is
 * reserved, so totals can never go negative through this path. Call inside the caller's transaction.
 */
export function appendEntry(db: Ledger, who: ActorLike, e: EntryInput): number {
  const at = stampOf(who)
  const { tpp, units } = amountsOf(e)
  const bucket = stmt(db, 'SELECT reserved, reserved_units FROM capacity_bucket WHERE bucket = ?').get(
    e.bucket,
  ) as { reserved: number; reserved_units: number } | undefined
  if (!bucket) throw new AppError('not_found', `No capacity bucket ${e.bucket}.`)
  if (e.action === 'release' && (tpp > bucket.reserved || units > bucket.reserved_units)) {
    throw new AppError(
      'conflict',
      `Cannot release ${tpp} TPP from ${e.bucket}: only ${bucket.reserved} TPP is reserved.`,
    )
  }
  const id = insertEntry(db, e, tpp, units, asActor(who).name, at)
  const sign = e.action === 'release' ? -1 : 1
  const column = e.action === 'commit' ? 'committed' : 'reserved'
  stmt(
    db,
    `UPDATE capacity_bucket SET ${column} = ${column} + ?, ${column}_units = ${column}_units + ?, entries = entries + 1, updated_at = ? WHERE bucket = ?`,
  ).run(sign * tpp, sign * units, at, e.bucket)
  return id
}

interface PendingTotals {
  limitTpp: number | null
  limitUnits: number | null
  packId: string | null
  committed: number
  reserved: number
  committedUnits: number
  reservedUnits: number
  entries: number
}

/**
 * Many reservations and commitments appended in one transaction (an import). Each entry is inserted
 * as `appendEntry` would, but the buckets' running totals are summed in memory and written once per
 * bucket by `flush`, still inside the caller's transaction, so the committed ledger is the same as
 * with one `appendEntry` per entry: totals equal the sums of the entries (`checkTotals`). Only reserve
 * and commit: a release needs the stored reservation, which `appendEntry` checks.
 */
export class EntryBatch {
  private readonly pending = new Map<string, PendingTotals>()

  constructor(
    private readonly db: Ledger,
    private readonly actor: string,
    private readonly at: string,
  ) {}

  /** `ensureBucket` for the batch: the row is created on first use (entries reference it); a later limit replaces it at `flush`. */
  bucket(meta: BucketMeta): void {
    const p = this.pending.get(meta.bucket)
    if (!p) {
      ensureBucket(this.db, meta, this.at)
      this.pending.set(meta.bucket, {
        limitTpp: null,
        limitUnits: null,
        packId: null,
        committed: 0,
        reserved: 0,
        committedUnits: 0,
        reservedUnits: 0,
        entries: 0,
      })
      return
    }
    if (meta.limitTpp !== undefined && meta.limitTpp !== null) p.limitTpp = roundTpp(meta.limitTpp)
    if (meta.limitUnits !== undefined && meta.limitUnits !== null) p.limitUnits = meta.limitUnits
    if (meta.packId) p.packId = meta.packId
  }

  add(e: EntryInput): void {
    const { tpp, units } = amountsOf(e)
    if (e.action === 'release') throw new Error('EntryBatch takes reservations and commitments only')
    const p = this.pending.get(e.bucket)
    if (!p) throw new AppError('not_found', `No capacity bucket ${e.bucket}.`)
    insertEntry(this.db, e, tpp, units, this.actor, this.at)
    if (e.action === 'commit') {
      p.committed += tpp
      p.committedUnits += units
    } else {
      p.reserved += tpp
      p.reservedUnits += units
    }
    p.entries++
  }

  /** Writes the summed totals (and the latest limits) to the buckets. Call once, before the transaction commits. */
  flush(): void {
    const update = stmt(
      this.db,
      `UPDATE capacity_bucket SET limit_tpp = coalesce(?, limit_tpp), limit_units = coalesce(?, limit_units),
         pack_id = coalesce(?, pack_id), committed = committed + ?, reserved = reserved + ?,
         committed_units = committed_units + ?, reserved_units = reserved_units + ?, entries = entries + ?,
         updated_at = CASE WHEN ? > 0 THEN ? ELSE updated_at END
       WHERE bucket = ?`,
    )
    for (const [bucket, p] of this.pending) {
      update.run(
        p.limitTpp,
        p.limitUnits,
        p.packId,
        p.committed,
        p.reserved,
        p.committedUnits,
        p.reservedUnits,
        p.entries,
        p.entries,
        this.at,
        bucket,
      )
    }
    this.pending.clear()
  }
}

/** Net holdings of one deal per bucket (what its entries add to the totals). */
export function projectHoldings(
  db: Ledger,
  projectId: string,
): Map<string, { reserved: number; committed: number; reservedUnits: number; committedUnits: number }> {
  const rows = stmt(
    db,
    `SELECT bucket,
       sum(CASE action WHEN 'reserve' THEN tpp WHEN 'release' THEN -tpp ELSE 0 END) AS reserved,
       sum(CASE action WHEN 'commit' THEN tpp ELSE 0 END) AS committed,
       sum(CASE action WHEN 'reserve' THEN units WHEN 'release' THEN -units ELSE 0 END) AS reserved_units,
       sum(CASE action WHEN 'commit' THEN units ELSE 0 END) AS committed_units
     FROM capacity_entry WHERE project_id = ? GROUP BY bucket`,
  ).all(projectId) as Array<{
    bucket: string
    reserved: number
    committed: number
    reserved_units: number
    committed_units: number
  }>
  return new Map(
    rows.map((r) => [
      r.bucket,
      {
        reserved: r.reserved,
        committed: r.committed,
        reservedUnits: r.reserved_units,
        committedUnits: r.committed_units,
      },
    ]),
  )
}

/** The ledger's validated end users' deployments (their capacity buckets) and recorded installed base. */
export interface VeuSnapshot {
  deployments: ReadonlyArray<
    Pick<BucketDbRow, 'bucket' | 'kind' | 'veu' | 'country' | 'period' | 'committed' | 'reserved'>
  >
  recorded: ReadonlyArray<{ veu_id: string; country: string; tpp: number }>
}

/**
 * Reads the VEU rows `openingBalances` needs for any deal. A run that evaluates many deals and writes
 * no capacity or installed base (a re-evaluation of the book) reads them once and passes them in.
 */
export function veuSnapshot(db: Ledger): VeuSnapshot {
  return { deployments: veuDeployments(db), recorded: recordedInstalledBase(db) }
}

const veuDeployments = (db: Ledger) =>
  stmt(
    db,
    "SELECT bucket, kind, veu, country, period, committed, reserved FROM capacity_bucket WHERE kind IN ('nveu', 'uveu_country')",
  ).all() as VeuSnapshot['deployments']

const recordedInstalledBase = (db: Ledger) =>
  stmt(
    db,
    'SELECT veu_id, country, sum(tpp) AS tpp FROM installed_base GROUP BY veu_id, country',
  ).all() as VeuSnapshot['recorded']

/**
 * What the ledger already holds, in the rule engine's terms: TPP used per bucket (committed +
 * reserved; both count against a cap) and the VEU installed base (recorded base plus what the desk's
 * own VEU deals hold). `excludeProject` leaves out one deal's own entries, so re-evaluating a deal does
 * not count it twice.
 */
export function openingBalances(
  db: Ledger,
  options: { excludeProject?: string; buckets?: readonly string[]; veu?: VeuSnapshot } = {},
): {
  used: Record<string, number>
  installedBase: InstalledBaseEntry[]
} {
  const used: Record<string, number> = {}
  const rows = (
    options.buckets
      ? options.buckets.map((b) =>
          stmt(
            db,
            'SELECT bucket, kind, veu, country, committed, reserved FROM capacity_bucket WHERE bucket = ?',
          ).get(b),
        )
      : stmt(db, 'SELECT bucket, kind, veu, country, committed, reserved FROM capacity_bucket').all()
  ).filter(Boolean) as Array<
    Pick<BucketDbRow, 'bucket' | 'kind' | 'veu' | 'country' | 'committed' | 'reserved'>
  >
  // A targeted read brings an LPP bucket's other spellings of the consignee (case, spacing) along, so
  // the engine can say that one ultimate consignee may be holding two limits. The indexed expression
  // (no spaces, lower case) finds candidates; the engine's folding decides.
  for (const b of options.buckets ?? []) {
    if (!b.startsWith('lpp:')) continue
    const folded = foldedLppId(b)
    const candidates = stmt(
      db,
      "SELECT bucket, kind, veu, country, committed, reserved FROM capacity_bucket WHERE kind = 'lpp' AND lower(replace(bucket, ' ', '')) = lower(replace(?, ' ', '')) AND bucket <> ?",
    ).all(b, b) as typeof rows
    for (const r of candidates) if (foldedLppId(r.bucket) === folded) rows.push(r)
  }
  const own = options.excludeProject ? projectHoldings(db, options.excludeProject) : new Map()
  const installed = new Map<string, number>()
  for (const r of rows) {
    const mine = own.get(r.bucket)
    const total = r.committed + r.reserved - (mine ? mine.committed + mine.reserved : 0)
    used[r.bucket] = total
    if ((r.kind === 'nveu' || r.kind === 'uveu_country') && r.veu && r.country && !options.buckets) {
      const key = `${r.veu}\u0000${r.country}`
      installed.set(key, (installed.get(key) ?? 0) + total)
    }
  }
  if (options.buckets) {
    // A targeted read still needs the VEU's whole deployed base per country. For the NVEU quarter the
    // deal falls in, that is the cumulative base as of that quarter: later quarters' deals are not yet
    // installed (the headroom row of the quarter counts the same, see `headroomBuckets`).
    const quarterOf = new Map<string, string>()
    for (const b of options.buckets) {
      if (!b.startsWith('nveu:')) continue
      const d = describeBucket(b, 'nveu')
      if (d.veu && d.country && d.period) quarterOf.set(`${d.veu}\u0000${d.country}`, d.period)
    }
    for (const r of options.veu?.deployments ?? veuDeployments(db)) {
      if (!r.veu || !r.country) continue
      const quarter = quarterOf.get(`${r.veu}\u0000${r.country}`)
      if (r.kind === 'nveu' && quarter !== undefined && r.period !== null && r.period > quarter) continue
      const mine = own.get(r.bucket)
      const key = `${r.veu}\u0000${r.country}`
      installed.set(
        key,
        (installed.get(key) ?? 0) + r.committed + r.reserved - (mine ? mine.committed + mine.reserved : 0),
      )
    }
  }
  for (const r of options.veu?.recorded ?? recordedInstalledBase(db)) {
    const key = `${r.veu_id}\u0000${r.country}`
    installed.set(key, (installed.get(key) ?? 0) + r.tpp)
  }
  const installedBase = [...installed].map(([key, tpp]) => {
    const [veu, country] = key.split('\u0000') as [string, string]
    return { veu, country, tpp }
  })
  return { used, installedBase }
}

export function alertLevelOf(
  pctUsed: number | null,
  thresholds: readonly number[] = [80, 90, 95, 100],
): AlertLevel {
  if (pctUsed === null) return 'none'
  let level: AlertLevel = 'none'
  for (const t of [...thresholds].sort((a, b) => a - b)) {
    if (pctUsed >= t && (t === 80 || t === 90 || t === 95 || t === 100)) level = String(t) as AlertLevel
  }
  return level
}

/** `alertLevelOf` with the default thresholds, without sorting them per row. */
function defaultAlertLevel(pctUsed: number | null): AlertLevel {
  if (pctUsed === null) return 'none'
  return pctUsed >= 100 ? '100' : pctUsed >= 95 ? '95' : pctUsed >= 90 ? '90' : pctUsed >= 80 ? '80' : 'none'
}

/**
 * A headroom row's columns, as one JSON array per row: better-sqlite3 turns every column value into a
 * JS value on its own (about 0.3 µs each on the development VM, so 16 columns × 2,000 buckets was most
 * of a listing's time), while one JSON text per row crosses once and `JSON.parse` builds the values in
 * V8 (a third of the time). Every column is TEXT or INTEGER, which JSON carries exactly.
 *
 * `installedBase` (VEU deployment rows only): the VEU's base recorded in the country plus its deals in
 * the other deployment buckets there that the cap accumulates — for an NVEU quarter, the earlier
 * quarters (the cap is on the cumulative installed base per NVEU per country, 15 CFR
 * 748.15(a)(2)(iii)(B)). `installed_base` rows carry the date they were recorded, not the date the
 * hardware was installed (an import records the whole base on the day of the import), so all of them
 * count, as they do in the rule engine's opening balances (`openingBalances`).
 */
const HEADROOM_SELECT = `SELECT json_array(bucket, kind, country, consignee, veu, period, limit_tpp, committed, reserved,
    CASE WHEN kind IN ('nveu', 'uveu_country') AND veu IS NOT NULL AND country IS NOT NULL THEN
      coalesce((SELECT sum(i.tpp) FROM installed_base i
        WHERE i.veu_id = capacity_bucket.veu AND i.country = capacity_bucket.country), 0)
      + coalesce((SELECT sum(o.committed + o.reserved) FROM capacity_bucket o
        WHERE o.veu = capacity_bucket.veu AND o.country = capacity_bucket.country AND o.bucket != capacity_bucket.bucket
          AND (o.kind = 'uveu_country'
            OR (o.kind = 'nveu' AND (capacity_bucket.kind = 'uveu_country' OR o.period < capacity_bucket.period)))), 0)
    ELSE 0 END,
    limit_units, committed_units, reserved_units, pack_id, updated_at)
  FROM capacity_bucket`

type HeadroomJson = [
  bucket: string,
  kind: BucketKind,
  country: string | null,
  consignee: string | null,
  veu: string | null,
  period: string | null,
  limit: number | null,
  committed: number,
  reserved: number,
  installedBase: number,
  limitUnits: number | null,
  committedUnits: number,
  reservedUnits: number,
  packId: string | null,
  updatedAt: string,
]

/** A headroom row from its JSON array, with remaining, % used and alert level. */
/** Remaining, % used and alert level of a bucket's use against a limit (null: no limit). */
function againstLimit(limit: number | null, used: number) {
  const pctUsed =
    limit === null ? null : limit === 0 ? (used > 0 ? 100 : 0) : Math.round((used / limit) * 10000) / 100
  return { remaining: limit === null ? null : limit - used, pctUsed, alertLevel: defaultAlertLevel(pctUsed) }
}

/**
 * The limit a bucket is measured against instead of its stored one (a what-if scenario's allocation or
 * LPP limit), by the bucket's kind and country; undefined keeps the stored limit, null means none.
 */
export type LimitOverride = (kind: BucketKind, country: string | null) => number | null | undefined

function toHeadroom(text: string, limitFor?: LimitOverride): HeadroomRow {
  const r = JSON.parse(text) as HeadroomJson
  // Applied while the row is built: a copy of each row with the new limit (a spread) cost as much as
  // building it, for every bucket of the board under a scenario.
  const override = limitFor?.(r[1], r[2])
  const limit = override === undefined ? r[6] : override
  const { remaining, pctUsed, alertLevel } = againstLimit(limit, r[9] + r[7] + r[8])
  return {
    bucket: r[0],
    kind: r[1],
    // Named now, not from the stored label, so every ledger reads as the screens do.
    label: bucketName(r[0]),
    country: r[2],
    consignee: r[3],
    veu: r[4],
    period: r[5],
    limit,
    committed: r[7],
    reserved: r[8],
    installedBase: r[9],
    remaining,
    pctUsed,
    alertLevel,
    limitUnits: r[10],
    committedUnits: r[11],
    reservedUnits: r[12],
    packId: r[13],
    updatedAt: r[14],
  }
}

/** One bucket's headroom: a primary-key read of the running totals (never a scan of entries). */
export function headroomOf(db: Ledger, bucket: string, limitFor?: LimitOverride): HeadroomRow | undefined {
  const text = stmt(db, `${HEADROOM_SELECT} WHERE bucket = ?`).pluck().get(bucket) as string | undefined
  return text === undefined ? undefined : toHeadroom(text, limitFor)
}

export interface HeadroomFilter {
  kind?: BucketKind
  country?: string
  packId?: string
  /** Keep buckets whose period (year or quarter) contains this date; buckets without a period always match. */
  asOf?: string
}

export const HEADROOM_QUERY_BY_KIND = `${HEADROOM_SELECT} WHERE kind = ? ORDER BY kind, bucket`

/**
 * A period matches an as-of date when it is the date's year or quarter; a period in neither form
 * (none is written, but a stored one is not refused) always matches, as a bucket without one does.
 */
const PERIOD_MATCH = `(period IS NULL OR period = @year OR period = @quarter
  OR NOT (period GLOB '[0-9][0-9][0-9][0-9]' OR period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'))`

/**
 * Every bucket's headroom, from the running totals only. The filters run in SQLite on indexed columns
 * (country: `capacity_bucket_country`; kind and the listing order: `capacity_bucket_kind`), so a
 * filtered query reads only the rows it returns.
 */
export function headroomBuckets(
  db: Ledger,
  filter: HeadroomFilter = {},
  limitFor?: LimitOverride,
): HeadroomRow[] {
  const { sql, params } = headroomQuery(filter)
  return (stmt(db, sql).pluck().all(params) as string[]).map((text) => toHeadroom(text, limitFor))
}

/** The statement `headroomBuckets` runs for a filter (one JSON array per row) and its named parameters. */
export function headroomQuery(filter: HeadroomFilter): { sql: string; params: Record<string, string> } {
  const where: string[] = []
  const params: Record<string, string> = {}
  if (filter.kind) {
    where.push('kind = @kind')
    params.kind = filter.kind
  }
  if (filter.country) {
    where.push('country = @country')
    params.country = filter.country
  }
  if (filter.packId) {
    where.push("(pack_id = @packId OR kind = 'licence')")
    params.packId = filter.packId
  }
  if (filter.asOf) {
    where.push(PERIOD_MATCH)
    params.year = filter.asOf.slice(0, 4)
    params.quarter = `${params.year}-Q${Math.floor((Number(filter.asOf.slice(5, 7)) - 1) / 3) + 1}`
  }
  const sql = `${HEADROOM_SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY kind, bucket`
  return { sql, params }
}

const toEntry = (r: EntryDbRow): CapacityEntryRow => ({
  id: r.id,
  bucket: r.bucket,
  action: r.action,
  tpp: r.tpp,
  units: r.units,
  projectId: r.project_id,
  packId: r.pack_id,
  actor: r.actor,
  at: r.at,
  reason: r.reason,
})

export function entriesFor(
  db: Ledger,
  where: { projectId?: string; bucket?: string },
  limit = 5000,
): CapacityEntryRow[] {
  const rows = where.projectId
    ? stmt(db, 'SELECT * FROM capacity_entry WHERE project_id = ? ORDER BY id LIMIT ?').all(
        where.projectId,
        limit,
      )
    : stmt(db, 'SELECT * FROM capacity_entry WHERE bucket = ? ORDER BY id LIMIT ?').all(
        where.bucket ?? '',
        limit,
      )
  return (rows as EntryDbRow[]).map(toEntry)
}

/** A bucket's entries in order with the running totals after each (window sums over its own entries). */
export function headroomHistory(db: Ledger, bucket: string, limit = 5000): HeadroomHistory {
  const head = headroomOf(db, bucket)
  if (!head)
    throw new AppError('not_found', `No capacity bucket ${bucket}.`, [
      { path: 'bucket', message: 'unknown bucket' },
    ])
  // The deal's planned ship date rides along, so a chart can place the entry when the capacity is
  // (to be) used rather than when the desk recorded it (one day for a whole import).
  const rows = stmt(
    db,
    `SELECT e.*, p.planned_date AS deal_date,
       sum(CASE e.action WHEN 'commit' THEN e.tpp ELSE 0 END) OVER w AS run_committed,
       sum(CASE e.action WHEN 'reserve' THEN e.tpp WHEN 'release' THEN -e.tpp ELSE 0 END) OVER w AS run_reserved
     FROM capacity_entry e LEFT JOIN project p ON p.id = e.project_id
     WHERE e.bucket = ?
     WINDOW w AS (ORDER BY e.id ROWS UNBOUNDED PRECEDING)
     ORDER BY e.id LIMIT ?`,
  ).all(bucket, limit) as Array<
    EntryDbRow & { deal_date: string | null; run_committed: number; run_reserved: number }
  >
  return {
    bucket: head,
    points: rows.map((r) => ({
      ...toEntry(r),
      dealDate: r.deal_date,
      committed: r.run_committed,
      reserved: r.run_reserved,
      remaining:
        head.limit === null ? null : head.limit - head.installedBase - r.run_committed - r.run_reserved,
    })),
  }
}

/**
 * Recomputes every bucket's totals from its entries and lists the buckets whose running totals
 * disagree: a cross-check for verification and restore (the totals table is not hash-chained). Units
 * too: a licence's remaining units are read from them.
 */
export function checkTotals(db: Ledger): string[] {
  const rows = db
    .prepare(
      `SELECT b.bucket FROM capacity_bucket b LEFT JOIN (
         SELECT bucket,
           sum(CASE action WHEN 'commit' THEN tpp ELSE 0 END) AS c,
           sum(CASE action WHEN 'reserve' THEN tpp WHEN 'release' THEN -tpp ELSE 0 END) AS r,
           sum(CASE action WHEN 'commit' THEN units ELSE 0 END) AS cu,
           sum(CASE action WHEN 'reserve' THEN units WHEN 'release' THEN -units ELSE 0 END) AS ru
         FROM capacity_entry GROUP BY bucket) e ON e.bucket = b.bucket
       WHERE b.committed != coalesce(e.c, 0) OR b.reserved != coalesce(e.r, 0)
          OR b.committed_units != coalesce(e.cu, 0) OR b.reserved_units != coalesce(e.ru, 0)`,
    )
    .pluck()
    .all() as string[]
  return rows
}

/** Rebuilds totals from entries (after sample data are removed, whose entries leave the bucket). */
export function rebuildTotals(db: Ledger): void {
  db.exec(`
    UPDATE capacity_bucket SET
      committed = coalesce((SELECT sum(CASE action WHEN 'commit' THEN tpp ELSE 0 END) FROM capacity_entry e WHERE e.bucket = capacity_bucket.bucket), 0),
      reserved = coalesce((SELECT sum(CASE action WHEN 'reserve' THEN tpp WHEN 'release' THEN -tpp ELSE 0 END) FROM capacity_entry e WHERE e.bucket = capacity_bucket.bucket), 0),
      committed_units = coalesce((SELECT sum(CASE action WHEN 'commit' THEN units ELSE 0 END) FROM capacity_entry e WHERE e.bucket = capacity_bucket.bucket), 0),
      reserved_units = coalesce((SELECT sum(CASE action WHEN 'reserve' THEN units WHEN 'release' THEN -units ELSE 0 END) FROM capacity_entry e WHERE e.bucket = capacity_bucket.bucket), 0),
      entries = (SELECT count(*) FROM capacity_entry e WHERE e.bucket = capacity_bucket.bucket);
    DELETE FROM capacity_bucket WHERE entries = 0 AND kind != 'licence';
  `)
}
