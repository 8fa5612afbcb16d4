import {
  classifyChip,
  indexBookChips,
  numericThresholds,
  resolveChip,
  tppOf,
  type NumericThresholds,
} from './classifier'
import { isIsoDate, isIsoDateShape } from '../iso-date'
import { foldedName } from '../folded-name'
import { bucketIds } from './buckets'
import { allocationLimit } from './allocation'
import { findCatalogueChip } from './catalogue'
import { describeSet, geographyOf, nameOf, type CountryView, type PackGeography } from './geography'
import { loadPacks } from './packs'
import { PACK_TIMELINE, governingPack, timelineEntry } from './timeline'
import {
  CONFIDENCE_ORDER,
  type ApprovedConsignees,
  type Authorization,
  type BucketRef,
  type CapEffect,
  type CapKind,
  type ChipSpec,
  type Citation,
  type Cited,
  type ClassifiedChip,
  type Confidence,
  type CountryCaution,
  type CountrySet,
  type Deal,
  type DealBook,
  type Determination,
  type DeterminationWarning,
  type Eccn,
  type InstalledBaseEntry,
  type Iso2,
  type LicenseReason,
  type LineDetermination,
  type OpeningBalances,
  type Party,
  type ReviewPolicy,
  type RulePack,
  type Step,
  type TimelineEntry,
  type TransactionKind,
  type VeuRef,
} from './types'

/**
 * The evaluator. Pure and total: it never throws on a deal and never reads anything but its arguments.
 *
 * Legal structure (see the packs for citations; comments below say why each branch exists):
 * 1. A shipment within the United States is not an export: no licence.
 * 2. Licence reasons are collected, every one: destination (diffusion's worldwide .a requirement, or the
 *    D:1/D:4/D:5-minus-A:5/A:6 test, or a named destination such as the UAE), headquarters (D:5/Macau
 *    headquarters rule) and end use (is-informed letters).
 * 3. If there is a reason, the exceptions whose conditions are met are listed (AIA, VEU, ACA, LPP, NAC);
 *    the requested one is taken when available, else the best; else an individual licence.
 * 4. A licence gets the review policy of the paragraph that created the requirement.
 * 5. Caps are counted only through the route a deal takes: LPP against the consignee's year, licensed deals
 *    against the country allocation, VEU deals against their own limits.
 */

// ---------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------

/** Running usage: TPP per bucket, and VEU installed base per VEU id and country. */
export interface EvaluationState {
  /** A pinned pack, or `auto` to pick by deal date from `packs` with the timeline. */
  readonly pack: RulePack | 'auto'
  readonly packs: readonly RulePack[]
  readonly used: Map<string, number>
  readonly installed: Map<string, Map<Iso2, number>>
}

/** Lookups a deal needs from its book: the book's own chips and parties. */
export interface DealContext {
  chips?: ReadonlyMap<string, ChipSpec>
  parties?: ReadonlyMap<string, Party>
  /** Evaluate without adding the deal's usage to the state (a preview). */
  dryRun?: boolean
}

function addInstalled(state: EvaluationState, entry: InstalledBaseEntry): void {
  let byCountry = state.installed.get(entry.veu)
  if (!byCountry) state.installed.set(entry.veu, (byCountry = new Map()))
  byCountry.set(entry.country, (byCountry.get(entry.country) ?? 0) + entry.tpp)
}

/**
 * A fresh running state. `opening` carries usage already held elsewhere (the ledger): TPP per bucket id
 * and VEU installed base. `packs` is the set `auto` chooses from (default: the built-in packs).
 */
export function createEvaluationState(
  pack: RulePack | 'auto',
  opening: OpeningBalances = {},
  packs: readonly RulePack[] = loadPacks(),
): EvaluationState {
  const state: EvaluationState = { pack, packs, used: new Map(), installed: new Map() }
  for (const [bucket, tpp] of Object.entries(opening.used ?? {})) {
    if (Number.isFinite(tpp)) state.used.set(bucket, tpp)
  }
  for (const entry of opening.installedBase ?? []) addInstalled(state, entry)
  return state
}

/** The lookups of a book, for `evaluateDeal`. */
export function createDealContext(book: Pick<DealBook, 'chips' | 'parties'>): DealContext {
  const parties = new Map<string, Party>()
  for (const p of book.parties ?? []) parties.set(p.name.trim().toLowerCase(), p)
  return { chips: indexBookChips(book.chips), parties }
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  if (Number.isInteger(n) && n > -1000 && n < 1000) return String(n)
  const neg = n < 0
  const abs = Math.abs(n)
  const int = Math.floor(abs)
  const frac = abs - int
  let s = int <= Number.MAX_SAFE_INTEGER ? groupThousands(int) : groupDigits(String(int))
  if (frac > 1e-9) s += (Math.round(frac * 100) / 100).toFixed(2).slice(1)
  return neg ? `-${s}` : s
}

/** "000" to "999": the groups after the first of a formatted number. */
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'))

/**
 * A safe non-negative integer with thousands separators, by arithmetic: one concatenation per group,
 * where slicing its digits made two strings per group (running totals are formatted several times a deal).
 */
function groupThousands(int: number): string {
  if (int < 1000) return String(int)
  const low = int % 1000
  // (int - low) is a multiple of 1000 below 2^53, so the division is exact.
  return `${groupThousands((int - low) / 1000)},${THREE_DIGITS[low]}`
}

/** The digits of an integer too large to group by arithmetic, grouped by slicing. */
function groupDigits(digits: string): string {
  const head = digits.length % 3 || 3
  let s = digits.slice(0, head)
  for (let i = head; i < digits.length; i += 3) s += ',' + digits.slice(i, i + 3)
  return s
}

function pct(x: number): string {
  return `${(Math.round(x * 1000) / 10).toFixed(1)}%`
}

function lowest(a: Confidence, b: Confidence): Confidence {
  return CONFIDENCE_ORDER.indexOf(a) >= CONFIDENCE_ORDER.indexOf(b) ? a : b
}

/** Bound on the ids each `IdInterner` keeps. */
const MAX_INTERNED_IDS = 100_000

/**
 * Bucket ids built from a pair of strings, one string per pair for the life of the process: a
 * determination keeps its buckets' ids and the running totals are read by them, so an id built per
 * deal would be a new string to keep, flatten and hash every time. Nested maps, because a joined key
 * would be that new string again.
 */
class IdInterner {
  private readonly ids = new Map<string, Map<string, string>>()
  private count = 0

  constructor(private readonly make: (a: string, b: string) => string) {}

  get(a: string, b: string): string {
    let byB = this.ids.get(a)
    let id = byB?.get(b)
    if (id !== undefined) return id
    id = flat(this.make(a, b))
    if (this.count >= MAX_INTERNED_IDS) return id
    if (!byB) this.ids.set(a, (byB = new Map()))
    byB.set(b, id)
    this.count++
    return id
  }
}

const LPP_IDS = new IdInterner(bucketIds.lpp)
const COUNTRY_IDS = new IdInterner(bucketIds.country)

