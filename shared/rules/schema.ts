import { z } from 'zod'
import { isIso2 } from '../countries'
import {
  COUNTRY_GROUPS,
  TRANSACTION_KINDS,
  type PackIssue,
  type PackValidation,
  type RulePack,
} from './types'

/**
 * zod schema of a rule pack. Every number is a `Cited` value so that a pack cannot carry a figure
 * without a source and a confidence. Scenario packs (a user's edited copy) use the same schema and
 * must name the pack they are based on.
 */

const isoDate = z.iso.date()
const iso2 = z.string().refine(isIso2, { message: 'not an ISO 3166-1 alpha-2 code' })
const confidence = z.enum(['primary', 'secondary', 'weak', 'derived', 'unconfirmed'])
const countryGroup = z.enum(COUNTRY_GROUPS as [string, ...string[]])
const reviewPolicy = z.enum([
  'presumption_of_approval',
  'case_by_case',
  'presumption_of_denial',
  'policy_of_denial',
])
const authorization = z.enum(['NLR', 'AIA', 'LPP', 'ACA', 'NAC', 'NVEU', 'UVEU', 'STA', 'LICENSE'])

const citationShape = {
  citation: z.string().min(1),
  confidence,
  note: z.string().optional(),
}
const citation = z.object(citationShape).strict()
const cited = <T extends z.ZodType>(value: T) => z.object({ ...citationShape, value }).strict()
const nonNegative = cited(z.number().finite().nonnegative())
const positive = cited(z.number().finite().positive())
const share = cited(z.number().min(0).max(1))
const countrySetShape = {
  groups: z.array(countryGroup),
  countries: z.array(iso2),
  except: z.array(countryGroup).optional(),
}
const citedCountrySet = z.object({ ...countrySetShape, ...citationShape }).strict()

const groupsRecord = z
  .object(
    Object.fromEntries(COUNTRY_GROUPS.map((g) => [g, cited(z.array(iso2))])) as Record<
      string,
      ReturnType<typeof cited>
    >,
  )
  .strict()

const countries = z
  .object({
    groups: groupsRecord,
    changes: z.array(
      z
        .object({
          ...citationShape,
          date: isoDate,
          country: iso2,
          group: countryGroup,
          change: z.enum(['add', 'remove']),
        })
        .strict(),
    ),
    aliases: z.array(z.object({ ...citationShape, from: iso2, to: iso2 }).strict()),
    tiers: z
      .object({
        tier1: cited(z.array(iso2).min(1)),
        tier3: citedCountrySet,
      })
      .strict()
      .nullable(),
    governmentArrangements: z.array(z.object({ ...citationShape, country: iso2, from: isoDate }).strict()),
    cautions: z
      .array(
        z
          .object({
            ...citationShape,
            country: iso2,
            from: isoDate,
            until: isoDate,
            message: z.string().min(1),
          })
          .strict()
          .refine((c) => c.from < c.until, { message: 'from must be before until', path: ['until'] }),
      )
      .optional(),
  })
  .strict()

const classification = z
  .object({
    a1MinTpp: positive,
    a2MinTpp: positive,
    a2MinPd: positive,
    b1MinTpp: positive,
    b1MaxTpp: positive,
    b1MinPd: positive,
    b1MaxPd: positive,
    b2MinTpp: positive,
    b2MinPd: positive,
    b2MaxPd: positive,
    h100Tpp: positive,
  })
  .strict()

const eccnControlled = z.enum(['3A090.a', '3A090.b'])

