/**
 * Types of the rule engine: rule packs, deals and deal books, chip classification and
 * determinations. Shared by the evaluator (shared/rules), the ledger (electron/db, electron/core),
 * the CLI and the UI.
 *
 * Stability: these types are a contract. Change them only by adding optional fields or new union
 * members that consumers can ignore.
 */

/** ISO 3166-1 alpha-2 code, upper case (e.g. `IN`). Hong Kong (`HK`) is evaluated as China (`CN`). */
export type Iso2 = string

/** Calendar date `YYYY-MM-DD` (no time zone; the EAR works in calendar days). */
export type IsoDate = string

/**
 * How sure the reference is of a value, carried from the reference's tags:
 * - `primary`: regulation or official text ([P] / [PRIMARY]);
 * - `secondary`: law firm, analyst or press ([S] / [SECONDARY]);
 * - `weak`: a single weak source ([W]);
 * - `derived`: arithmetic from cited figures ([D]), not a published number;
 * - `unconfirmed`: no source found, or the reference marks it NOT CONFIRMED / UNCONFIRMED.
 * For ranking use `CONFIDENCE_ORDER` (derived ranks above weak: it is arithmetic on cited figures).
 */
export type Confidence = 'primary' | 'secondary' | 'weak' | 'derived' | 'unconfirmed'

/** Most to least reliable. A determination's confidence is the least reliable of its steps. */
export const CONFIDENCE_ORDER: readonly Confidence[] = [
  'primary',
  'secondary',
  'derived',
  'weak',
  'unconfirmed',
]

/** Where a value comes from and how sure we are of it. */
export interface Citation {
  /** Human-readable source, e.g. `15 CFR 742.6(b)(10)(iii)(B)(1) (90 FR 4544)`. */
  citation: string
  confidence: Confidence
  /** Caveats, conflicts between sources, or why the confidence is what it is. */
  note?: string
}

/** A value with its citation and confidence; every number in a pack is one of these. */
export interface Cited<T> extends Citation {
  value: T
}

/** EAR country groups (Supplement No. 1 to Part 740) the engine uses. */
export type CountryGroup = 'A:5' | 'A:6' | 'D:1' | 'D:3' | 'D:4' | 'D:5' | 'E:1' | 'E:2'

export const COUNTRY_GROUPS: readonly CountryGroup[] = [
  'A:5',
  'A:6',
  'D:1',
  'D:3',
  'D:4',
  'D:5',
  'E:1',
  'E:2',
]

/** `as_written`: a rule as published; `enforced`: the regime BIS enforces; `scenario`: a user's edited copy. */
export type PackStatus = 'as_written' | 'enforced' | 'scenario'

/**
 * Which decision procedure the evaluator runs for the pack's 3A090.a items:
 * - `ai_diffusion`: the January 2025 framework (tiers, worldwide licence for .a items, AIA/LPP/VEU, allocations);
 * - `advanced_computing`: the 2023/2024 controls (D:1/D:4/D:5 minus A:5/A:6, headquarters rule, NAC/ACA).
 * 3A090.b items follow the advanced-computing procedure under both.
 */
export type Regime = 'ai_diffusion' | 'advanced_computing'

/** Highest classification of a chip or deal. `none` = not 3A090 (below every threshold). */
export type Eccn = '3A090.a' | '3A090.b' | 'none'

/** Paragraph of 3A090 that catches the chip. */
export type EccnParagraph = 'a.1' | 'a.2' | 'b.1' | 'b.2'

export type Tier = 1 | 2 | 3

/**
 * Authorization a deal can ship under:
 * `NLR` no licence required; `AIA` Artificial Intelligence Authorization (§ 740.27); `LPP` Low Processing
 * Performance (§ 740.29); `ACA` / `NAC` (§ 740.8); `NVEU` / `UVEU` data-center validated end user
 * (§ 748.15); `STA` Strategic Trade Authorization (UAE approved entities, 2026); `LICENSE` an individual licence.
 */