function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7))
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`
}

interface PackRuntime {
  pack: RulePack
  geo: PackGeography
  thresholds: NumericThresholds
  nveuByQuarter: Map<string, number>
  /** Shared, frozen per-pack objects (steps, classifications) keyed by what they depend on. */
  memo: Map<string, unknown>
  /** Destination steps per country view (views are cached per date epoch, so this is per place and epoch). */
  destinationSteps: WeakMap<CountryView, readonly Step[]>
  /** Refusals without running totals, by authorization and reason (see `sharedRefusal`). */
  refusals: Map<Authorization, Map<string, Refusal>>
  /** Refusals fixed for the pack, by `FIXED` slot (each also in `refusals`). */
  fixedRefusals: (Refusal | undefined)[]
  /** Steps without running totals, by source and text; warnings by code and message (see `sharedStep`). */
  sharedSteps: Map<object, Map<string, Step>>
  /** By code, then message: a key joined from the two would be a new string to flatten and hash per call. */
  sharedWarnings: Map<DeterminationWarning['code'], Map<string, DeterminationWarning>>
  /** The pinned-pack warning by the timeline entry of the deal's date (undefined: none governs it). */
  pinnedWarnings: Map<TimelineEntry | undefined, DeterminationWarning>
  /** Steps fixed for the pack, made on first use: NAC's notice, the China/Macau rule's conditions. */
  nacStep?: Step
  chinaStep?: Step
  /** "The X allocation is used up." by place. */
  usedUpSteps: Map<Iso2, Step>
  /** Alias steps ("Destination Hong Kong (HK) is evaluated as China (CN).") by role and code as written. */
  aliasSteps: Map<string, Map<string, Step>>
  /** The last timeline entry's caution and pinned-pack warnings (see `timelineNotes`). */
  lastCaution?: { entry: TimelineEntry; warning: DeterminationWarning }
  lastPinned?: { entry: TimelineEntry | undefined; warning: DeterminationWarning }
  sharedTextCount: number
  destinationTests: WeakMap<
    CountryView,
    { reason?: { reason: LicenseReason; step: Step }; excludedStep?: Step }
  >
  /** Line-step texts per shared classification. */
  lineTexts: WeakMap<ClassifiedChip, { chip: string; citation: string; confidence: Confidence }>
  /** Shared classifications of chips named by string, per datacenter flag. */
  classified: Record<'unset' | 'dc' | 'nonDc', Map<string, SharedChip>>
  /** The first step of every determination under this pack. */
  packStep: Step
  /** Count of shared line results over all chips (see `lineResult`). */
  lineResultCount: number
  /** Shared licence reasons by key (see `cachedReason`), and the interned lists of them. */
  reasons: Map<string, SharedReason>
  /** The headquarters reasons by the first and second place named ('' for none): see evaluateWithPack. */
  hqReasons: Map<Iso2, Map<Iso2 | '', SharedReason>>
  noReasons: ReasonList
  /** Shared available-authorization lists by bit mask over PREFERENCE. */
  availableByMask: Map<number, Authorization[]>
  /** NLR steps by ECCN ('none': nothing controlled), destination, consignee and parent headquarters. */
  nlrSteps: Partial<Record<Eccn, Map<Iso2, Map<Iso2, Map<Iso2 | null, Step>>>>>
}

/**
 * Bound on the shared steps, warnings, refusals and reasons a pack keeps (see `sharedStep`), so books
 * naming ever new VEUs or places cannot grow a long-lived pack's caches without limit. Past it, they
 * are built fresh for each deal.
 */
const MAX_SHARED_TEXTS = 10_000

/**
 * A frozen step shared by every determination that cites `source` with this text. Only for texts
 * without running totals: a determination keeps its steps, and sharing them is what keeps a
 * 100,000-deal evaluation small.
 */
function sharedStep(
  rt: PackRuntime,
  text: string,
  source: { citation: string; confidence: Confidence },
): Step {
  let byText = rt.sharedSteps.get(source)
  let step = byText?.get(text)
  if (step) return step
  step = Object.freeze({ text: flat(text), citation: source.citation, confidence: source.confidence })
  if (rt.sharedTextCount >= MAX_SHARED_TEXTS) return step
  if (!byText) rt.sharedSteps.set(source, (byText = new Map()))
  byText.set(text, step)
  rt.sharedTextCount++
  return step
}

/** A frozen warning shared by every determination with this code and message (no running totals). */
function sharedWarning(
  rt: PackRuntime,
  code: DeterminationWarning['code'],
  message: string,
): DeterminationWarning {
  let byMessage = rt.sharedWarnings.get(code)
  let warning = byMessage?.get(message)
  if (warning) return warning
  warning = Object.freeze({ code, message: flat(message) })
  if (rt.sharedTextCount >= MAX_SHARED_TEXTS) return warning
  if (!byMessage) rt.sharedWarnings.set(code, (byMessage = new Map()))
  byMessage.set(message, warning)
  rt.sharedTextCount++
  return warning
}

/**
 * A frozen refusal, shared per authorization and reason (with its "X not available" step) when the
 * reason carries no running totals: the source then follows from the two within a pack.
 */
function sharedRefusal(
  rt: PackRuntime,
  auth: Authorization,
  reason: string,
  source: Refusal['source'],
): Refusal {
  let byReason = rt.refusals.get(auth)
  let refusal = byReason?.get(reason)
  if (refusal) return refusal
  refusal = Object.freeze({ auth, reason, source, step: refusalStepOf(auth, reason, source) })
  if (rt.sharedTextCount >= MAX_SHARED_TEXTS) return refusal
  if (!byReason) rt.refusals.set(auth, (byReason = new Map()))
  byReason.set(reason, refusal)
  rt.sharedTextCount++
  return refusal
}

function refusalStepOf(auth: Authorization, reason: string, source: Refusal['source']): Step {
  return {
    text: flat(`${auth} not available: ${reason}.`),
    citation: source.citation,
    confidence: source.confidence,
  }
}

/** A refusal's step: shared when the refusal is, else made for this deal. */
const refusalStep = (w: Refusal): Step => w.step ?? refusalStepOf(w.auth, w.reason, w.source)

/** A licence reason and its step, frozen and shared by every determination that has it. */
interface SharedReason {
  readonly reason: LicenseReason
  readonly step: Step
}

/**
 * The shared reason stored under `key`, or undefined. Callers build a reason only on a miss
 * (`cachedReason(rt, key) ?? storeReason(rt, key, {...})`), so a hit costs no object or closure.
 */
function cachedReason(rt: PackRuntime, key: string): SharedReason | undefined {
  return rt.reasons.get(key)
}

function storeReason(rt: PackRuntime, key: string, made: LicenseReason): SharedReason {
  const shared = sharedReasonOf(made)
  if (rt.sharedTextCount < MAX_SHARED_TEXTS) {
    rt.reasons.set(key, shared)
    rt.sharedTextCount++
  }
  return shared
}

/** A reason and its "Licence required" step, frozen to be shared. */
function sharedReasonOf(made: LicenseReason): SharedReason {
  const reason = Object.freeze(made)
  return Object.freeze({
    reason,
    step: Object.freeze({
      text: `Licence required (${reason.kind}): ${reason.text}`,
      citation: reason.citation,
      confidence: reason.confidence,
    }),
  })
}

/**
 * A deal's licence reasons and their steps as one shared frozen list, interned per pack: reasons come
 * in a fixed order from a few shared ones, so few distinct lists occur, and a determination keeps the
 * shared list instead of two arrays of its own.
 */
interface ReasonList {
  readonly reasons: readonly LicenseReason[]
  readonly steps: readonly Step[]
  /** The list with one more reason, by that reason. */
  readonly longer: Map<SharedReason, ReasonList>
}

function emptyReasonList(): ReasonList {
  return { reasons: NONE, steps: NONE, longer: new Map() }
}

/** `list` with the reason stored under `key`, made from a text that is cheap to build on every deal. */
function withKeyedReason(
  rt: PackRuntime,
  list: ReasonList,
  key: string,
  kind: LicenseReason['kind'],
  text: string,
  source: Citation,
): ReasonList {
  return withReason(rt, list, cachedReason(rt, key) ?? storeReason(rt, key, { kind, text, ...pick(source) }))
}

function withReason(rt: PackRuntime, list: ReasonList, r: SharedReason): ReasonList {
  let longer = list.longer.get(r)
  if (!longer) {
    longer = {
      reasons: Object.freeze([...list.reasons, r.reason]),
      steps: Object.freeze([...list.steps, r.step]),
      longer: new Map(),
    }
    if (rt.sharedTextCount < MAX_SHARED_TEXTS) {
      list.longer.set(r, longer)
      rt.sharedTextCount++
    }
  }
  return longer
}

/**
 * The NLR step for the places involved, shared per pack. Keyed through nested maps rather than one
 * joined string: a key built per deal is a new string to flatten and hash on every lookup.
 */
function nlrStep(rt: PackRuntime, eccn: Eccn, dest: Iso2, consigneeHq: Iso2, parentHq: Iso2 | null): Step {
  const byDest = (rt.nlrSteps[eccn] ??= new Map())
  let byHq = byDest.get(dest)
  if (!byHq) byDest.set(dest, (byHq = new Map()))
  let byParent = byHq.get(consigneeHq)
  if (!byParent) byHq.set(consigneeHq, (byParent = new Map()))
  let step = byParent.get(parentHq)
  if (step) return step
  const { pack } = rt
  const source = eccn !== 'none' ? pack.licensing.destination : pack.classification.a2MinTpp
  step = Object.freeze({
    text:
      eccn !== 'none'
        ? `No licence requirement for ${eccn} items to ${nameOf(dest)} for a consignee headquartered in ${nameOf(consigneeHq)}${parentHq ? ` (parent ${nameOf(parentHq)})` : ''}: NLR.`
        : 'No line is 3A090 (every line is below the thresholds): the 3A090/4A090 licence requirements do not apply (other ECCNs are not assessed): NLR.',
    citation: source.citation,
    confidence: source.confidence,
  })
  if (rt.sharedTextCount < MAX_SHARED_TEXTS) {
    byParent.set(parentHq, step)
    rt.sharedTextCount++
  }
  return step
}

/** Per-pack memo: determinations of a large book share the objects that do not vary by deal. */
function memo<T>(rt: PackRuntime, key: string, make: () => T): T {
  let v = rt.memo.get(key) as T | undefined
  if (v === undefined) {
    v = make()
    if (v && typeof v === 'object') Object.freeze(v)
    rt.memo.set(key, v)
  }
  return v
}

const runtimes = new WeakMap<RulePack, PackRuntime>()
/**
 * The last pack asked for and its runtime: a book is evaluated under one pack, or a few in date order,
 * so most deals skip the WeakMap. It keeps at most that one pack alive past its use.
 */
let lastRuntime: PackRuntime | undefined
function runtimeOf(pack: RulePack): PackRuntime {
  if (lastRuntime?.pack === pack) return lastRuntime
  let rt = runtimes.get(pack)
  if (!rt) {
    rt = {
      pack,
      geo: geographyOf(pack),
      thresholds: numericThresholds(pack.classification),
      nveuByQuarter: new Map((pack.caps.nveu?.schedule ?? []).map((q) => [q.quarter, q.limitTpp])),
      memo: new Map(),
      destinationSteps: new WeakMap(),
      destinationTests: new WeakMap(),
      refusals: new Map(),
      fixedRefusals: Object.values(FIXED).map(() => undefined),
      sharedSteps: new Map(),
      sharedWarnings: new Map(),
      pinnedWarnings: new Map(),
      // Set here so that the runtime keeps one shape when they are filled in.
      lastCaution: undefined,
      lastPinned: undefined,
      nacStep: undefined,
      chinaStep: undefined,
      usedUpSteps: new Map(),
      aliasSteps: new Map(),
      sharedTextCount: 0,
      lineTexts: new WeakMap(),
      classified: { unset: new Map(), dc: new Map(), nonDc: new Map() },
      lineResultCount: 0,
      availableByMask: new Map(),
      nlrSteps: {},
      reasons: new Map(),
      hqReasons: new Map(),
      noReasons: emptyReasonList(),
      packStep: Object.freeze({
        text: `Rule pack ${pack.id} (${pack.status.replace('_', ' ')}, effective ${pack.effectiveDate}).`,
        citation: pack.source.citation,
        confidence: pack.source.confidence,
      }),
    }
    runtimes.set(pack, rt)
  }
  lastRuntime = rt
  return rt
}

/**
 * The text as one flat string. V8 builds a template literal as a tree of concatenated pieces (a dozen
 * heap objects for a step with running totals), and a retained determination keeps the tree: the
 * garbage collector then copies and marks every piece of 100,000 determinations. Reading a character
 * makes V8 flatten the tree in place, after which the pieces are garbage.
 */
function flat(text: string): string {
  text.charCodeAt(0)
  return text
}

/**
 * A copy of a list built by `push` without its spare capacity: `push` grows an array to 17 slots, so a
 * one-warning list kept by each of 100,000 determinations would hold 16 empty slots each.
 */
function compact<T>(items: T[]): T[] {
  return items.length === 0 ? NONE : items.slice()
}

/**
 * Collects steps, warnings and missing data for one determination. Steps and warnings go into buffers
 * that are reused from deal to deal (`begin`), and the determination takes exact copies at the end
 * (`finish`): a fresh pair of lists per deal cost two arrays and a 17-slot store each at the first
 * push, only to be copied to their length anyway.
 */
class Trail {
  private readonly stepBuffer: Step[] = []
  private readonly warningBuffer: DeterminationWarning[] = []
  private readonly lineBuffer: LineDetermination[] = []
  stepCount = 0
  warningCount = 0
  lineCount = 0
  missing: string[] = []
  /** True between `begin` and `end`: a trail in use is never handed out again. */
  inUse = false

  /** Empties the trail for a new determination. */
  begin(): this {
    this.stepCount = 0
    this.warningCount = 0
    this.lineCount = 0
    this.missing = []
    this.inUse = true
    return this
  }

  end(): void {
    this.inUse = false
  }

  step(text: string, source: Citation | { citation: string; confidence: Confidence }): void {
    this.stepBuffer[this.stepCount++] = {
      text: flat(text),
      citation: source.citation,
      confidence: source.confidence,
    }
  }

  /** Adds a shared (frozen) step. */
  shared(step: Step): void {
    this.stepBuffer[this.stepCount++] = step
  }

  /** The k-th step so far. */
  stepAt(k: number): Step {
    return this.stepBuffer[k]!
  }

  warn(code: DeterminationWarning['code'], message: string, bucket?: string): void {
    const text = flat(message)
    this.warningBuffer[this.warningCount++] = bucket
      ? { code, message: text, bucket: flat(bucket) }
      : { code, message: text }
  }

  /** Adds a shared (frozen) warning with a constant message. */
  sharedWarn(warning: DeterminationWarning): void {
    this.warningBuffer[this.warningCount++] = warning
  }

  /** Adds the determination of the deal's next line. */
  line(line: LineDetermination): void {
    this.lineBuffer[this.lineCount++] = line
  }

  /** The line determinations so far, as a list of their own. */
  takeLines(): LineDetermination[] {
    return this.lineCount === 0 ? NONE : this.lineBuffer.slice(0, this.lineCount)
  }

  /** The steps so far, as a list of their own. */
  takeSteps(): Step[] {
    return this.stepCount === 0 ? NONE : this.stepBuffer.slice(0, this.stepCount)
  }

  /** The warnings so far, as a list of their own. */
  takeWarnings(): DeterminationWarning[] {
    return this.warningCount === 0 ? NONE : this.warningBuffer.slice(0, this.warningCount)
  }
}

/** The trail evaluateDeal uses unless it is already in use (a reentrant call gets a fresh one). */
const TRAIL = new Trail()

const ENGINE: Citation = { citation: 'Headroom rule engine', confidence: 'primary' }

const WITHIN_US_STEP: Step = Object.freeze({
  text: 'The destination is the United States: a shipment within the United States is not an export, so no licence is required (NLR).',
  citation: 'BIS guidance 2026-05-31 ("all destinations outside the United States"); 15 CFR 742.6(a)(6)(iii)',
  confidence: 'primary',
})

const LICENCE_NOT_NEEDED_IN_US: DeterminationWarning = Object.freeze({
  code: 'licence_not_needed',
  message: 'The deal is marked licensed, but no licence is needed within the United States.',
})

const LICENCE_NOT_NEEDED_UNDER_PACK: DeterminationWarning = Object.freeze({
  code: 'licence_not_needed',
  message: 'The deal is marked licensed, but no licence is required under this pack.',
})

const LICENCE_GRANTED_STEP: Step = Object.freeze({
  text: 'A licence has been granted for this deal: it ships under the licence.',
  citation: ENGINE.citation,
  confidence: ENGINE.confidence,
})

// ---------------------------------------------------------------------------------------------
// Evaluation of one deal
// ---------------------------------------------------------------------------------------------

const ECCN_RANK: Record<Eccn, number> = { none: 0, '3A090.b': 1, '3A090.a': 2 }

/**
 * Classification of a line's chip. Catalogue and book chips named by string are classified once per
 * pack and datacenter flag and the frozen result is shared; inline specs are classified each time.
 */
function classifyLine(
  rt: PackRuntime,
  ref: Deal['lines'][number]['chip'] | undefined,
  datacenter: boolean | undefined,
  ctx: DealContext,
): ClassifiedChip | undefined {
  if (ref === undefined || ref === null) return undefined
  return classifyRef(rt, ref, datacenter, ctx)
}

/** A chip named by string, classified once per pack and datacenter flag, with its shared line results. */
interface SharedChip {
  /** Frozen; undefined when the chip is unknown. */
  cls: ClassifiedChip | undefined
  /** Shared line determination and steps (by line index) per quantity: see `lineResult`. */
  lines: Map<number, { line: LineDetermination; steps: Step[] }>
}

/**
 * The shared classification of a catalogue chip named by string, or undefined when the line cannot
 * share one (an inline spec, a book with its own chips, an unvalidated datacenter flag): then
 * `classifyLine` classifies it afresh.
 */
function sharedChip(
  rt: PackRuntime,
  ref: Deal['lines'][number]['chip'] | undefined,
  datacenter: boolean | undefined,
  ctx: DealContext,
): SharedChip | undefined {
  if (typeof ref !== 'string' || ctx.chips?.size) return undefined
  // One Map per datacenter flag (undefined / true / false), keyed by the chip string: no per-line key
  // string to build.
  const byRef =
    datacenter === undefined
      ? rt.classified.unset
      : datacenter === true
        ? rt.classified.dc
        : datacenter === false
          ? rt.classified.nonDc
          : undefined
  if (!byRef) return undefined
  let hit = byRef.get(ref)
  if (!hit) {
    const cls = classifyRef(rt, ref, datacenter, ctx)
    if (cls) Object.freeze(cls.missing)
    hit = { cls: cls ? Object.freeze(cls) : undefined, lines: new Map() }
    byRef.set(ref, hit)
  }
  return hit
}

/**
 * Resolves and classifies a chip reference. A module-level function rather than a closure in
 * `classifyLine`: tsx/esbuild's keepNames wraps every named closure in a `__name` call
 * (Object.defineProperty), which cost ~20% of a bench run when done per deal.
 */
function classifyRef(
  rt: PackRuntime,
  ref: string | ChipSpec,
  datacenter: boolean | undefined,
  ctx: DealContext,
): ClassifiedChip | undefined {
  const spec = resolveChip(ref, ctx.chips)
  if (!spec) return undefined
  return classifyChip(
    spec,
    datacenter === undefined ? { thresholds: rt.thresholds } : { thresholds: rt.thresholds, datacenter },
  )
}

/** The per-chip part of a line step (text and citation), memoized by the chip's figures. */
function lineText(
  rt: PackRuntime,
  cls: ClassifiedChip,
): { chip: string; citation: string; confidence: Confidence } {
  const hit = rt.lineTexts.get(cls)
  if (hit) return hit
  const pdText = cls.performanceDensity === null ? 'PD unknown' : `PD ${cls.performanceDensity.toFixed(2)}`
  const result =
    cls.eccn === 'none' ? 'not 3A090' : `${cls.eccn}.${cls.paragraph!.slice(2)} (paragraph ${cls.paragraph})`
  const t = rt.pack.classification
  const thresholdSource = cls.eccn === '3A090.b' || cls.eccn === 'none' ? t.b1MinTpp : t.a1MinTpp
  const text = {
    chip: `${cls.name}: TPP ${fmt(cls.tpp!)} each (${pdText}): ${result}`,
    citation: `${cls.citation}; thresholds: ${thresholdSource.citation}`,
    confidence: lowest(cls.confidence, thresholdSource.confidence),
  }
  rt.lineTexts.set(cls, text)
  return text
}

/** The step of a classified line with a valid quantity. */
function lineStep(rt: PackRuntime, cls: ClassifiedChip, qty: number, i: number): Step {
  const text = lineText(rt, cls)
  return {
    text: `Line ${i + 1}: ${fmt(qty)} × ${text.chip}; line TPP ${fmt(cls.tpp! * qty)}.`,
    citation: text.citation,
    confidence: text.confidence,
  }
}

/** Bound on shared line results per pack, so a book of arbitrary quantities cannot grow the cache without limit. */
const MAX_LINE_RESULTS = 100_000

/**
 * The line determination and step of a line, frozen and shared by every line with the same shared
 * classification (a catalogue or book chip named by string), quantity and position. A generated book has
 * ~10 chips × a few hundred quantities, so most lines of a large book reuse an entry: no per-line
 * objects or strings are retained. Undefined (build fresh objects) for inline specs, odd quantities or
 * when the cache is full (false: the caller builds them). A shared classification comes from one chip
 * string, so `label` is fixed per entry.
 */
function lineResult(
  rt: PackRuntime,
  shared: SharedChip,
  cls: ClassifiedChip,
  label: string,
  qty: number,
  i: number,
  trail: Trail,
): boolean {
  if (!Number.isInteger(qty) || i > 15) return false
  const byQty = shared.lines
  let entry = byQty.get(qty)
  if (!entry) {
    if (rt.lineResultCount >= MAX_LINE_RESULTS) return false
    rt.lineResultCount++
    entry = {
      line: Object.freeze({
        chip: cls.catalogueId ?? label,
        quantity: qty,
        classification: cls,
        tpp: cls.tpp! * qty,
      }),
      steps: [],
    }
    byQty.set(qty, entry)
  }
  trail.line(entry.line)
  trail.shared((entry.steps[i] ??= Object.freeze(lineStep(rt, cls, qty, i))))
  return true
}

interface Parties {
  consigneeHq?: Iso2
  parentHq?: Iso2 | null
  veu?: VeuRef
}

function partiesOf(deal: Deal, ctx: DealContext): Parties {
  // Most books name no parties: skip the name normalisation then. A missing consignee is named by
  // evaluateWithPack.
  const party =
    ctx.parties === undefined || ctx.parties.size === 0 || typeof deal.consignee !== 'string'
      ? undefined
      : ctx.parties.get(deal.consignee.trim().toLowerCase())
  const out: Parties = {}
  const hq = deal.consigneeHq ?? party?.hq
  if (hq !== undefined) out.consigneeHq = hq
  const parent = deal.parentHq !== undefined ? deal.parentHq : party?.parentHq
  if (parent !== undefined) out.parentHq = parent
  const veu = deal.veu ?? party?.veu
  // A deal names its VEU without the countries; the party record may know what its NVEU covers.
  if (veu)
    out.veu =
      veu.countries === undefined && party?.veu?.countries && party.veu.id === veu.id
        ? { ...veu, countries: party.veu.countries }
        : veu
  return out
}

/** The destination-group test for a country view, computed once per view. */
function destinationTest(
  rt: PackRuntime,
  view: CountryView,
): { reason?: { reason: LicenseReason; step: Step }; excludedStep?: Step } | undefined {
  return rt.destinationTests.get(view) ?? buildDestinationTest(rt, view)
}

// Built apart from the cached read: a closure over `view` in destinationTest itself made V8 allocate
// a context on every call, cache hit or not. The same holds for every per-deal function below, so
// their rarely taken paths with closures live in helpers of their own.
function buildDestinationTest(
  rt: PackRuntime,
  view: CountryView,
): { reason?: { reason: LicenseReason; step: Step }; excludedStep?: Step } {
  const lic = rt.pack.licensing
  const inc = lic.destination.include.filter((g) => view.groups.has(g))
  const exc = lic.destination.exclude.filter((g) => view.groups.has(g))
  const hit: { reason?: { reason: LicenseReason; step: Step }; excludedStep?: Step } = {}
  if (inc.length && !exc.length) {
    const reason: LicenseReason = Object.freeze({
      kind: 'destination',
      text: `${nameOf(view.code)} is in ${inc.join(', ')} and not in ${lic.destination.exclude.join(' or ')}.`,
      citation: lic.destination.citation,
      confidence: lic.destination.confidence,
    })
    hit.reason = {
      reason,
      step: Object.freeze({
        text: `Licence required (destination): ${reason.text}`,
        citation: reason.citation,
        confidence: reason.confidence,
      }),
    }
  } else if (inc.length && exc.length) {
    hit.excludedStep = Object.freeze({
      text: `${nameOf(view.code)} is in ${inc.join(', ')} but also in ${exc.join(', ')}, which the destination licence requirement excludes.`,
      citation: lic.destination.citation,
      confidence: lic.destination.confidence,
    })
  }
  rt.destinationTests.set(view, hit)
  return hit
}

/** The available authorizations (a bit mask over PREFERENCE) in order of preference, as a shared frozen list. */
function availableInOrder(rt: PackRuntime, mask: number): Authorization[] {
  let list = rt.availableByMask.get(mask)
  if (!list) rt.availableByMask.set(mask, (list = authorizationsIn(mask)))
  return list
}

function authorizationsIn(mask: number): Authorization[] {
  return Object.freeze(PREFERENCE.filter((_, i) => (mask & (1 << i)) !== 0)) as Authorization[]
}

/** Steps naming the destination's groups and tier; shared by every deal to the same place and epoch. */
function destinationSteps(pack: RulePack, dest: Iso2, view: CountryView): Step[] {
  const steps: Step[] = []
  const groupsText = view.groupList.length ? view.groupList.join(', ') : 'none of the groups encoded'
  const groupsSource = pack.countries.groups['D:5']
  steps.push(
    Object.freeze({
      text: `Destination ${nameOf(dest)} (${dest}): country groups ${groupsText}.`,
      citation: groupsSource.citation,
      confidence: groupsSource.confidence,
    }),
  )
  const tiers = pack.countries.tiers
  if (view.tier !== null && tiers) {
    const source = view.tier === 3 ? tiers.tier3 : tiers.tier1
    const text =
      view.tier === 1
        ? `${nameOf(dest)} is tier 1 (Supplement No. 5 to Part 740, paragraph (a)).`
        : view.tier === 3
          ? `${nameOf(dest)} is tier 3 (${describeSet(tiers.tier3)}).`
          : `${nameOf(dest)} is tier 2 (neither tier 1 nor ${describeSet(tiers.tier3)}).`
    steps.push(Object.freeze({ text, citation: source.citation, confidence: source.confidence }))
  }
  return steps
}

/**
 * A frozen empty array shared by the fields of `base` that evaluation replaces (or leaves empty): most
 * are replaced, so fresh arrays here would be eight allocations per deal for nothing. Nothing appends
 * to a determination's arrays (uveuBuckets replaces `caps`).
 */
const NONE = Object.freeze([]) as unknown as never[]
// Loops over lists that may be frozen (NONE, the shared step and reason lists, a chip's `missing`) are
// indexed: in Node 20's V8, `for…of` over a frozen array allocates an iterator and a result object per
// element even in optimized code.

function base(deal: Deal, packId: string): Determination {
  return {
    dealId: deal.id,
    packId,
    date: deal.date,
    destination: null,
    tier: null,
    groups: NONE,
    eccn: null,
    tpp: null,
    cappedTpp: null,
    h100e: null,
    licenseRequired: null,
    reasons: NONE,
    authorization: null,
    available: NONE,
    reviewPolicy: null,
    outcome: 'not_determinable',
    caps: NONE,
    warnings: NONE,
    steps: NONE,
    lines: NONE,
    confidence: 'primary',
    missing: NONE,
  }
}

const LOW_CONFIDENCE_TEXT = new Map<number, string>()
const LOW_CONFIDENCE_WARNING = new Map<string, DeterminationWarning>()
const AIA_ASSUMPTION: DeterminationWarning = Object.freeze({
  code: 'assumption',
  message:
    'AIA assumes the 3A090.a items come from an approved or authorized IC designer (Note 1 to 3A090.a) and that the exporter has obtained and submitted the § 740.27(b)(2) certification.',
})
/**
 * The index of a confidence in CONFIDENCE_ORDER (undefined for anything else). Compares strings
 * rather than reading a record keyed by them: steps come in several shapes, and the keyed read was most
 * of `finish`, which ranks every step of every determination.
 */
function rankOf(c: Confidence): number {
  if (c === 'primary') return 0
  if (c === 'secondary') return 1
  if (c === 'derived') return 2
  if (c === 'weak') return 3
  if (c === 'unconfirmed') return 4
  return undefined as unknown as number
}

const CONFIDENCE_COUNTS = CONFIDENCE_ORDER.map(() => 0)

function finish(d: Determination, trail: Trail): Determination {
  d.steps = trail.takeSteps()
  d.missing = compact(trail.missing)
  // counts[i] = number of steps at CONFIDENCE_ORDER[i]; the worst index gives the determination's
  // confidence. One array for every deal: finish does not reenter.
  const counts = CONFIDENCE_COUNTS.fill(0)
  let worst = 0
  for (let k = 0; k < trail.stepCount; k++) {
    const i = rankOf(trail.stepAt(k).confidence)
    counts[i]!++
    if (i > worst) worst = i
  }
  for (let k = 0; k < d.caps.length; k++) worst = Math.max(worst, rankOf(d.caps[k]!.confidence))
  d.confidence = CONFIDENCE_ORDER[worst]!
  if (worst > 0) {
    const key = counts[1]! + 64 * (counts[2]! + 64 * (counts[3]! + 64 * counts[4]!))
    let message = LOW_CONFIDENCE_TEXT.get(key)
    if (message === undefined) LOW_CONFIDENCE_TEXT.set(key, (message = lowConfidenceText(counts)))
    let warning = LOW_CONFIDENCE_WARNING.get(message)
    if (!warning)
      LOW_CONFIDENCE_WARNING.set(
        message,
        (warning = Object.freeze({ code: 'low_confidence' as const, message })),
      )
    trail.sharedWarn(warning)
  }
  if (d.outcome === 'not_determinable' && trail.missing.length) {
    trail.warn('missing_data', `Not determinable: missing ${trail.missing.join('; ')}.`)
  }
  d.warnings = trail.takeWarnings()
  // d.lines is already a list of its own length (takeLines).
  d.caps = compact(d.caps)
  return d
}

/** The low-confidence warning for step counts by confidence (see finish). */
function lowConfidenceText(counts: readonly number[]): string {
  const weak = counts.slice(1).reduce((a, b) => a + b, 0)
  const summary = CONFIDENCE_ORDER.map((c, i) => (i > 0 && counts[i] ? `${counts[i]} ${c}` : ''))
    .filter(Boolean)
    .join(', ')
  return `This determination relies on sources below primary (${summary || 'cap'} step${weak === 1 ? '' : 's'}); check the steps marked before relying on it.`
}

function notDeterminable(d: Determination, trail: Trail): Determination {
  d.outcome = 'not_determinable'
  d.licenseRequired = null
  d.authorization = null
  d.reviewPolicy = null
  trail.step(`Not determinable: missing ${trail.missing.join('; ')}.`, ENGINE)
  return finish(d, trail)
}

function alertCaps(pack: RulePack, effect: CapEffect, trail: Trail): void {
  if (effect.exceeded) {
    trail.warn(
      'cap_exceeded',
      effect.bound === 'max'
        ? `${effect.bucket}: ${effect.unit === 'share' ? pct(effect.after) : fmt(effect.after)} would exceed the limit of ${effect.unit === 'share' ? pct(effect.limit) : fmt(effect.limit)}.`
        : `${effect.bucket}: ${pct(effect.after)} would fall below the minimum of ${pct(effect.limit)}.`,
      effect.bucket,
    )
    return
  }
  if (effect.bound !== 'max' || effect.limit <= 0) return
  const ratio = (effect.after / effect.limit) * 100
  const beforeRatio = (effect.before / effect.limit) * 100
  let hit: number | undefined
  const thresholds = pack.caps.alertThresholds
  for (let k = 0; k < thresholds.length; k++) {
    const t = thresholds[k]!
    if (ratio >= t && (hit === undefined || t > hit)) hit = t
  }
  if (hit === undefined) return
  const crossed = beforeRatio < hit ? ' (crossed by this deal)' : ''
  trail.warn(
    'threshold',
    `${effect.bucket} at ${ratio.toFixed(1)}% of its limit, at or above the ${hit}% alert${crossed}.`,
    effect.bucket,
  )
}

function capEffect(
  bucket: string,
  kind: CapKind,
  unit: 'tpp' | 'share',
  bound: 'max' | 'min',
  limit: number,
  before: number,
  after: number,
  source: Citation,
): CapEffect {
  const remaining = bound === 'max' ? limit - after : after - limit
  return {
    bucket,
    kind,
    unit,
    bound,
    limit,
    before,
    after,
    remaining,
    exceeded: bound === 'max' ? after > limit + 1e-9 : after < limit - 1e-9,
    counted: false,
    citation: source.citation,
    confidence: source.confidence,
  }
}

/** A TPP ceiling on a bucket: its running total before and after the deal's capped TPP. */
function tppCeiling(
  state: EvaluationState,
  bucket: string,
  kind: CapKind,
  limit: number,
  added: number,
  source: Citation,
): CapEffect {
  const before = state.used.get(bucket) ?? 0
  return capEffect(bucket, kind, 'tpp', 'max', limit, before, before + added, source)
}

/**
 * The approval of `consignee` on `date` in an approved-entity list, the listed name it matched, and
 * whether the match is of the whole name. Names match case-insensitively with runs of spaces taken as
 * one: the whole name, or (`exact: false`) the listed name followed by a space or punctuation ("G42"
 * matches "G42 Holdings", not "G420"). Only a whole-name match grants the approval by itself: a name
 * that merely begins with a listed one may be a subsidiary, or an unrelated firm ("Apple Valley
 * Trading"), which the desk has to confirm by asking for the authorization on the deal.
 */
function approvalOf(
  approved: readonly ApprovedConsignees[],
  consignee: string,
  date: string,
): { approval: ApprovedConsignees; listed: string; exact: boolean } | undefined {
  const c = foldedName(consignee)
  for (let i = 0; i < approved.length; i++) {
    const a = approved[i]!
    if (a.until && date > a.until) continue
    for (let n = 0; n < a.names.length; n++) {
      const k = foldedName(a.names[n]!)
      if (c === k) return { approval: a, listed: a.names[n]!, exact: true }
      if (c.startsWith(k) && /[\s,.()-]/.test(c.charAt(k.length)))
        return { approval: a, listed: a.names[n]!, exact: false }
    }
  }
  return undefined
}

const OUTCOME_OF_POLICY: Record<ReviewPolicy, 'license_required' | 'likely_denied'> = {
  presumption_of_approval: 'license_required',
  case_by_case: 'license_required',
  presumption_of_denial: 'likely_denied',
  policy_of_denial: 'likely_denied',
}

const POLICY_TEXT: Record<ReviewPolicy, string> = {
  presumption_of_approval: 'presumption of approval',
  case_by_case: 'case-by-case review',
  presumption_of_denial: 'presumption of denial',
  policy_of_denial: 'policy of denial',
}

const REVIEW_TEXT = mapPolicies((text) => `A licence application would be reviewed under a ${text}.`)

const LICENSED_ALTHOUGH_DENIED = mapPolicies((text): DeterminationWarning =>
  Object.freeze({
    code: 'assumption',
    message: `The deal is marked licensed although an application would now face a ${text}; check the licence.`,
  }),
)

function mapPolicies<T>(make: (policyText: string) => T): Record<ReviewPolicy, T> {
  const out = {} as Record<ReviewPolicy, T>
  for (const policy of Object.keys(POLICY_TEXT) as ReviewPolicy[]) out[policy] = make(POLICY_TEXT[policy])
  return out
}

const POLICY_UNPUBLISHED_WARNING: DeterminationWarning = Object.freeze({
  code: 'assumption',
  message: 'The review policy for this licence is not published; expect a licence to be required.',
})

const NO_SOURCE: Citation = Object.freeze({ citation: 'no source', confidence: 'unconfirmed' })

const TIER1_ENTITY_ALLOCATION_WARNING: DeterminationWarning = Object.freeze({
  code: 'assumption',
  message:
    "The consignee and its parent are headquartered in tier 1, so the review policy is a presumption of approval (§ 742.6(b)(10)(iii)(A)(2)); the licensed TPP is still counted against the destination's allocation, an accounting point the reference could not confirm.",
})

/** Cap buckets each route consumes (a licence counts against the country allocation). */
const ROUTE_BUCKETS: Partial<Record<Authorization, CapKind[]>> = {
  LPP: ['lpp'],
  NVEU: ['nveu'],
  UVEU: ['uveu_country', 'uveu_tier1', 'uveu_us'],
  LICENSE: ['country'],
}

/** Preference among available authorizations when none (or an unavailable one) is requested. */
const PREFERENCE: Authorization[] = ['NLR', 'STA', 'AIA', 'UVEU', 'NVEU', 'ACA', 'LPP', 'NAC', 'LICENSE']

interface UveuShares {
  total: number
  tier1: number
  us: number
  byCountry: Map<Iso2, number>
}

function uveuShares(
  state: EvaluationState,
  veu: string,
  geo: PackGeography,
  date: string,
): UveuShares | undefined {
  const byCountryRaw = state.installed.get(veu)
  if (!byCountryRaw || byCountryRaw.size === 0) return undefined
  const out: UveuShares = { total: 0, tier1: 0, us: 0, byCountry: new Map() }
  for (const [rawCode, tpp] of byCountryRaw) {
    const code = geo.canonical(rawCode).code
    out.total += tpp
    out.byCountry.set(code, (out.byCountry.get(code) ?? 0) + tpp)
    if (geo.view(code, date).tier === 1) out.tier1 += tpp
    if (code === 'US') out.us += tpp
  }
  return out
}

/**
 * Evaluates one deal against the state's pack (or the pack governing the deal's date under `auto`) and,
 * unless `ctx.dryRun`, adds the deal's usage to the state. Never throws.
 */
export function evaluateDeal(state: EvaluationState, deal: Deal, ctx: DealContext = {}): Determination {
  // The shared trail, unless a caller evaluates inside an evaluation (nothing does today).
  const trail = TRAIL.inUse ? new Trail().begin() : TRAIL.begin()
  try {
    return determine(state, deal, ctx, trail)
  } finally {
    trail.end()
  }
}

function determine(state: EvaluationState, deal: Deal, ctx: DealContext, trail: Trail): Determination {
  if (typeof deal !== 'object' || deal === null) {
    // Total by contract, for callers that skip the book's validation.
    trail.missing.push(`a deal (got ${deal === null ? 'null' : typeof deal})`)
    return notDeterminable(base({} as Deal, state.pack === 'auto' ? 'auto' : state.pack.id), trail)
  }
  const validDate = isIsoDate(deal.date)
  const pack =
    state.pack === 'auto' ? (validDate ? governingPack(deal.date, state.packs) : undefined) : state.pack
  const d = base(deal, pack?.id ?? (state.pack === 'auto' ? 'auto' : state.pack.id))
  if (!validDate) {
    // A date of the right form that names no day is said so, not called missing.
    trail.missing.push(
      isIsoDateShape(deal.date) ? `date (${deal.date} is not a real day)` : 'date (YYYY-MM-DD)',
    )
    return notDeterminable(d, trail)
  }
  if (!pack) {
    trail.missing.push(
      `a rule pack governing ${deal.date} (the timeline starts ${PACK_TIMELINE[0]!.from}); pin a pack`,
    )
    return notDeterminable(d, trail)
  }
  try {
    return evaluateWithPack(state, deal, ctx, pack, d, trail)
  } catch (error) {
    // Total by contract: an unexpected shape (e.g. from an unvalidated caller) is reported, not thrown.
    trail.missing.push(`valid deal data (${error instanceof Error ? error.message : String(error)})`)
    return notDeterminable(d, trail)
  }
}

/**
 * What the timeline says of the deal's date beside the rules: a pinned pack (a scenario by the pack it
 * copies) used on a date the timeline gives to another pack, or to none, says so, since its groups,
 * caps and review policies may not be those in force then; and a period with a caution of its own (the
 * framework's, whose compliance date fell after BIS stopped enforcing it) says it under its own pack.
 */
function timelineNotes(rt: PackRuntime, date: string, pinned: boolean, trail: Trail): void {
  const entry = timelineEntry(date)
  const pack = rt.pack
  const own = entry?.packId === (pack.basedOn ?? pack.id)
  // The warning of the last entry is kept on the runtime: deals come in date order, so most share
  // their predecessor's entry, and a field read spares even a hit in the shared maps.
  if (own && entry.caution) {
    if (rt.lastCaution?.entry !== entry)
      rt.lastCaution = { entry, warning: sharedWarning(rt, 'assumption', entry.caution) }
    trail.sharedWarn(rt.lastCaution.warning)
  }
  if (!pinned || own) return
  // By timeline entry: the text built per deal would be a new string to hash for the shared lookup,
  // on every deal of a book that reaches past the pinned pack's period.
  if (rt.lastPinned && rt.lastPinned.entry === entry) {
    trail.sharedWarn(rt.lastPinned.warning)
    return
  }
  let warning = rt.pinnedWarnings.get(entry)
  if (!warning) {
    warning = sharedWarning(
      rt,
      'assumption',
      entry
        ? `${pack.id} is pinned, but the timeline gives ${entry.packId} for this deal's date: the groups, caps and review policies applied may not be those in force then.`
        : `${pack.id} is pinned; no pack in the timeline governs this deal's date.`,
    )
    rt.pinnedWarnings.set(entry, warning)
  }
  rt.lastPinned = { entry, warning }
  trail.sharedWarn(warning)
}