const licensing = z
  .object({
    worldwideForA: citation.nullable(),
    destination: z
      .object({ include: z.array(countryGroup), exclude: z.array(countryGroup), ...citationShape })
      .strict(),
    extraDestinations: z.array(
      z
        .object({
          ...citationShape,
          country: iso2,
          from: isoDate,
          eccns: z.array(eccnControlled).min(1),
          approved: z.array(
            z
              .object({
                ...citationShape,
                names: z.array(z.string().min(1)).min(1),
                authorization,
                until: isoDate.optional(),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
    headquarters: citedCountrySet,
    endUse: z.array(
      z
        .object({
          ...citationShape,
          id: z.string().min(1),
          title: z.string().min(1),
          from: isoDate,
          chips: z.array(z.string().min(1)).min(1),
          destinations: z.object(countrySetShape).strict(),
          reviewPolicy: cited(reviewPolicy.nullable()),
        })
        .strict(),
    ),
  })
  .strict()

const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, 'expected YYYY-Qn')

const caps = z
  .object({
    lpp: z
      .object({ ...citationShape, limitTpp: positive })
      .strict()
      .nullable(),
    countryAllocation: z
      .object({
        ...citationShape,
        limitTpp: positive,
        period: cited(z.object({ from: isoDate, to: isoDate }).strict()),
        governmentIncrease: nonNegative,
        afterExhausted: cited(reviewPolicy),
      })
      .strict()
      .nullable(),
    nveu: z
      .object({
        ...citationShape,
        schedule: z
          .array(z.object({ ...citationShape, quarter, limitTpp: z.number().finite().positive() }).strict())
          .min(1),
      })
      .strict()
      .nullable(),
    uveu: z
      .object({ tier1MinShare: share, tier2CountryMaxShare: share, usMinShareForUsHq: share })
      .strict()
      .nullable(),
    alertThresholds: z.array(z.number().positive().max(100)),
  })
  .strict()

const veuException = z
  .object({
    ...citationShape,
    excludedHeadquarters: citedCountrySet,
    excludedDestinations: citedCountrySet,
    requiresTier1Headquarters: z.boolean(),
  })
  .strict()
  .nullable()

const exceptions = z
  .object({
    aia: z
      .object({ ...citationShape, requiresTier1Headquarters: z.boolean() })
      .strict()
      .nullable(),
    lpp: z
      .object({
        ...citationShape,
        excluded: citedCountrySet,
        excludedHeadquarters: citedCountrySet.optional(),
        notificationRequired: cited(z.boolean().nullable()),
        transactions: cited(z.array(z.enum(TRANSACTION_KINDS)).min(1)).optional(),
      })
      .strict()
      .nullable(),
    nac: z
      .object({
        ...citationShape,
        noticeDays: nonNegative,
        destinations: citedCountrySet,
        excludesDatacenterA: citation,
        transactions: cited(z.array(z.enum(TRANSACTION_KINDS)).min(1)).optional(),
      })
      .strict()
      .nullable(),
    aca: z
      .object({
        ...citationShape,
        destinations: citedCountrySet,
        excluded: citedCountrySet,
        excludesDatacenterA: citation,
        transfersWithin: citedCountrySet.optional(),
      })
      .strict()
      .nullable(),
    nveu: veuException,
    uveu: veuException,
  })
  .strict()

const reviewPolicies = z
  .object({
    destinationOfConcern: cited(reviewPolicy),
    headquartersOfConcern: cited(reviewPolicy),
    headquartersRuleNonDatacenter: cited(reviewPolicy).nullable(),
    default: cited(reviewPolicy),
    tier1: cited(reviewPolicy).nullable(),
    withinAllocation: cited(reviewPolicy).nullable(),
    chinaCaseByCase: z
      .object({
        ...citationShape,
        from: isoDate,
        destinations: z.array(iso2).min(1),
        maxTppExclusive: positive,
        maxDramBandwidthExclusive: positive,
        requiredCertifications: cited(z.array(z.string().min(1))),
        exportsOnly: cited(z.boolean()),
        uncheckedConditions: cited(z.array(z.string())),
      })
      .strict()
      .nullable(),
  })
  .strict()

export const rulePackSchema = z
  .object({
    schemaVersion: z.literal(1),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,99}$/, 'lower-case letters, digits and hyphens'),
    title: z.string().min(1),
    effectiveDate: isoDate,
    status: z.enum(['as_written', 'enforced', 'scenario']),
    basedOn: z.string().min(1).optional(),
    regime: z.enum(['ai_diffusion', 'advanced_computing']),
    summary: z.string(),
    source: citation,
    countries,
    classification,
    licensing,
    caps,
    exceptions,
    reviewPolicies,
  })
  .strict()

type Loose = { [k: string]: Loose } & { value?: unknown }
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined)

/**
 * Cross-field checks. They read the raw JSON defensively so they run even when the schema also
 * fails, and a refused pack lists every bad field at once.
 */
function semanticIssues(json: unknown): PackIssue[] {
  const issues: PackIssue[] = []
  if (!json || typeof json !== 'object') return issues
  const pack = json as Loose
  if (pack.status === ('scenario' as unknown) && !pack.basedOn) {
    issues.push({ path: 'basedOn', message: 'a scenario must name the pack it is based on' })
  }
  if (pack.regime === ('ai_diffusion' as unknown) && !pack.countries?.tiers) {
    issues.push({ path: 'countries.tiers', message: 'the ai_diffusion regime needs tiers' })
  }
  const c = pack.classification
  const pairs: [string, string, string][] = [
    ['b1MinTpp', 'b1MaxTpp', 'must be above b1MinTpp'],
    ['b1MinPd', 'b1MaxPd', 'must be above b1MinPd'],
    ['b2MinPd', 'b2MaxPd', 'must be above b2MinPd'],
  ]
  for (const [lo, hi, message] of pairs) {
    const a = num(c?.[lo]?.value)
    const b = num(c?.[hi]?.value)
    if (a !== undefined && b !== undefined && a >= b)
      issues.push({ path: `classification.${hi}.value`, message })
  }
  const schedule = pack.caps?.nveu?.schedule
  if (Array.isArray(schedule)) {
    schedule.forEach((q: Loose, i: number) => {
      const prev = schedule[i - 1] as Loose | undefined
      if (
        prev &&
        typeof q?.quarter === 'string' &&
        typeof prev.quarter === 'string' &&
        prev.quarter >= q.quarter
      ) {
        issues.push({ path: `caps.nveu.schedule.${i}.quarter`, message: 'quarters must increase' })
      }
    })
  }
  const period = pack.caps?.countryAllocation?.period?.value as { from?: unknown; to?: unknown } | undefined
  if (period && typeof period.from === 'string' && typeof period.to === 'string' && period.from > period.to) {
    issues.push({ path: 'caps.countryAllocation.period.value.to', message: 'ends before it starts' })
  }
  return issues
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.')
}

/** Validates unknown JSON as a rule pack. On failure lists every bad field with its dotted path. */
export function validatePack(json: unknown): PackValidation {
  const parsed = rulePackSchema.safeParse(json)
  const issues: PackIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message }))
  issues.push(...semanticIssues(json))
  if (parsed.success && issues.length === 0) return { ok: true, pack: parsed.data as RulePack }
  return { ok: false, issues }
}