export type Authorization = 'NLR' | 'AIA' | 'LPP' | 'ACA' | 'NAC' | 'NVEU' | 'UVEU' | 'STA' | 'LICENSE'

/** What a deal may ask for in its `authorization` field. */
export type RequestedAuthorization = Exclude<Authorization, 'NLR'>

/** The values of `RequestedAuthorization`, for validators (book, IPC, the fast path) to share. */
export const REQUESTED_AUTHORIZATIONS = [
  'AIA',
  'LPP',
  'ACA',
  'NAC',
  'NVEU',
  'UVEU',
  'STA',
  'LICENSE',
] as const satisfies readonly RequestedAuthorization[]

export type ReviewPolicy =
  'presumption_of_approval' | 'case_by_case' | 'presumption_of_denial' | 'policy_of_denial'

/**
 * - `allowed`: may ship now (NLR, AIA, LPP, ACA, STA, a VEU within its limits);
 * - `allowed_with_notice`: may ship after a notice (NAC's 25-day prior notification, or LPP where the pack says
 *   a notice is needed);
 * - `license_required`: needs (or holds) a licence reviewed with a presumption of approval or case by case;
 * - `likely_denied`: a licence is needed and would be reviewed with a presumption or policy of denial;
 * - `not_determinable`: data are missing; `missing` names them.
 */
export type Outcome =
  'allowed' | 'allowed_with_notice' | 'license_required' | 'likely_denied' | 'not_determinable'

// ---------------------------------------------------------------------------------------------
// Rule packs
// ---------------------------------------------------------------------------------------------

/** A set of countries named by groups and individual codes (e.g. D:5 plus Macau). */
export interface CountrySet {
  groups: CountryGroup[]
  countries: Iso2[]
  /** Members of these groups are taken out of the set again (e.g. D:1/D:4/D:5 "excluding A:5 or A:6"). */
  except?: CountryGroup[]
}

/** A dated change of group membership (e.g. Cambodia leaves D:5). Applies to deals dated on or after `date`. */
export interface GroupChange extends Citation {
  date: IsoDate
  country: Iso2
  group: CountryGroup
  change: 'add' | 'remove'
}

/** A code evaluated as another (Hong Kong as China). */
export interface CountryAlias extends Citation {
  from: Iso2
  to: Iso2
}

/** Tier structure of the AI diffusion framework; tier 2 is every other country. */
export interface TierDefinition {
  /** Paragraph (a) of Supplement No. 5 to Part 740: the United States and 18 partners. */
  tier1: Cited<Iso2[]>
  /** Countries of concern: Country Group D:5 plus Macau (groups are read on the deal's date). */
  tier3: CountrySet & Citation
}

/** A government-to-government arrangement that raises a country's allocation (diffusion § 742.6(b)(10)(iii)(C)). */
export interface GovernmentArrangement extends Citation {
  country: Iso2
  from: IsoDate
}

/**
 * A period in which a country's groups are in doubt: the pack keeps its dated membership (the stricter
 * reading, as the EAR table had it), and a determination that touches the country in the period (its
 * destination or a headquarters) says why the groups may be otherwise, with the source.
 */
export interface CountryCaution extends Citation {
  country: Iso2
  /** First day of doubt. */
  from: IsoDate
  /** First day the doubt is over (exclusive). */
  until: IsoDate
  /** What the determination says, in full. */
  message: string
}

export interface PackCountries {
  /** Group membership at the pack's effective date, before `changes`. */
  groups: Record<CountryGroup, Cited<Iso2[]>>
  /** Dated membership changes, applied to deals dated on or after each change. */
  changes: GroupChange[]
  /** Codes evaluated as another country (HK → CN), for destination and headquarters alike. */
  aliases: CountryAlias[]
  /** Tiers, only in packs that have them; null elsewhere. */
  tiers: TierDefinition | null
  /** Arrangements that raise a country's allocation; empty unless a pack or scenario says so. */
  governmentArrangements: GovernmentArrangement[]
  /** Periods in which a country's groups are in doubt (see `CountryCaution`); absent means none. */
  cautions?: CountryCaution[]
}