/** The canonical code of a place, with a step when an alias applies (HK → CN). */
/** The pack's cautions in force on `date` for the deal's destination or headquarters: a step and a warning each. */
function cautionsFor(
  cautions: readonly CountryCaution[],
  date: string,
  dest: Iso2 | undefined,
  consigneeHq: Iso2 | undefined,
  parentHq: Iso2 | null | undefined,
  trail: Trail,
): void {
  for (let i = 0; i < cautions.length; i++) {
    const c = cautions[i]!
    if (date < c.from || date >= c.until) continue
    if (c.country !== dest && c.country !== consigneeHq && c.country !== parentHq) continue
    trail.step(c.message, c)
    trail.warn('assumption', c.message)
  }
}

function canon(rt: PackRuntime, trail: Trail, raw: string, role: string): Iso2 {
  const c = rt.geo.canonical(raw)
  if (c.alias) {
    // By role and code (few: the pack's aliases), not by the text built per deal.
    let byRaw = rt.aliasSteps.get(role)
    let step = byRaw?.get(raw)
    if (!step) {
      step = sharedStep(
        rt,
        `${role} ${nameOf(raw)} (${raw}) is evaluated as ${nameOf(c.code)} (${c.code}).`,
        c.alias,
      )
      if (!byRaw) rt.aliasSteps.set(role, (byRaw = new Map()))
      byRaw.set(raw, step)
    }
    trail.shared(step)
  }
  return c.code
}

/** Adds a committed deal's 3A090.a TPP to its VEU's installed base. */
function growInstalled(
  state: EvaluationState,
  veu: VeuRef | undefined,
  commit: boolean,
  dest: Iso2,
  capped: number,
): void {
  if (veu && commit && capped > 0) addInstalled(state, { veu: veu.id, country: dest, tpp: capped })
}

// Named closures are avoided inside the per-deal functions below: under tsx (esbuild keepNames) each
// one costs a `__name` call (Object.defineProperty) per deal.
function evaluateWithPack(
  state: EvaluationState,
  deal: Deal,
  ctx: DealContext,
  pack: RulePack,
  d: Determination,
  trail: Trail,
): Determination {
  const rt = runtimeOf(pack)
  const { geo } = rt
  const date = deal.date
  const year = date.slice(0, 4)
  timelineNotes(rt, date, state.pack !== 'auto', trail)
  trail.shared(rt.packStep)

  // --- Parties and places -------------------------------------------------------------------
  if (typeof deal.consignee !== 'string' || deal.consignee.trim() === '') trail.missing.push('consignee')
  const parties = partiesOf(deal, ctx)
  let dest: Iso2 | undefined
  let destView: CountryView | undefined
  if (!deal.destination) trail.missing.push('destination')
  else {
    dest = canon(rt, trail, deal.destination, 'Destination')
    destView = geo.view(dest, date)
    d.destination = dest
    d.tier = destView.tier
    d.groups = destView.groupList
    const view = destView
    const code = dest
    let steps = rt.destinationSteps.get(view)
    if (!steps) rt.destinationSteps.set(view, (steps = Object.freeze(destinationSteps(pack, code, view))))
    for (let k = 0; k < steps.length; k++) trail.shared(steps[k]!)
  }
  let consigneeHq: Iso2 | undefined
  if (!parties.consigneeHq) trail.missing.push('consigneeHq')
  else consigneeHq = canon(rt, trail, parties.consigneeHq, 'Consignee headquarters')
  let parentHq: Iso2 | null | undefined
  if (parties.parentHq === undefined)
    trail.missing.push('parentHq (use null when the consignee has no parent)')
  else
    parentHq =
      parties.parentHq === null ? null : canon(rt, trail, parties.parentHq, 'Ultimate parent headquarters')
  const cautions = pack.countries.cautions
  if (cautions?.length) cautionsFor(cautions, date, dest, consigneeHq, parentHq, trail)

  // --- Lines --------------------------------------------------------------------------------
  let eccn = 'none' as Eccn
  let tpp = 0
  let capped = 0
  let linesKnown = true
  let datacenterA = false
  const lineList = Array.isArray(deal.lines) ? deal.lines : []
  if (lineList.length === 0) trail.missing.push('lines')
  for (let i = 0; i < lineList.length; i++) {
    const line = lineList[i]!
    const label = typeof line.chip === 'string' ? line.chip : (line.chip?.name ?? '?')
    const shared = sharedChip(rt, line.chip, deal.datacenter, ctx)
    const cls = shared ? shared.cls : classifyLine(rt, line.chip, deal.datacenter, ctx)
    if (!cls) {
      trail.missing.push(`lines[${i}].chip "${label}" (not in the catalogue or the book's chips)`)
      linesKnown = false
      continue
    }
    const qty = line.quantity
    const qtyOk = typeof qty === 'number' && Number.isFinite(qty) && qty > 0
    if (!qtyOk) trail.missing.push(`lines[${i}].quantity`)
    if (!cls.catalogueId) {
      const doubt = doubtfulFigures(rt, cls, label, i, deal.datacenter, trail)
      if (doubt) {
        trail.missing.push(doubt)
        trail.line({ chip: label, quantity: qtyOk ? qty : 0, classification: cls, tpp: null })
        linesKnown = false
        continue
      }
    }
    const lineTpp = cls.tpp !== null && qtyOk ? cls.tpp * qty : null
    if (cls.eccn === null || !qtyOk) {
      trail.line({
        chip: cls.catalogueId ?? label,
        quantity: qtyOk ? qty : 0,
        classification: cls,
        tpp: lineTpp,
      })
      for (let k = 0; k < cls.missing.length; k++)
        trail.missing.push(`lines[${i}].${cls.missing[k]} for "${label}"`)
      linesKnown = false
      continue
    }
    if (!shared || !lineResult(rt, shared, cls, label, qty, i, trail)) {
      trail.line({ chip: cls.catalogueId ?? label, quantity: qty, classification: cls, tpp: lineTpp })
      trail.shared(lineStep(rt, cls, qty, i))
    }
    if (ECCN_RANK[cls.eccn] > ECCN_RANK[eccn]) eccn = cls.eccn
    tpp += lineTpp!
    // Only 3A090.a/4A090.a items count against the TPP caps (§ 742.6(b)(10)(iii)(B)(1); § 748.15(a)(2)(iii)(B)).
    if (cls.eccn === '3A090.a') {
      capped += lineTpp!
      if (cls.datacenter) datacenterA = true
    }
  }
  const lines = trail.takeLines()
  d.lines = lines
  if (linesKnown && lineList.length > 0) {
    d.eccn = eccn
    d.tpp = tpp
    d.cappedTpp = capped
    d.h100e = Math.round((tpp / rt.thresholds.h100Tpp) * 1000) / 1000
  }
  if (
    trail.missing.length ||
    dest === undefined ||
    consigneeHq === undefined ||
    parentHq === undefined ||
    !destView
  ) {
    return notDeterminable(d, trail)
  }

  const veu = parties.veu
  const commit = !ctx.dryRun

  // --- 1. Within the United States --------------------------------------------------------
  if (dest === 'US') {
    // The 3A090 requirements attach to exports, reexports and in-country transfers abroad; BIS's
    // 2026-05-31 guidance speaks of "all destinations outside the United States".
    trail.shared(WITHIN_US_STEP)
    d.licenseRequired = false
    d.authorization = 'NLR'
    d.available = availableInOrder(rt, authBit('NLR'))
    d.outcome = 'allowed'
    if (veu?.kind === 'UVEU') uveuBuckets(state, pack, rt, d, trail, veu, dest, capped, true)
    growInstalled(state, veu, commit, dest, capped)
    if (deal.licensed) trail.sharedWarn(LICENCE_NOT_NEEDED_IN_US)
    return finish(d, trail)
  }

  // --- 2. Licence reasons -------------------------------------------------------------------
  let reasonList = rt.noReasons
  const lic = pack.licensing
  const hqSet = lic.headquarters
  const consigneeConcern = geo.inSet(consigneeHq, hqSet, date)
  const parentConcern = parentHq !== null && geo.inSet(parentHq, hqSet, date)
  const hqOfConcern = consigneeConcern || parentConcern
  const destOfConcern = geo.inSet(dest, hqSet, date)
  const controlled = eccn !== 'none'
  let destinationReason = false
  let approvedAuth: Authorization | undefined

  if (controlled) {
    if (eccn === '3A090.a' && lic.worldwideForA) {
      // Diffusion: 3A090.a/4A090.a need a licence to every destination (§ 742.6(a)(6)(iii)(A)).
      destinationReason = true
      const worldwide = lic.worldwideForA
      reasonList = withKeyedReason(
        rt,
        reasonList,
        'worldwide',
        'destination',
        'Worldwide licence requirement for 3A090.a/4A090.a items.',
        worldwide,
      )
    } else {
      const test = destinationTest(rt, destView)
      if (test?.reason) {
        destinationReason = true
        reasonList = withReason(rt, reasonList, test.reason)
      } else if (test?.excludedStep) {
        // Israel-type case: in D:4 but also A:6, so the destination test does not catch it.
        trail.shared(test.excludedStep)
      }
    }
    for (let x = 0; x < lic.extraDestinations.length; x++) {
      const extra = lic.extraDestinations[x]!
      if (extra.country !== dest || date < extra.from || !extra.eccns.includes(eccn as '3A090.a' | '3A090.b'))
        continue
      const approved = approvalOf(extra.approved, deal.consignee, date)
      const granted =
        approved !== undefined && (approved.exact || deal.authorization === approved.approval.authorization)
      if (approved && granted && !destinationReason) {
        const { approval, listed, exact } = approved
        approvedAuth = approval.authorization
        trail.step(
          `${deal.consignee} is an approved entity for ${nameOf(dest)}: it may receive the items under ${approval.authorization} without a licence${approval.until ? ` (until ${approval.until})` : ''}.`,
          approval,
        )
        // The list is matched by name: say so, and how.
        trail.warn(
          'assumption',
          exact
            ? `${deal.consignee} was matched to the approved entity "${listed}" by name; confirm it is that entity before relying on ${approval.authorization}.`
            : `${deal.consignee} asks for ${approval.authorization} as the approved entity "${listed}" (its name begins with the listed name); confirm it is that entity or one of its subsidiaries before relying on ${approval.authorization}.`,
        )
      } else if (!destinationReason) {
        if (approved)
          trail.warn(
            'assumption',
            `${deal.consignee}'s name begins with that of the approved entity "${approved.listed}", but a partial name is not taken as approval: if it is that entity or one of its subsidiaries, ask for ${approved.approval.authorization} on the deal.`,
          )
        destinationReason = true
        reasonList = withKeyedReason(
          rt,
          reasonList,
          `extra:${extra.country}:${extra.from}`,
          'destination',
          `Licence requirement named for ${nameOf(extra.country)} from ${extra.from}.`,
          extra,
        )
      }
    }
    if (hqOfConcern) {
      const who =
        consigneeConcern && parentConcern && parentHq !== consigneeHq
          ? `${consigneeHq} / ${parentHq}`
          : consigneeConcern
            ? consigneeHq
            : parentHq!
      // Keyed by the place codes themselves (canonical strings, hashed once): a joined key would be a
      // new string to hash on every such deal.
      const first = consigneeConcern ? consigneeHq : parentHq!
      const second = who === first ? '' : parentHq!
      let bySecond = rt.hqReasons.get(first)
      let shared = bySecond?.get(second)
      if (!shared) {
        // Kept here only (bounded by the pack's headquarters set, squared), not also under a text key.
        shared = sharedReasonOf({
          kind: 'headquarters',
          text: `${who.split(' / ').map(nameOf).join(' / ')}: the consignee or its ultimate parent is headquartered in ${describeSet(hqSet)}; a licence is needed anywhere outside the United States.`,
          ...pick(hqSet),
        })
        if (!bySecond) rt.hqReasons.set(first, (bySecond = new Map()))
        bySecond.set(second, shared)
      }
      reasonList = withReason(rt, reasonList, shared)
    }
  }
  for (let u = 0; u < lic.endUse.length; u++) {
    const rule = lic.endUse[u]!
    if (date < rule.from || !geo.inSet(dest, rule.destinations, date) || !namesAnyChip(lines, rule.chips))
      continue
    reasonList = withKeyedReason(rt, reasonList, `enduse:${rule.id}`, 'end_use', rule.title, rule)
  }
  const reasons = reasonList.reasons
  d.reasons = reasons as LicenseReason[]
  for (let k = 0; k < reasonList.steps.length; k++) trail.shared(reasonList.steps[k]!)

  if (reasons.length === 0) {
    d.licenseRequired = false
    if (approvedAuth) {
      d.authorization = approvedAuth
      d.available = availableInOrder(rt, authBit(approvedAuth))
    } else {
      d.authorization = 'NLR'
      d.available = availableInOrder(rt, authBit('NLR'))
      // Uncontrolled, the text names no place: one step for every such deal.
      trail.shared(
        controlled ? nlrStep(rt, eccn, dest, consigneeHq, parentHq) : nlrStep(rt, 'none', '', '', null),
      )
    }
    d.outcome = 'allowed'
    if (deal.licensed) trail.sharedWarn(LICENCE_NOT_NEEDED_UNDER_PACK)
    if (veu?.kind === 'UVEU' && pack.caps.uveu)
      uveuBuckets(state, pack, rt, d, trail, veu, dest, capped, true)
    growInstalled(state, veu, commit, dest, capped)
    return finish(d, trail)
  }

  // --- 3. Authorizations available -----------------------------------------------------------
  const f: LicenceFacts = {
    state,
    pack,
    rt,
    d,
    trail,
    deal,
    dest,
    destView,
    consigneeHq,
    parentHq,
    veu,
    date,
    year,
    eccn,
    capped,
    lines,
    reasons,
    hqOfConcern,
    destOfConcern,
    destinationReason,
    datacenterA,
    endUseOnly: everyEndUse(reasons),
    caps: [],
    commit,
  }
  const options = availableAuthorizations(f)
  const availableAuths = availableInOrder(rt, options.mask)
  d.available = availableAuths

  if (trail.missing.length) {
    d.caps = f.caps
    return notDeterminable(d, trail)
  }

  // --- Route ---------------------------------------------------------------------------------
  let route: Authorization
  if (deal.licensed) {
    route = 'LICENSE'
    trail.shared(LICENCE_GRANTED_STEP)
  } else if (deal.authorization && options.has(deal.authorization)) {
    route = deal.authorization
  } else {
    route = availableAuths[0]!
    if (deal.authorization && deal.authorization !== route) {
      const w = options.refusal(deal.authorization)
      const reason = w?.reason ?? 'its conditions are not met'
      trail.warn(
        'requested_unavailable',
        `${deal.authorization} was requested but is not available: ${reason}.`,
      )
      trail.step(`${deal.authorization} requested but not available: ${reason}.`, w?.source ?? ENGINE)
    }
  }
  // Explained when the deal ends with a licence (why no exception covers it); an allowed deal needs no list.
  if (route === 'LICENSE') {
    for (const w of options.refusals) if (w.auth !== deal.authorization) trail.shared(refusalStep(w))
  } else if (veu && route !== veu.kind && deal.authorization !== veu.kind) {
    // A deal naming its VEU that goes another way says why the VEU authorization was not used.
    const w = options.refusal(veu.kind)
    if (w) trail.shared(refusalStep(w))
  }
  d.authorization = route
  d.licenseRequired = route === 'LICENSE'
  takeRoute(f, route)
  d.caps = capsOfRoute(f.caps, route, deal.authorization)
  for (let k = 0; k < d.caps.length; k++) alertCaps(pack, d.caps[k]!, trail)
  if (d.outcome === 'not_determinable') return notDeterminable(d, trail)
  if (
    d.outcome === 'allowed' ||
    d.outcome === 'allowed_with_notice' ||
    (route === 'LICENSE' && deal.licensed)
  ) {
    if (veu && route !== veu.kind && capped > 0) veuLimitsPassed(f.caps, veu, route, trail)
    growInstalled(state, veu, commit, dest, capped)
  }
  return finish(d, trail)
}