/** 3A090 thresholds (TPP, performance density) and the H100 reference value. */
export interface ClassificationThresholds {
  /** 3A090.a.1: TPP ≥ this. */
  a1MinTpp: Cited<number>
  /** 3A090.a.2: TPP ≥ this and PD ≥ `a2MinPd`. */
  a2MinTpp: Cited<number>
  a2MinPd: Cited<number>
  /** 3A090.b.1: `b1MinTpp` ≤ TPP < `b1MaxTpp` and `b1MinPd` ≤ PD < `b1MaxPd`. */
  b1MinTpp: Cited<number>
  b1MaxTpp: Cited<number>
  b1MinPd: Cited<number>
  b1MaxPd: Cited<number>
  /** 3A090.b.2: TPP ≥ `b2MinTpp` and `b2MinPd` ≤ PD < `b2MaxPd`. */
  b2MinTpp: Cited<number>
  b2MinPd: Cited<number>
  b2MaxPd: Cited<number>
  /** TPP of one H100 SXM, the unit of H100-equivalents. */
  h100Tpp: Cited<number>
}

/** A destination named outside the group test (UAE after it joined A:5), with entities exempted from it. */
export interface ExtraDestination extends Citation {
  country: Iso2
  from: IsoDate
  eccns: Exclude<Eccn, 'none'>[]
  /** Consignees (by name, case-insensitive prefix match) that may ship without a licence, and under what. */
  approved: ApprovedConsignees[]
}

export interface ApprovedConsignees extends Citation {
  names: string[]
  authorization: Authorization
  /** Last day the approval runs, if it expires. */
  until?: IsoDate
}

/** An "is-informed" or end-use licence requirement for named chips (e.g. H20 to China from April 2025). */
export interface EndUseRule extends Citation {
  id: string
  title: string
  from: IsoDate
  /** Catalogue chip ids caught. */
  chips: string[]
  destinations: CountrySet
  reviewPolicy: Cited<ReviewPolicy | null>
}

export interface PackLicensing {
  /** 3A090.a/4A090.a need a licence to every destination outside the US (diffusion § 742.6(a)(6)(iii)(A)); null if not in force. */
  worldwideForA: Citation | null
  /** Destination test: a licence to or within any `include` country not also in `exclude` (§ 742.6(a)(6)(iii)). */
  destination: { include: CountryGroup[]; exclude: CountryGroup[] } & Citation
  /** Destinations named outside the group test. */
  extraDestinations: ExtraDestination[]
  /** Headquarters rule: entities headquartered (or whose ultimate parent is) here need a licence anywhere outside the US. */
  headquarters: CountrySet & Citation
  /** Is-informed / end-use requirements for named chips. */
  endUse: EndUseRule[]
}

export interface LppCap extends Citation {
  /** TPP per ultimate consignee per calendar year. */
  limitTpp: Cited<number>
}

export interface CountryAllocationCap extends Citation {
  /** Cumulative TPP per tier-2 country over the period. */
  limitTpp: Cited<number>
  period: Cited<{ from: IsoDate; to: IsoDate }>
  /** Increase under a government-to-government arrangement, as a fraction (1 = +100%). */
  governmentIncrease: Cited<number>
  /** Policy once the allocation is used up. */
  afterExhausted: Cited<ReviewPolicy>
}

export interface NveuQuarterCap extends Citation {
  /** `YYYY-Qn`. */
  quarter: string
  /** Cumulative installed base per NVEU per country permitted during the quarter. */
  limitTpp: number
}

export interface NveuCap extends Citation {
  schedule: NveuQuarterCap[]
}

export interface UveuLimits {
  /** Minimum share of the UVEU's total installed TPP in tier 1. */
  tier1MinShare: Cited<number>
  /** Maximum share in any one tier-2 country. */
  tier2CountryMaxShare: Cited<number>
  /** Minimum share in the United States for a US-headquartered UVEU. */
  usMinShareForUsHq: Cited<number>
}