/**
 * A VEU's deal that goes another way (LPP, a licence) still adds its 3A090.a TPP to the VEU's
 * installed base, which the VEU's own limits measure however the items arrived (the NVEU allocation is
 * of "installed base … as measured by the collective computing power of items subject to ECCNs
 * 3A090.a"; the UVEU shares are of its global AI computing power). When that passes one of them, the
 * deal says so on the route it took: the other route does not lift the VEU's limit.
 */
function veuLimitsPassed(caps: readonly CapEffect[], veu: VeuRef, route: Authorization, trail: Trail): void {
  for (let k = 0; k < caps.length; k++) {
    const c = caps[k]!
    // Every cap kind but the country allocation and LPP is a VEU's own.
    if (!c.exceeded || c.kind === 'country' || c.kind === 'lpp') continue
    trail.warn(
      'cap_exceeded',
      `This deal ships under ${route}, but it adds to the installed base of ${veu.kind} ${veu.id}, which then passes its limit ${c.bucket}: ${veu.kind === 'NVEU' ? 'an' : 'a'} ${veu.kind}'s limits count its items however they arrived. Confirm with counsel before relying on ${route} for it.`,
      c.bucket,
    )
  }
}

/**
 * The buckets the deal consumes or projects through its route, those of the route it asked for, and,
 * for a licence, the exceeded buckets that explain why an exception was unavailable.
 */
function capsOfRoute(
  caps: CapEffect[],
  route: Authorization,
  requestedAuth: Authorization | undefined,
): CapEffect[] {
  const routeKinds = ROUTE_BUCKETS[route]
  const requested = requestedAuth ? ROUTE_BUCKETS[requestedAuth] : undefined
  let kept: CapEffect[] | undefined
  for (let k = 0; k < caps.length; k++) {
    const c = caps[k]!
    const keep =
      c.counted ||
      routeKinds?.includes(c.kind) ||
      requested?.includes(c.kind) ||
      (route === 'LICENSE' && c.exceeded)
    // Usually every effect is kept: the list is then `caps` itself (finish copies it to its length).
    if (!keep) kept ??= caps.slice(0, k)
    else if (kept) kept.push(c)
  }
  return kept ?? caps
}

/** Records the route's usage, outcome and steps. */
function takeRoute(f: LicenceFacts, route: Authorization): void {
  const { pack, rt, d, trail } = f
  const ex = pack.exceptions
  switch (route) {
    case 'AIA':
      trail.shared(
        sharedStep(rt, 'AIA: tier-1 destination and tier-1 headquarters; no licence needed.', ex.aia!),
      )
      trail.sharedWarn(AIA_ASSUMPTION)
      d.outcome = 'allowed'
      break
    case 'LPP':
      lppRoute(f)
      break
    case 'NVEU':
    case 'UVEU': {
      // Only a deal that ships under the NVEU relies on what its authorization covers.
      if (route === 'NVEU' && !f.veu!.countries)
        trail.warn(
          'missing_data',
          `The countries NVEU ${f.veu!.id} is authorized for are not on record: ${f.dest} was not checked against its authorization.`,
        )
      for (const c of f.caps) if (c.kind !== 'lpp' && c.kind !== 'country') c.counted = true
      trail.shared(
        sharedStep(
          rt,
          `${route} ${f.veu!.id}: shipped under the validated end user's own limits, which do not count towards the country allocation.`,
          route === 'NVEU' ? pack.caps.nveu! : pack.caps.uveu!.tier2CountryMaxShare,
        ),
      )
      d.outcome = 'allowed'
      break
    }
    case 'ACA':
      trail.shared(
        sharedStep(
          rt,
          'ACA: License Exception Advanced Computing Authorized, no notification needed.',
          ex.aca!,
        ),
      )
      d.outcome = 'allowed'
      break
    case 'NAC':
      trail.shared(
        (rt.nacStep ??= sharedStep(
          rt,
          `NAC: notify BIS at least ${ex.nac!.noticeDays.value} calendar days before export (SNAP-R); ship if BIS does not require a licence.`,
          ex.nac!.noticeDays,
        )),
      )
      d.outcome = 'allowed_with_notice'
      break
    case 'STA':
      d.outcome = 'allowed'
      break
    case 'LICENSE':
      licenceReview(f)
      break
    default:
      break
  }
}

/** LPP (§ 740.29): the shipment counts against the consignee's calendar-year limit. */
function lppRoute(f: LicenceFacts): void {
  const { state, pack, rt, d, trail } = f
  const effect = findCap(f.caps, 'lpp')!
  effect.counted = true
  const spellings = lppSpellings(state)
  const folded = foldedLppId(effect.bucket)
  const ids = spellings.get(folded)
  // Usually the consignee has one spelling, this one: no Set iterator to make for it.
  const alone = ids === undefined || (ids.size === 1 && ids.has(effect.bucket))
  if (!alone)
    for (const other of ids) {
      if (other === effect.bucket) continue
      // Past the one limit, the spelling is all that keeps the deal within LPP: a cap warning, not a note.
      const together = (state.used.get(other) ?? 0) + effect.after
      const past = together > effect.limit
      trail.warn(
        past ? 'cap_exceeded' : 'assumption',
        `${effect.bucket} and ${other} differ only in case or spacing: if they are one ultimate consignee, they share one LPP limit of ${fmt(effect.limit)} TPP, and this deal brings the two to ${fmt(together)}${past ? ', past that limit' : ''}.`,
        effect.bucket,
      )
    }
  if (f.commit) {
    state.used.set(effect.bucket, effect.after)
    if (!alone) ids.add(effect.bucket)
    else if (!ids) spellings.set(folded, new Set([effect.bucket]))
  }
  trail.step(
    `LPP: ${fmt(f.capped)} TPP against ${f.deal.consignee}'s ${f.year} limit of ${fmt(effect.limit)} (${fmt(effect.before)} to ${fmt(effect.after)}); LPP shipments do not count against the country allocation.`,
    pack.caps.lpp!.limitTpp,
  )
  const notice = pack.exceptions.lpp!.notificationRequired
  if (notice.value === true) {
    d.outcome = 'allowed_with_notice'
    trail.shared(sharedStep(rt, 'LPP: the pack requires a notice to BIS.', notice))
  } else {
    d.outcome = 'allowed'
    if (notice.value === null) trail.sharedWarn(lppNoticeUnconfirmed(rt, notice))
  }
}

// No `memo` closure here: one capturing `notice` would cost a context on every LPP deal.
function lppNoticeUnconfirmed(rt: PackRuntime, notice: Citation): DeterminationWarning {
  let warning = rt.memo.get('w|lpp-notice') as DeterminationWarning | undefined
  if (!warning) {
    warning = Object.freeze({
      code: 'assumption' as const,
      message: `Whether LPP needs a notice to BIS is unconfirmed (${notice.citation}); none is assumed.`,
    })
    rt.memo.set('w|lpp-notice', warning)
  }
  return warning
}

/**
 * LPP bucket ids grouped by their consignee spelling folded (case, runs of spaces), per running
 * state. Bucket ids keep the consignee as written (the ledger's buckets are named so), so "Acme Labs"
 * and "ACME LABS" are two buckets; a deal on one of them says the other exists.
 */
const LPP_SPELLINGS = new WeakMap<EvaluationState, Map<string, Set<string>>>()

function lppSpellings(state: EvaluationState): Map<string, Set<string>> {
  let spellings = LPP_SPELLINGS.get(state)
  if (!spellings) {
    spellings = new Map()
    for (const id of state.used.keys()) if (id.startsWith('lpp:')) addSpelling(spellings, foldedLppId(id), id)
    LPP_SPELLINGS.set(state, spellings)
  }
  return spellings
}

function addSpelling(spellings: Map<string, Set<string>>, folded: string, id: string): void {
  let ids = spellings.get(folded)
  if (!ids) spellings.set(folded, (ids = new Set()))
  ids.add(id)
}

const FOLDED_LPP_IDS = new Map<string, string>()

/** An LPP bucket id with its consignee's case and runs of spaces folded: equal for spellings of one name. */
export function foldedLppId(id: string): string {
  let folded = FOLDED_LPP_IDS.get(id)
  if (folded === undefined) {
    folded = foldedName(id)
    if (FOLDED_LPP_IDS.size < MAX_INTERNED_IDS) FOLDED_LPP_IDS.set(id, folded)
  }
  return folded
}

function findCap(caps: readonly CapEffect[], kind: CapKind): CapEffect | undefined {
  for (let k = 0; k < caps.length; k++) if (caps[k]!.kind === kind) return caps[k]
  return undefined
}

function everyEndUse(reasons: readonly LicenseReason[]): boolean {
  for (let i = 0; i < reasons.length; i++) if (reasons[i]!.kind !== 'end_use') return false
  return true
}

function someEndUse(reasons: readonly LicenseReason[]): boolean {
  for (let i = 0; i < reasons.length; i++) if (reasons[i]!.kind === 'end_use') return true
  return false
}

/**
 * Slots of `PackRuntime.fixedRefusals`: refusals whose reason and source are fixed for a pack, read by
 * index instead of looked up by their text (the most frequent refusals, on most licensed deals).
 */
const FIXED = {
  aiaDestination: 0,
  aiaHeadquarters: 1,
  acaDatacenter: 2,
  nacDatacenter: 3,
  lppDestination: 4,
  lppHeadquarters: 5,
} as const

/** The refusal in a `FIXED` slot, made (and shared) on the pack's first deal that needs it. */
function fixedRefusal(
  rt: PackRuntime,
  slot: number,
  auth: Authorization,
  reason: string,
  source: Refusal['source'],
): Refusal {
  return (rt.fixedRefusals[slot] ??= sharedRefusal(rt, auth, reason, source))
}

/** An authorization the deal cannot use, and why. */
interface Refusal {
  readonly auth: Authorization
  readonly reason: string
  readonly source: { citation: string; confidence: Confidence }
  /** The "X not available" step, frozen, when the refusal is shared (see `sharedRefusal`). */
  readonly step?: Step
}

/**
 * The authorizations open to a deal, as a bit per PREFERENCE entry, and the refusals in the order they
 * were found. A per-deal Set and Map cost two hash tables and an iterator per licensed deal.
 */
class Options {
  mask = 0
  readonly refusals: Refusal[] = []

  constructor(private readonly rt: PackRuntime) {}

  add(auth: Authorization): void {
    this.mask |= authBit(auth)
  }

  has(auth: Authorization): boolean {
    return (this.mask & authBit(auth)) !== 0
  }

  /**
   * Records why `auth` is unavailable (a later refusal of the same authorization replaces it in place).
   * `stable`: the reason carries no running totals, so the refusal and its step are shared.
   */
  refuse(auth: Authorization, reason: string, source: Refusal['source'], stable = true): void {
    this.refuseWith(stable ? sharedRefusal(this.rt, auth, reason, source) : { auth, reason, source })
  }

  /** Records a refusal already made (see `fixedRefusal`). */
  refuseWith(refusal: Refusal): void {
    const auth = refusal.auth
    for (let i = 0; i < this.refusals.length; i++) {
      if (this.refusals[i]!.auth === auth) {
        this.refusals[i] = refusal
        return
      }
    }
    this.refusals.push(refusal)
  }

  refusal(auth: Authorization): Refusal | undefined {
    for (let i = 0; i < this.refusals.length; i++)
      if (this.refusals[i]!.auth === auth) return this.refusals[i]
    return undefined
  }
}

/** The bit of an authorization in `Options.mask` (0 for a string that names none). */
function authBit(auth: Authorization): number {
  const i = PREFERENCE.indexOf(auth)
  return i < 0 ? 0 : 1 << i
}

/** Which licence exceptions the deal qualifies for (§ 740.27, § 748.15, § 740.8, § 740.29), and why not. */
function availableAuthorizations(f: LicenceFacts): Options {
  const options = new Options(f.rt)
  // Is-informed / end-use requirements are not overcome by a licence exception.
  if (!someEndUse(f.reasons) && f.eccn !== 'none') {
    aiaOption(f, options)
    veuOption(f, options)
    acaOption(f, options)
    lppOption(f, options)
    nacOption(f, options)
  }
  options.add('LICENSE')
  return options
}

/** AIA (§ 740.27): tier-1 destination, entity (and ultimate parent) headquartered in tier 1; 3A090.a items. */
function aiaOption(f: LicenceFacts, options: Options): void {
  const { pack, rt } = f
  const aia = pack.exceptions.aia
  if (!aia || f.eccn !== '3A090.a') return
  const geo = rt.geo
  const ok =
    f.destView.tier === 1 &&
    (!aia.requiresTier1Headquarters ||
      (geo.view(f.consigneeHq, f.date).tier === 1 &&
        (f.parentHq === null || geo.view(f.parentHq, f.date).tier === 1)))
  if (ok) options.add('AIA')
  else if (f.destView.tier !== 1)
    options.refuseWith(fixedRefusal(rt, FIXED.aiaDestination, 'AIA', 'the destination is not tier 1', aia))
  else
    options.refuseWith(
      fixedRefusal(
        rt,
        FIXED.aiaHeadquarters,
        'AIA',
        'the consignee or its parent is headquartered outside tier 1',
        aia,
      ),
    )
}

/**
 * VEU (§ 748.15): the deal names its VEU authorization. A UVEU shipment to tier 1 that AIA already
 * covers is not checked against the distribution unless UVEU is requested.
 */
function veuOption(f: LicenceFacts, options: Options): void {
  const { state, pack, rt, d, trail } = f
  const veu = f.veu
  if (!veu) return
  if (veu.kind === 'UVEU' && options.has('AIA') && f.deal.authorization !== 'UVEU') {
    aiaUveuUsShare(f, veu)
    return
  }
  const ex = pack.exceptions
  const rule = veu.kind === 'NVEU' ? ex.nveu : ex.uveu
  if (!rule) {
    options.refuse(
      veu.kind,
      `this pack has no ${veu.kind} authorization (the diffusion framework's data-center VEU split is not enforced)`,
      pack.source,
    )
    return
  }
  const geo = rt.geo
  const veuHq = geo.canonical(veu.hq).code
  const blocked = geo.inSet(veuHq, rule.excludedHeadquarters, f.date)
    ? `the ${veu.kind} is headquartered in ${describeSet(rule.excludedHeadquarters)}`
    : geo.inSet(f.dest, rule.excludedDestinations, f.date)
      ? `data centers in ${describeSet(rule.excludedDestinations)} are excluded`
      : rule.requiresTier1Headquarters && geo.view(veuHq, f.date).tier !== 1
        ? 'a UVEU must be headquartered in tier 1'
        : f.hqOfConcern
          ? 'the consignee or its parent is headquartered in a country of concern'
          : undefined
  const uncovered = veu.kind === 'NVEU' && veu.countries && !covers(geo, veu.countries, f.dest)
  if (blocked) options.refuse(veu.kind, blocked, rule)
  else if (uncovered)
    options.refuse(
      'NVEU',
      `NVEU ${veu.id} is authorized for ${veu.countries!.join(', ')}, not ${f.dest}; each country needs its own NVEU authorization`,
      rule,
    )
  else if (veu.kind === 'NVEU') {
    const effect = nveuBucket(state, pack, rt, veu, f.dest, f.date, f.capped)
    if (!effect) options.refuse('NVEU', `the pack has no NVEU allocation for ${quarterOf(f.date)}`, rule)
    else {
      f.caps.push(effect)
      if (effect.exceeded)
        options.refuse('NVEU', `the ${quarterOf(f.date)} NVEU allocation would be exceeded`, effect)
      else options.add('NVEU')
    }
  } else {
    const effects = uveuBuckets(state, pack, rt, d, trail, veu, f.dest, f.capped, false)
    if (!effects) {
      // Not determinable only if the deal may go under the UVEU: a licensed deal, or one asking for
      // another route, is judged on that route (and a licence still counts against the allocation).
      if (f.deal.licensed || (f.deal.authorization !== undefined && f.deal.authorization !== 'UVEU')) {
        options.refuse('UVEU', `no installed base is known for UVEU ${veu.id}`, rule)
        trail.warn(
          'missing_data',
          `No installed base is known for UVEU ${veu.id}; its distribution was not checked.`,
        )
      } else
        trail.missing.push(`installedBase for UVEU ${veu.id} (its distribution cannot be checked without it)`)
      return
    }
    const breached: string[] = []
    for (const e of effects) {
      f.caps.push(e)
      if (e.exceeded) breached.push(e.bucket)
    }
    if (breached.length)
      options.refuse(
        'UVEU',
        `the UVEU distribution limits would be breached (${breached.join(', ')})`,
        findExceeded(effects)!,
        false,
      )
    else options.add('UVEU')
  }
}

/** Whether a list of places (as written) includes `dest` (canonical). */
function covers(geo: PackGeography, places: readonly string[], dest: Iso2): boolean {
  for (let i = 0; i < places.length; i++) if (geo.canonical(places[i]!).code === dest) return true
  return false
}

/**
 * A UVEU shipment AIA covers goes to tier 1, so it cannot lower the UVEU's tier-1 share or raise a
 * tier-2 one; it can lower a US-headquartered UVEU's US share. It still adds to the UVEU's installed
 * base, so a breach it causes is said on this deal rather than found on a later one.
 */
function aiaUveuUsShare(f: LicenceFacts, veu: VeuRef): void {
  const limits = f.pack.caps.uveu
  if (!limits || f.dest === 'US' || f.rt.geo.canonical(veu.hq).code !== 'US') return
  const shares = uveuShares(f.state, veu.id, f.rt.geo, f.date)
  if (!shares) return
  const min = limits.usMinShareForUsHq.value
  const before = share(shares.us, shares.total)
  const after = share(shares.us, shares.total + f.capped)
  if (after >= min - 1e-9) return
  f.trail.warn(
    'cap_exceeded',
    `${bucketIds.uveuUs(veu.id)}: this shipment under AIA takes ${veu.id}'s US share from ${pct(before)} to ${pct(after)}, below the ${pct(min)} a US-headquartered UVEU keeps in the US; its shipments under the UVEU are refused until the share is restored.`,
    bucketIds.uveuUs(veu.id),
  )
}

function findExceeded(caps: readonly CapEffect[]): CapEffect | undefined {
  for (let k = 0; k < caps.length; k++) if (caps[k]!.exceeded) return caps[k]
  return undefined
}

/** ACA (§ 740.8): D:1/D:4 destinations other than D:5/Macau, no D:5/Macau-headquartered entity, not datacenter 3A090.a. */
function acaOption(f: LicenceFacts, options: Options): void {
  const { pack, rt } = f
  const aca = pack.exceptions.aca
  if (!aca) return
  const inScope =
    (rt.geo.inSet(f.dest, aca.destinations, f.date) &&
      !rt.geo.inSet(f.dest, aca.excluded, f.date) &&
      !f.hqOfConcern) ||
    transferWithin(f, aca.transfersWithin)
  if (inScope && !f.datacenterA) options.add('ACA')
  else if (inScope)
    options.refuseWith(
      fixedRefusal(
        rt,
        FIXED.acaDatacenter,
        'ACA',
        'datacenter-class 3A090.a items are excluded',
        aca.excludesDatacenterA,
      ),
    )
}

/** Whether the deal is an in-country transfer within `places` (ACA's D:5/Macau prong). */
function transferWithin(f: LicenceFacts, places: (CountrySet & Citation) | undefined): boolean {
  return f.deal.transaction === 'transfer' && places !== undefined && f.rt.geo.inSet(f.dest, places, f.date)
}

/**
 * LPP (§ 740.29): 3A090.a, not to excluded destinations or headquarters, within the consignee's
 * calendar-year limit. Skipped when the deal is licensed or AIA already covers it, so no LPP bucket
 * shows that it never uses.
 */