export interface PackCaps {
  lpp: LppCap | null
  countryAllocation: CountryAllocationCap | null
  nveu: NveuCap | null
  uveu: UveuLimits | null
  /** TPP bucket percentages (e.g. 80, 90, 95, 100) that raise a threshold warning. */
  alertThresholds: number[]
}

export interface AiaException extends Citation {
  /** Destinations and headquarters must be in tier 1 (Supp. No. 5 para (a)). */
  requiresTier1Headquarters: boolean
}

export interface LppException extends Citation {
  /** Destinations for which LPP is unavailable. */
  excluded: CountrySet & Citation
  /** Headquarters (of consignee or ultimate parent) for which LPP is unavailable; defaults to `excluded`. */
  excludedHeadquarters?: CountrySet & Citation
  /** Whether a notice to BIS is needed; `value: null` when unconfirmed (then the engine does not assume one). */
  notificationRequired: Cited<boolean | null>
  /** The kinds of transaction LPP covers (exports and reexports); absent: every kind. */
  transactions?: Cited<TransactionKind[]>
}

export interface NacException extends Citation {
  /** Days of prior notification. */
  noticeDays: Cited<number>
  /** NAC destinations (D:5 + Macau) — also available for D:5/Macau-headquartered entities wherever located. */
  destinations: CountrySet & Citation
  /** Datacenter-class 3A090.a items are excluded. */
  excludesDatacenterA: Citation
  /** The kinds of transaction NAC covers (exports and reexports); absent: every kind. */
  transactions?: Cited<TransactionKind[]>
}

export interface AcaException extends Citation {
  destinations: CountrySet & Citation
  /** Destinations excluded from `destinations` (D:5, Macau). */
  excluded: CountrySet & Citation
  excludesDatacenterA: Citation
  /**
   * In-country transfers within these places are covered although `excluded` names them (D:5 and
   * Macau), whoever the parties' headquarters; absent: none.
   */
  transfersWithin?: CountrySet & Citation
}

export interface VeuException extends Citation {
  /** Headquarters (of the VEU) not allowed. */
  excludedHeadquarters: CountrySet & Citation
  /** Data-center locations not allowed. */
  excludedDestinations: CountrySet & Citation
  /** UVEU only: headquarters must be in tier 1. */
  requiresTier1Headquarters: boolean
}

export interface PackExceptions {
  aia: AiaException | null
  lpp: LppException | null
  nac: NacException | null
  aca: AcaException | null
  nveu: VeuException | null
  uveu: VeuException | null
}

/** 2026-01-15 case-by-case review of H200-class chips to China/Macau (FR Doc. 2026-00789). */
export interface ChinaCaseByCaseRule extends Citation {
  from: IsoDate
  destinations: Iso2[]
  /** Every line must have TPP below this… */
  maxTppExclusive: Cited<number>
  /** …and DRAM bandwidth (GB/s) below this. */
  maxDramBandwidthExclusive: Cited<number>
  /** Exporter certifications needed (deal `certifications`). */
  requiredCertifications: Cited<string[]>
  /** Only exports from the US; reexports and in-country transfers stay under the default policy. */
  exportsOnly: Cited<boolean>
  /** Conditions the engine cannot check (commercial availability, 50% volume ceiling); shown as warnings. */
  uncheckedConditions: Cited<string[]>
}

export interface PackReviewPolicies {
  /** Licences to or within D:5 or Macau (§ 742.6(b)(10)(ii)). */
  destinationOfConcern: Cited<ReviewPolicy>
  /** Licences for entities headquartered (or with ultimate parent) in D:5 or Macau. */
  headquartersOfConcern: Cited<ReviewPolicy>
  /**
   * Headquarters-rule licences to destinations outside D:1/D:4/D:5 (§ 744.23(d)(3)(i)): case-by-case except
   * for datacenter-class 3A090.a. Null where the pack has no such paragraph.
   */
  headquartersRuleNonDatacenter: Cited<ReviewPolicy> | null
  /** Everything else (presumption of approval). */
  default: Cited<ReviewPolicy>
  /** Diffusion only: tier-1 destinations or tier-1-headquartered entities (§ 742.6(b)(10)(iii)(A)(2)). */
  tier1: Cited<ReviewPolicy> | null
  /** Diffusion only: tier-2 destinations within the country allocation (§ 742.6(b)(10)(iii)(B)(1)). */
  withinAllocation: Cited<ReviewPolicy> | null
  /** 2026 China/Macau case-by-case rule. */
  chinaCaseByCase: ChinaCaseByCaseRule | null
}