function lppOption(f: LicenceFacts, options: Options): void {
  const { state, pack, rt } = f
  const lpp = pack.exceptions.lpp
  const cap = pack.caps.lpp
  if (
    !lpp ||
    !cap ||
    f.eccn !== '3A090.a' ||
    f.deal.licensed ||
    (options.has('AIA') && f.deal.authorization !== 'LPP')
  )
    return
  const geo = rt.geo
  const hqExcluded = lpp.excludedHeadquarters ?? lpp.excluded
  if (refusedForTransaction(f, options, 'LPP', lpp.transactions)) return
  if (geo.inSet(f.dest, lpp.excluded, f.date)) {
    options.refuseWith(
      fixedRefusal(
        rt,
        FIXED.lppDestination,
        'LPP',
        `LPP is not available to ${describeSet(lpp.excluded)}`,
        lpp.excluded,
      ),
    )
    return
  }
  if (
    (f.consigneeHq && geo.inSet(f.consigneeHq, hqExcluded, f.date)) ||
    (f.parentHq && geo.inSet(f.parentHq, hqExcluded, f.date))
  ) {
    options.refuseWith(
      fixedRefusal(
        rt,
        FIXED.lppHeadquarters,
        'LPP',
        `LPP is not available to entities headquartered in ${describeSet(hqExcluded)}`,
        hqExcluded,
      ),
    )
    return
  }
  const effect = tppCeiling(
    state,
    LPP_IDS.get(f.deal.consignee, f.year),
    'lpp',
    cap.limitTpp.value,
    f.capped,
    cap.limitTpp,
  )
  f.caps.push(effect)
  if (effect.exceeded)
    options.refuse(
      'LPP',
      `the consignee's ${f.year} LPP limit of ${fmt(effect.limit)} TPP would be exceeded (${fmt(effect.before)} used)`,
      cap.limitTpp,
      false,
    )
  else options.add('LPP')
}

/**
 * Refuses `auth` when the pack limits it to some kinds of transaction (export, reexport, transfer) and
 * the deal is another (a deal that does not say is an export). True when it did.
 */
function refusedForTransaction(
  f: LicenceFacts,
  options: Options,
  auth: Authorization,
  scope: Cited<TransactionKind[]> | undefined,
): boolean {
  const kind = f.deal.transaction ?? 'export'
  if (!scope || scope.value.includes(kind)) return false
  options.refuse(auth, `${auth} covers ${scope.value.join(' and ')} only, not a ${kind}`, scope)
  return true
}

/** NAC (§ 740.8): D:5/Macau destinations or D:5/Macau-headquartered entities, not datacenter 3A090.a; 25-day notice. */
function nacOption(f: LicenceFacts, options: Options): void {
  const { pack, rt } = f
  const nac = pack.exceptions.nac
  if (!nac) return
  const inScope = rt.geo.inSet(f.dest, nac.destinations, f.date) || f.hqOfConcern
  if (!inScope) return
  if (refusedForTransaction(f, options, 'NAC', nac.transactions)) return
  if (!f.datacenterA) options.add('NAC')
  else
    options.refuseWith(
      fixedRefusal(
        rt,
        FIXED.nacDatacenter,
        'NAC',
        'datacenter-class 3A090.a items are excluded',
        nac.excludesDatacenterA,
      ),
    )
}

/** Whether any line is one of `chips` (catalogue ids). */
function namesAnyChip(lines: readonly LineDetermination[], chips: readonly string[]): boolean {
  for (let i = 0; i < lines.length; i++) {
    const id = catalogueIdentity(lines[i]!.classification)
    if (id && chips.includes(id)) return true
  }
  return false
}

/**
 * Why the figures of a line's chip (one the book describes, or inline) cannot be taken, as an item of
 * the determination's `missing` list; or undefined, after warning of figures that merely differ from
 * the catalogue's.
 * - A TPP of 0 is a placeholder for "unknown" more often than a chip's throughput: it must not pass
 *   as a chip below every threshold.
 * - Figures that take a catalogue chip below its own classification under this pack are a typo as
 *   often as a variant: the deal is not cleared on them until the chip is named as the other chip it is.
 */
function doubtfulFigures(
  rt: PackRuntime,
  cls: ClassifiedChip,
  label: string,
  i: number,
  datacenter: boolean | undefined,
  trail: Trail,
): string | undefined {
  if (cls.tpp !== null && cls.tpp <= 0) return `lines[${i}].tpp for "${label}" (0 is not a TPP)`
  const differs = differsFromCatalogue(rt, cls, datacenter)
  if (!differs) return undefined
  if (differs.lower)
    return `lines[${i}].tpp for "${label}" (given as ${differs.given}, which would classify it ${differs.eccnGiven}; the catalogue's ${differs.name} has ${differs.tpp}, ${differs.eccn}: correct the figures, or give a different chip a name of its own)`
  trail.warn(
    'assumption',
    `Line ${i + 1}: "${label}" is given with TPP ${differs.given}, not the ${differs.tpp} of the catalogue's ${differs.name}; the figures given are used.`,
  )
  return undefined
}

/**
 * For a chip the book describes itself or inline under a catalogue chip's name: the two TPPs when they
 * differ (a typo, or a "0" for unknown, would otherwise pass silently as a chip below every threshold),
 * and whether the figures given classify it lower than the catalogue chip under this pack. Only lines
 * without a catalogue id get here, and they are few: no cache.
 */
function differsFromCatalogue(
  rt: PackRuntime,
  cls: ClassifiedChip,
  datacenter: boolean | undefined,
): { given: string; tpp: string; name: string; lower: boolean; eccnGiven: string; eccn: string } | null {
  const chip = findCatalogueChip(cls.name)
  const tpp = chip ? tppOf(chip) : null
  if (!chip || tpp === null || cls.tpp === null || Math.abs(cls.tpp - tpp) <= 1e-6 * Math.max(1, tpp))
    return null
  const own = classifyChip(
    chip,
    datacenter === undefined ? { thresholds: rt.thresholds } : { thresholds: rt.thresholds, datacenter },
  )
  const lower = cls.eccn !== null && own.eccn !== null && ECCN_RANK[cls.eccn] < ECCN_RANK[own.eccn]
  return {
    given: fmt(cls.tpp),
    tpp: fmt(tpp),
    name: chip.name,
    lower,
    eccnGiven: cls.eccn === 'none' ? 'not 3A090' : `${cls.eccn}`,
    eccn: own.eccn === 'none' || own.eccn === null ? 'not 3A090' : own.eccn,
  }
}

/**
 * The catalogue chip a line is, for rules that name chips (the H20/MI308 is-informed letters): its
 * catalogue id, or, for a chip the book defines itself or gives inline (to add a DRAM bandwidth, say),
 * the catalogue chip its name names. A book cannot take a named chip out of such a rule by describing
 * it in its own words.
 */
function catalogueIdentity(cls: ClassifiedChip): string | null {
  return cls.catalogueId ?? findCatalogueChip(cls.name)?.id ?? null
}

function pick(c: Citation): { citation: string; confidence: Confidence } {
  return { citation: c.citation, confidence: c.confidence }
}

function nveuBucket(
  state: EvaluationState,
  pack: RulePack,
  rt: PackRuntime,
  veu: VeuRef,
  dest: Iso2,
  date: string,
  capped: number,
): CapEffect | undefined {
  const quarter = quarterOf(date)
  const limit = rt.nveuByQuarter.get(quarter)
  if (limit === undefined || !pack.caps.nveu) return undefined
  // Cumulative installed base per NVEU per country (§ 748.15(a)(2)(iii)(B)): "not newly available TPP".
  let before = 0
  const installed = state.installed.get(veu.id)
  if (installed) for (const [code, tpp] of installed) if (rt.geo.canonical(code).code === dest) before += tpp
  // The schedule names every quarter `nveuByQuarter` knows (its limit is defined); bounded all the same.
  const schedule = pack.caps.nveu.schedule
  let q = 0
  while (q < schedule.length && schedule[q]!.quarter !== quarter) q++
  const entry = schedule[q]
  if (!entry) return undefined
  return capEffect(
    bucketIds.nveu(veu.id, dest, quarter),
    'nveu',
    'tpp',
    'max',
    limit,
    before,
    before + capped,
    entry,
  )
}

/**
 * UVEU distribution (Supp. No. 10 to Part 748 para 6, as reported): ≥ 75% of the UVEU's installed TPP in
 * tier 1, ≤ 7% in any one tier-2 country, ≥ 50% in the US for a US-headquartered UVEU. Shares are of the
 * total after the deal. Undefined when the UVEU's installed base is unknown.
 */
function share(x: number, total: number): number {
  return total > 0 ? x / total : 0
}

function uveuBuckets(
  state: EvaluationState,
  pack: RulePack,
  rt: PackRuntime,
  d: Determination,
  trail: Trail,
  veu: VeuRef,
  dest: Iso2,
  capped: number,
  attach: boolean,
): CapEffect[] | undefined {
  const limits = pack.caps.uveu
  if (!limits) return []
  const date = d.date
  const shares = uveuShares(state, veu.id, rt.geo, date)
  if (!shares) {
    if (attach)
      trail.warn(
        'missing_data',
        `No installed base is known for UVEU ${veu.id}; its distribution was not checked.`,
      )
    return undefined
  }
  const destTier = rt.geo.view(dest, date).tier
  const total1 = shares.total + capped
  const effects: CapEffect[] = []
  if (destTier === 2) {
    const c0 = shares.byCountry.get(dest) ?? 0
    effects.push(
      capEffect(
        bucketIds.uveuCountry(veu.id, dest),
        'uveu_country',
        'share',
        'max',
        limits.tier2CountryMaxShare.value,
        share(c0, shares.total),
        share(c0 + capped, total1),
        limits.tier2CountryMaxShare,
      ),
    )
  }
  effects.push(
    capEffect(
      bucketIds.uveuTier1(veu.id),
      'uveu_tier1',
      'share',
      'min',
      limits.tier1MinShare.value,
      share(shares.tier1, shares.total),
      share(shares.tier1 + (destTier === 1 ? capped : 0), total1),
      limits.tier1MinShare,
    ),
  )
  if (rt.geo.canonical(veu.hq).code === 'US') {
    effects.push(
      capEffect(
        bucketIds.uveuUs(veu.id),
        'uveu_us',
        'share',
        'min',
        limits.usMinShareForUsHq.value,
        share(shares.us, shares.total),
        share(shares.us + (dest === 'US' ? capped : 0), total1),
        limits.usMinShareForUsHq,
      ),
    )
  }
  for (const e of effects) {
    trail.step(
      `${e.bucket}: ${pct(e.before)} to ${pct(e.after)} of ${veu.id}'s installed TPP (${e.bound === 'max' ? 'at most' : 'at least'} ${pct(e.limit)}).`,
      e,
    )
  }
  if (attach) {
    for (const e of effects) e.counted = true
    d.caps = d.caps.length ? [...d.caps, ...effects] : effects
    for (const e of effects) alertCaps(pack, e, trail)
  }
  return effects
}

/** What the licence path needs to know about a deal, gathered once, and where it records its findings. */
interface LicenceFacts {
  state: EvaluationState
  pack: RulePack
  rt: PackRuntime
  d: Determination
  trail: Trail
  deal: Deal
  dest: Iso2
  destView: CountryView
  consigneeHq: Iso2
  parentHq: Iso2 | null
  veu: VeuRef | undefined
  date: string
  year: string
  eccn: Eccn
  capped: number
  lines: LineDetermination[]
  reasons: readonly LicenseReason[]
  hqOfConcern: boolean
  destOfConcern: boolean
  destinationReason: boolean
  datacenterA: boolean
  endUseOnly: boolean
  caps: CapEffect[]
  commit: boolean
}

/** Review policy of a licence, by the paragraph that created the requirement. */
function licenceReview(f: LicenceFacts): void {
  const { pack, rt, d, trail } = f
  const rp = pack.reviewPolicies
  const date = d.date
  const geo = rt.geo
  let policy: ReviewPolicy | null = null
  let source: Citation | undefined
  const diffusionA = pack.regime === 'ai_diffusion' && f.eccn === '3A090.a'

  if (f.endUseOnly) {
    const rule = endUseRuleOf(pack, f.reasons)
    policy = rule?.reviewPolicy.value ?? null
    source = rule?.reviewPolicy
  } else if (f.destOfConcern) {
    const china = rp.chinaCaseByCase
    if (china && date >= china.from && china.destinations.includes(f.dest)) {
      const r = chinaRule(china, f)
      if (r === 'missing') return
      ;[policy, source] = r
    } else {
      policy = rp.destinationOfConcern.value
      source = rp.destinationOfConcern
    }
  } else if (f.hqOfConcern) {
    if (!diffusionA && !f.destinationReason && rp.headquartersRuleNonDatacenter && !f.datacenterA) {
      // Licence only from the headquarters rule (§ 744.23(a)(3)): § 744.23(d)(3)(i) makes it case-by-case
      // except for datacenter-class 3A090.a.
      policy = rp.headquartersRuleNonDatacenter.value
      source = rp.headquartersRuleNonDatacenter
    } else {
      policy = rp.headquartersOfConcern.value
      source = rp.headquartersOfConcern
    }
    if (rp.headquartersRuleNonDatacenter) majorityOwnershipAssumed(f)
    // The review follows the headquarters, but a licence granted to a tier-2 destination still uses its
    // allocation: progress is the TPP "licensed to each destination", with no headquarters exception.
    if (diffusionA && f.destView.tier === 2 && pack.caps.countryAllocation) allocationEffect(f)
  } else if (diffusionA && rp.tier1 && rp.withinAllocation && pack.caps.countryAllocation) {
    const tier1Entity =
      geo.view(f.consigneeHq, date).tier === 1 &&
      (f.parentHq === null || geo.view(f.parentHq, date).tier === 1)
    if (f.destView.tier === 1 || tier1Entity) {
      policy = rp.tier1.value
      source = rp.tier1
    }
    if (f.destView.tier === 2) {
      const r = allocation(f, tier1Entity)
      if (r === 'missing') return
      if (!tier1Entity) [policy, source] = r
    }
  } else {
    policy = rp.default.value
    source = rp.default
  }

  d.reviewPolicy = policy
  if (policy && source) {
    trail.shared(sharedStep(rt, REVIEW_TEXT[policy], source))
    d.outcome = OUTCOME_OF_POLICY[policy]
    if (f.deal.licensed) {
      // The licence is held; the outcome says what the deal needs, not what BIS would decide now.
      d.outcome = 'license_required'
      if (OUTCOME_OF_POLICY[policy] === 'likely_denied') {
        trail.sharedWarn(LICENSED_ALTHOUGH_DENIED[policy])
      }
    }
  } else {
    trail.sharedWarn(POLICY_UNPUBLISHED_WARNING)
    trail.shared(
      sharedStep(rt, 'The review policy for this licence requirement is not published.', source ?? NO_SOURCE),
    )
    d.outcome = 'license_required'
  }
}