/** A versioned rule pack. Data only; validated by `rulePackSchema` (shared/rules/schema.ts). */
export interface RulePack {
  schemaVersion: 1
  /** Stable id, e.g. `us-ai-diffusion-2025`. */
  id: string
  title: string
  /** First day the pack governs (the timeline may start it later). */
  effectiveDate: IsoDate
  status: PackStatus
  /** For scenarios: the id of the pack it was copied from. */
  basedOn?: string
  regime: Regime
  summary: string
  /** The rule (or rules) the pack encodes. */
  source: Citation
  countries: PackCountries
  classification: ClassificationThresholds
  licensing: PackLicensing
  caps: PackCaps
  exceptions: PackExceptions
  reviewPolicies: PackReviewPolicies
}

/** One issue found validating a pack or a book; `path` is dotted (`caps.lpp.limitTpp.value`). */
export interface PackIssue {
  path: string
  message: string
}

export type PackValidation = { ok: true; pack: RulePack } | { ok: false; issues: PackIssue[] }

/** A period of the timeline: which pack governs deals dated from `from` to `to` (inclusive). */
export interface TimelineEntry extends Citation {
  packId: string
  from: IsoDate
  /** Inclusive; absent = open-ended. */
  to?: IsoDate
  /** What every determination under this pack in this period must say about the period itself. */
  caution?: string
}

// ---------------------------------------------------------------------------------------------
// Chips
// ---------------------------------------------------------------------------------------------

/** Dense peak throughput at one precision. TPP for it is `tops × bitLength` (= 2 × MacTOPS × bit length). */
export interface PrecisionThroughput {
  /** Dense (non-sparse) TOPS or TFLOPS. */
  tops: number
  bitLength: number
  /** Label, e.g. `FP16`. */
  label?: string
}

/**
 * A chip as given by a user or a deal book. Give `tpp`, or `tops` + `bitLength`, or `precisions`
 * (the highest TPP wins). A spec whose `name` is a catalogue chip and has no throughput takes the
 * catalogue's figures and overrides the fields it gives (e.g. `dramBandwidth`).
 */
export interface ChipSpec {
  /** Catalogue id to refer to (book-level chips may set one so deals can refer to them). */
  id?: string
  name: string
  tpp?: number
  tops?: number
  bitLength?: number
  precisions?: PrecisionThroughput[]
  /** Applicable die area in mm² (non-planar logic dies). */
  dieArea?: number
  /** DRAM bandwidth in GB/s (needed for the 2026 China rule). */
  dramBandwidth?: number
  /** Designed or marketed for datacenters; default true. */
  datacenter?: boolean
}

/** A catalogue entry: a spec with its sources. */
export interface CatalogueChip extends ChipSpec {
  id: string
  vendor: string
  /** Other names deals may use (matched case-insensitively). */
  aliases: string[]
  /** Source and confidence of the throughput / TPP figure. */
  throughputSource: Citation
  /** Source and confidence of the die area, if any. */
  dieAreaSource?: Citation
  /** Published classification notes or conflicts (e.g. H20's disputed 3A090.b.2 label). */
  note?: string
}

/** Output of `classifyChip`. */
export interface ClassifiedChip {
  name: string
  /** Catalogue id when the chip came from the catalogue. */
  catalogueId?: string
  /** TPP, or null when neither TPP nor throughput was given. */
  tpp: number | null
  /** TPP / die area, or null when the die area is unknown. */
  performanceDensity: number | null
  /** Null when it cannot be told (e.g. 1,600 ≤ TPP < 4,800 with no die area). */
  eccn: Eccn | null
  paragraph: EccnParagraph | null
  h100e: number | null
  dramBandwidth: number | null
  datacenter: boolean
  /** Inputs needed and missing (`tpp`, `dieArea`). */
  missing: string[]
  /** How sure the figures are (the catalogue source), `primary` for user-given figures. */
  confidence: Confidence
  citation: string
}

// ---------------------------------------------------------------------------------------------
// Deal books (interchange format v1; see docs/deal-book.md)
// ---------------------------------------------------------------------------------------------

/** A catalogue id or name, or an inline spec. */
export type ChipRef = string | ChipSpec

export interface DealLine {
  chip: ChipRef
  quantity: number
}

export const VEU_KINDS = ['UVEU', 'NVEU'] as const

export interface VeuRef {
  id: string
  kind: (typeof VEU_KINDS)[number]
  /** Headquarters of the validated end user. */
  hq: Iso2
  /**
   * NVEU only: the countries its authorization covers (15 CFR 748.15: each country needs its own
   * NVEU authorization). When given, a deal to another country cannot go under the NVEU; when not,
   * the determination says the destination was not checked against it.
   */
  countries?: Iso2[]
}

/** How the items move; the 2026 China rule covers exports from the US only. Default `export`. */
export const TRANSACTION_KINDS = ['export', 'reexport', 'transfer'] as const
export type TransactionKind = (typeof TRANSACTION_KINDS)[number]

export interface Deal {
  id: string
  date: IsoDate
  /** Ultimate consignee name (the LPP bucket key). */
  consignee: string
  /** Consignee headquarters; missing → not determinable (unless a book party gives it). */
  consigneeHq?: Iso2
  /** Ultimate parent's headquarters, or null when the consignee has no parent; absent → not determinable. */
  parentHq?: Iso2 | null
  /** Destination country; missing → not determinable. */
  destination?: Iso2
  site?: string
  lines: DealLine[]
  /** Requested authorization path. */
  authorization?: RequestedAuthorization
  /** A licence has been granted for this deal. */
  licensed?: boolean
  veu?: VeuRef
  /** Designed or marketed for datacenters; default true. Overrides the chips' flag when given. */
  datacenter?: boolean
  /** Exporter certifications (2026 China rule): `us-supply-sufficient`, `no-foundry-diversion`, `recipient-security-kyc`, `us-third-party-testing`. */
  certifications?: string[]
  transaction?: TransactionKind
}

/** A party of the book; fills a deal's missing `consigneeHq` / `parentHq` by consignee name. */
export interface Party {
  name: string
  hq?: Iso2
  parentHq?: Iso2 | null
  veu?: VeuRef
}

/** Compute a validated end user already has in place in a country (TPP). */
export interface InstalledBaseEntry {
  veu: string
  country: Iso2
  tpp: number
}

export interface DealBook {
  deals: Deal[]
  parties?: Party[]
  installedBase?: InstalledBaseEntry[]
  chips?: ChipSpec[]
}

/**
 * The most units one deal line may have, and the most lines one deal: the deal editor's limits, kept by
 * the deal book too, so that an imported deal is one the desk can edit and save. A larger figure is a
 * typo more often than a deal, and would carry a deal's TPP past what a double holds exactly.
 */
export const MAX_LINE_UNITS = 100_000_000
export const MAX_DEAL_LINES = 200
/** The editor's lengths for a name (deal, consignee, site, chip) and an id (deal, chip, certification). */
export const MAX_NAME_LENGTH = 200
export const MAX_ID_LENGTH = 100
/** The most certifications a deal may carry, as the editor allows. */
export const MAX_CERTIFICATIONS = 20

/** A deal-book validation error. `row`: 1-based deal index (JSON) or spreadsheet row with header = 1 (CSV). */
export interface BookError {
  row: number | null
  field: string
  message: string
}

export type BookParse = { ok: true; book: DealBook } | { ok: false; errors: BookError[] }