/** The end-use rule behind a deal's (end-use) licence reasons: the first whose title a reason gives. */
function endUseRuleOf(pack: RulePack, reasons: readonly LicenseReason[]) {
  return pack.licensing.endUse.find((r) => reasons.some((x) => x.text === r.title))
}

/**
 * § 744.23(d)(2): an end user headquartered in the US, A:5 or A:6 that is not majority-owned by a
 * D:5/Macau entity gets a presumption of approval. The engine knows the ultimate parent's headquarters,
 * not the shareholding, and treats a parent there as majority owner: the determination says so.
 */
function majorityOwnershipAssumed(f: LicenceFacts): void {
  const { rt, pack, date } = f
  if (f.parentHq === null || rt.geo.inSet(f.consigneeHq, pack.licensing.headquarters, date)) return
  const groups = rt.geo.view(f.consigneeHq, date).groups
  if (f.consigneeHq !== 'US' && !groups.has('A:5') && !groups.has('A:6')) return
  f.trail.sharedWarn(
    sharedWarning(
      rt,
      'assumption',
      `The consignee, headquartered in ${nameOf(f.consigneeHq)}, is taken to be majority-owned by its ultimate parent in ${nameOf(f.parentHq)}; if it is not, 15 CFR 744.23(d)(2) reviews its licence under a presumption of approval.`,
    ),
  )
}

function chinaRule(
  china: NonNullable<RulePack['reviewPolicies']['chinaCaseByCase']>,
  f: LicenceFacts,
): [ReviewPolicy, Citation] | 'missing' {
  const { rt, trail } = f
  const failures: string[] = []
  const kind = f.deal.transaction ?? 'export'
  if (china.exportsOnly.value && kind !== 'export')
    failures.push(`it covers exports from the US only, not a ${kind}`)
  const certs = new Set(f.deal.certifications ?? [])
  const lacking = china.requiredCertifications.value.filter((c) => !certs.has(c))
  if (lacking.length) failures.push(`certifications missing: ${lacking.join(', ')}`)
  const bandwidthMissing: string[] = []
  f.lines.forEach((l, i) => {
    const c = l.classification
    if (c.eccn === 'none') return
    if (c.tpp !== null && c.tpp >= china.maxTppExclusive.value)
      failures.push(`line ${i + 1} (${c.name}) has TPP ${fmt(c.tpp)} ≥ ${fmt(china.maxTppExclusive.value)}`)
    else if (c.dramBandwidth === null) bandwidthMissing.push(`lines[${i}].dramBandwidth for "${c.name}"`)
    else if (c.dramBandwidth <= 0)
      // A 0 is a placeholder for "unknown" more often than a bandwidth: it must not pass the screen.
      bandwidthMissing.push(`lines[${i}].dramBandwidth for "${c.name}" (0 is not a bandwidth)`)
    else if (c.dramBandwidth >= china.maxDramBandwidthExclusive.value)
      failures.push(
        `line ${i + 1} (${c.name}) has DRAM bandwidth ${fmt(c.dramBandwidth)} GB/s ≥ ${fmt(china.maxDramBandwidthExclusive.value)}`,
      )
  })
  if (failures.length) {
    trail.shared(
      sharedStep(
        rt,
        `The ${china.from} China/Macau case-by-case rule does not apply: ${failures.join('; ')}.`,
        china,
      ),
    )
    return ['presumption_of_denial', chinaDenial(rt, china)]
  }
  if (bandwidthMissing.length) {
    trail.missing.push(...bandwidthMissing)
    trail.shared(
      sharedStep(
        rt,
        `The ${china.from} China/Macau case-by-case rule needs DRAM bandwidth below ${fmt(china.maxDramBandwidthExclusive.value)} GB/s for every line.`,
        china.maxDramBandwidthExclusive,
      ),
    )
    return 'missing'
  }
  trail.shared(
    (rt.chinaStep ??= sharedStep(
      rt,
      `H200-class chips (TPP < ${fmt(china.maxTppExclusive.value)}, DRAM bandwidth < ${fmt(china.maxDramBandwidthExclusive.value)} GB/s) exported from the US with the exporter certifications the rule requires (${china.requiredCertifications.value.join(', ')}).`,
      china.maxTppExclusive,
    )),
  )
  if (china.exportsOnly.value && f.deal.transaction === undefined)
    trail.sharedWarn(
      sharedWarning(
        rt,
        'assumption',
        'The deal does not say what kind of transaction it is; an export from the US is assumed, which the China/Macau case-by-case rule requires.',
      ),
    )
  for (const cond of china.uncheckedConditions.value) {
    trail.sharedWarn(
      sharedWarning(
        rt,
        'unchecked_condition',
        `Not checked by the engine: ${cond} (${china.uncheckedConditions.citation}).`,
      ),
    )
  }
  return ['case_by_case', china]
}

/** The citation of the presumption of denial that applies when the China/Macau rule does not (one per rule). */
function chinaDenial(
  rt: PackRuntime,
  china: NonNullable<RulePack['reviewPolicies']['chinaCaseByCase']>,
): Citation {
  return memo(rt, 'c|china-denial', () => ({
    citation: `${china.citation}: otherwise presumption of denial (15 CFR 742.6(b)(10)(ii))`,
    confidence: 'primary' as const,
  }))
}

/** Tier-2 country allocation (§ 742.6(b)(10)(iii)(B)): presumption of approval up to it, denial after. */
function allocation(f: LicenceFacts, tier1Entity: boolean): [ReviewPolicy, Citation] | 'missing' {
  const { pack, rt, d, trail } = f
  const cap = pack.caps.countryAllocation!
  const effect = allocationEffect(f)
  if (!effect) {
    const period = cap.period.value
    trail.missing.push(
      `a country allocation for ${d.date.slice(0, 4)} (the pack sets one for ${period.from.slice(0, 4)}-${period.to.slice(0, 4)} only)`,
    )
    trail.shared(
      sharedStep(
        rt,
        `BIS said it would review allocations for years after ${period.to.slice(0, 4)} annually; none is encoded.`,
        cap.period,
      ),
    )
    return 'missing'
  }
  const { before, limit } = effect
  if (tier1Entity) trail.sharedWarn(TIER1_ENTITY_ALLOCATION_WARNING)
  if (!effect.exceeded)
    return [pack.reviewPolicies.withinAllocation!.value, pack.reviewPolicies.withinAllocation!]
  if (before >= limit) {
    // By place: once an allocation is used up, every later licence to it says so.
    let step = rt.usedUpSteps.get(f.dest)
    if (!step) {
      step = sharedStep(rt, `The ${nameOf(f.dest)} allocation is used up.`, cap.afterExhausted)
      if (rt.usedUpSteps.size < MAX_SHARED_TEXTS) rt.usedUpSteps.set(f.dest, step)
    }
    trail.shared(step)
  } else
    trail.step(
      `This application would pass the ${nameOf(f.dest)} allocation; only ${fmt(Math.max(0, limit - before))} TPP remains within it.`,
      cap.afterExhausted,
    )
  // Said as a step, next to the allocation it overrides, not only as a warning.
  if (tier1Entity)
    trail.shared(
      sharedStep(
        rt,
        'The denial after the allocation does not reach this application: the consignee and its parent are headquartered in tier 1, whose entities are reviewed under a presumption of approval wherever the destination.',
        pack.reviewPolicies.tier1!,
      ),
    )
  return [cap.afterExhausted.value, cap.afterExhausted]
}

/**
 * The deal's effect on its tier-2 destination's allocation, with its step: counted when the deal is
 * licensed (only licensed TPP counts, whoever the licensee), else projected. Undefined outside the
 * allocation's period.
 */
function allocationEffect(f: LicenceFacts): CapEffect | undefined {
  const { state, pack, rt, d, trail } = f
  const cap = pack.caps.countryAllocation!
  const allocation = allocationLimit(pack, f.dest, d.date)
  if (!allocation) return undefined
  const { limit, arrangement } = allocation
  const period = cap.period.value
  const effect = tppCeiling(
    state,
    COUNTRY_IDS.get(f.dest, ''),
    'country',
    limit,
    f.capped,
    arrangement ? cap.governmentIncrease : cap.limitTpp,
  )
  const { bucket, before } = effect
  f.caps.push(effect)
  if (arrangement)
    trail.shared(
      sharedStep(
        rt,
        `${nameOf(f.dest)} has a government-to-government arrangement: allocation raised to ${fmt(limit)} TPP.`,
        arrangement,
      ),
    )
  // Only licensed TPP counts (§ 742.6(b)(10)(iii)(B)(1)); a deal not yet licensed is a projection.
  if (f.deal.licensed) {
    effect.counted = true
    if (f.commit) state.used.set(bucket, effect.after)
  }
  trail.step(
    `${bucket}: ${fmt(before)} to ${fmt(effect.after)} of ${fmt(limit)} TPP (${period.from.slice(0, 4)}-${period.to.slice(0, 4)}, licensed TPP only)${f.deal.licensed ? '' : '; projected, counted once licensed'}.`,
    cap.limitTpp,
  )
  return effect
}

// ---------------------------------------------------------------------------------------------
// Whole books
// ---------------------------------------------------------------------------------------------

/** Deals in evaluation order: by date, then id (then book position). */
export function orderDeals(deals: readonly Deal[]): Deal[] {
  // A book spans a few hundred dates: grouping by date and sorting only the distinct dates is a linear
  // pass, where a comparison sort of 100,000 deals was ~5% of an evaluation. Within a date, deals are
  // usually already in id order (a ledger numbers them as they come); only a group that is not is sorted.
  const byDate = new Map<string, number[]>()
  for (let i = 0; i < deals.length; i++) {
    const date = String(deals[i]!.date)
    const group = byDate.get(date)
    if (group) group.push(i)
    else byDate.set(date, [i])
  }
  const dates = [...byDate.keys()].sort()
  const out: Deal[] = []
  for (const date of dates) {
    const group = byDate.get(date)!
    if (!inIdOrder(deals, group)) group.sort((a, b) => compareIds(deals, a, b))
    for (const i of group) out.push(deals[i]!)
  }
  return out
}

function inIdOrder(deals: readonly Deal[], group: readonly number[]): boolean {
  for (let k = 1; k < group.length; k++) if (compareIds(deals, group[k - 1]!, group[k]!) > 0) return false
  return true
}

function compareIds(deals: readonly Deal[], a: number, b: number): number {
  const idA = String(deals[a]!.id)
  const idB = String(deals[b]!.id)
  return idA < idB ? -1 : idA > idB ? 1 : a - b
}

/**
 * Evaluates a whole book in date order (then id) against one pack or `auto`, with optional opening
 * balances, handing each determination to `visit` as it is made (nothing is retained: use this to
 * stream a large book to a file or a ledger). The book's installed base is added to the opening one.
 */
export function evaluateEach(
  book: DealBook,
  pack: RulePack | 'auto',
  visit: (determination: Determination) => void,
  options: { opening?: OpeningBalances; packs?: readonly RulePack[] } = {},
): EvaluationState {
  const opening: OpeningBalances = {
    used: options.opening?.used ?? {},
    installedBase: [...(options.opening?.installedBase ?? []), ...(book.installedBase ?? [])],
  }
  const state = createEvaluationState(pack, opening, options.packs)
  const ctx = createDealContext(book)
  for (const deal of orderDeals(book.deals)) visit(evaluateDeal(state, deal, ctx))
  return state
}

/** Evaluates a whole book (see `evaluateEach`) and returns the determinations in evaluation order. */
export function evaluate(
  book: DealBook,
  pack: RulePack | 'auto',
  options: { opening?: OpeningBalances; packs?: readonly RulePack[] } = {},
): Determination[] {
  const out: Determination[] = []
  evaluateEach(book, pack, (d) => out.push(d), options)
  return out
}

/**
 * The buckets a deal could touch under a pack (before knowing the route), so a caller can fetch usage
 * first. Country allocation only for tier-2 destinations of packs with allocations.
 */
export function bucketsForDeal(deal: Deal, pack: RulePack, ctx: DealContext = {}): BucketRef[] {
  const out: BucketRef[] = []
  if (!deal.destination || !isIsoDate(deal.date)) return out
  const geo = geographyOf(pack)
  const dest = geo.canonical(deal.destination).code
  const view = geo.view(dest, deal.date)
  if (pack.caps.countryAllocation && view.tier === 2)
    out.push({ bucket: bucketIds.country(dest), kind: 'country', unit: 'tpp' })
  if (pack.caps.lpp && typeof deal.consignee === 'string')
    out.push({ bucket: bucketIds.lpp(deal.consignee, deal.date.slice(0, 4)), kind: 'lpp', unit: 'tpp' })
  const veu = partiesOf(deal, ctx).veu
  if (veu?.kind === 'NVEU' && pack.caps.nveu)
    out.push({ bucket: bucketIds.nveu(veu.id, dest, quarterOf(deal.date)), kind: 'nveu', unit: 'tpp' })
  if (veu?.kind === 'UVEU' && pack.caps.uveu) {
    if (view.tier === 2)
      out.push({ bucket: bucketIds.uveuCountry(veu.id, dest), kind: 'uveu_country', unit: 'share' })
    out.push({ bucket: bucketIds.uveuTier1(veu.id), kind: 'uveu_tier1', unit: 'share' })
    if (geo.canonical(veu.hq).code === 'US')
      out.push({ bucket: bucketIds.uveuUs(veu.id), kind: 'uveu_us', unit: 'share' })
  }
  return out
}