// ---------------------------------------------------------------------------------------------
// Determinations (JSON v1; see docs/determination.md)
// ---------------------------------------------------------------------------------------------

export type CapKind = 'country' | 'lpp' | 'nveu' | 'uveu_country' | 'uveu_tier1' | 'uveu_us'

/** Effect of a deal on one cap bucket. */
export interface CapEffect {
  /** `country:IN`, `lpp:<consignee>:2025`, `nveu:<veu>:IN:2025-Q3`, `uveu:<veu>:IN`, `uveu:<veu>:tier1`, `uveu:<veu>:us`. */
  bucket: string
  kind: CapKind
  /** `tpp` buckets count TPP; `share` buckets count fractions (0-1) of the UVEU's total installed TPP. */
  unit: 'tpp' | 'share'
  /** `max`: `after` must not exceed `limit`; `min`: `after` must not fall below it (UVEU tier-1 and US shares). */
  bound: 'max' | 'min'
  limit: number
  before: number
  after: number
  /** `limit − after` for a max, `after − limit` for a min; negative when breached. */
  remaining: number
  exceeded: boolean
  /** True when this deal's TPP is counted in the running state (the route it takes consumes the bucket). */
  counted: boolean
  citation: string
  confidence: Confidence
}

export type WarningCode =
  | 'threshold'
  | 'missing_data'
  | 'low_confidence'
  | 'assumption'
  | 'unchecked_condition'
  | 'cap_exceeded'
  | 'requested_unavailable'
  | 'licence_not_needed'

export interface DeterminationWarning {
  code: WarningCode
  message: string
  /** The bucket a threshold or cap warning is about. */
  bucket?: string
}

export interface Step {
  text: string
  citation: string
  confidence: Confidence
}

export interface LicenseReason {
  kind: 'destination' | 'headquarters' | 'end_use'
  text: string
  citation: string
  confidence: Confidence
}

export interface LineDetermination {
  /** Catalogue id, book chip id or name. */
  chip: string
  quantity: number
  classification: ClassifiedChip
  /** quantity × TPP, or null when unknown. */
  tpp: number | null
}

export interface Determination {
  dealId: string
  packId: string
  date: IsoDate
  /** Destination as evaluated (HK → CN), or null when missing. */
  destination: Iso2 | null
  tier: Tier | null
  groups: CountryGroup[]
  /** Highest ECCN of the lines; null when any line cannot be classified. */
  eccn: Eccn | null
  /** Total TPP of all lines. */
  tpp: number | null
  /** TPP of 3A090.a lines: what counts against TPP caps. */
  cappedTpp: number | null
  h100e: number | null
  licenseRequired: boolean | null
  reasons: LicenseReason[]
  /** Recommended (or taken) authorization; null when not determinable. */
  authorization: Authorization | null
  /** Every authorization the deal qualifies for, best first. */
  available: Authorization[]
  reviewPolicy: ReviewPolicy | null
  outcome: Outcome
  caps: CapEffect[]
  warnings: DeterminationWarning[]
  steps: Step[]
  lines: LineDetermination[]
  /** Least reliable confidence among the steps. */
  confidence: Confidence
  /** What is missing when `outcome` is `not_determinable`. */
  missing: string[]
}

// ---------------------------------------------------------------------------------------------
// Incremental evaluation (used by the ledger)
// ---------------------------------------------------------------------------------------------

/**
 * Usage already held (e.g. by the ledger) before a book or deal is evaluated.
 * `used`: TPP already counted per TPP bucket id (`country:…`, `lpp:…`). VEU buckets are not read from
 * `used`: their before/after come from the installed base, so give VEU deployments in `installedBase`.
 */
export interface OpeningBalances {
  used?: Record<string, number>
  installedBase?: InstalledBaseEntry[]
}

/** A bucket a deal would touch, for callers that fetch usage before evaluating. */
export interface BucketRef {
  bucket: string
  kind: CapKind
  unit: 'tpp' | 'share'
}
