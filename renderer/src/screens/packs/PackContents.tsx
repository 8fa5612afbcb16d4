import type { MouseEvent, ReactNode } from 'react'
import { countryName } from '../../../../shared/countries'
import type { Citation, Cited, Confidence, RulePack } from '../../../../shared/rules/types'
import { DASH, formatDecimal, formatInt, formatShare, formatTpp, humanize } from '../../format'

/**
 * A rule pack, readable: every section of the pack with every value and its citation and
 * confidence. It walks the pack rather than naming each field, so a field added to the pack format
 * shows up here without a UI change; the words come from the key names and a short glossary.
 */

const GLOSSARY: Record<string, string> = {
  lpp: 'LPP (Low Processing Performance)',
  aia: 'AIA (Artificial Intelligence Authorization)',
  nac: 'NAC (Notified Advanced Computing)',
  aca: 'ACA (Advanced Computing Authorized)',
  nveu: 'NVEU (national validated end user)',
  uveu: 'UVEU (universal validated end user)',
  a1MinTpp: '3A090.a.1: minimum TPP',
  a2MinTpp: '3A090.a.2: minimum TPP',
  a2MinPd: '3A090.a.2: minimum performance density',
  b1MinTpp: '3A090.b.1: minimum TPP',
  b1MaxTpp: '3A090.b.1: TPP below',
  b1MinPd: '3A090.b.1: minimum performance density',
  b1MaxPd: '3A090.b.1: performance density below',
  b2MinTpp: '3A090.b.2: minimum TPP',
  b2MinPd: '3A090.b.2: minimum performance density',
  b2MaxPd: '3A090.b.2: performance density below',
  h100Tpp: 'TPP of one H100 (the H100e unit)',
  limitTpp: 'Limit (TPP)',
  tier1: 'Tier 1',
  tier3: 'Tier 3',
  tier1MinShare: 'Minimum share in tier 1',
  tier2CountryMaxShare: 'Maximum share in any one tier-2 country',
  usMinShareForUsHq: 'Minimum share in the US (US-headquartered UVEU)',
  worldwideForA: 'Worldwide licence requirement for 3A090.a',
  governmentIncrease: 'Increase under a government-to-government arrangement',
  maxTppExclusive: 'TPP below',
  maxDramBandwidthExclusive: 'DRAM bandwidth below (GB/s)',
  eccns: 'ECCNs',
  transactions: 'Transactions covered',
  transfersWithin: 'Also covers in-country transfers within',
  ai_diffusion: 'AI diffusion',
  advanced_computing: 'Advanced computing',
}

/** `countryAllocation` → `Country allocation`. */
export function labelOf(key: string): string {
  if (GLOSSARY[key]) return GLOSSARY[key]
  if (/^[A-Z]:\d$/.test(key)) return `Country group ${key}`
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const isCitation = (v: unknown): v is Citation & Record<string, unknown> =>
  isObject(v) && typeof v.citation === 'string' && typeof v.confidence === 'string'
const isCited = (v: unknown): v is Cited<unknown> => isCitation(v) && 'value' in v
const isIso2List = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && /^[A-Z]{2}$/.test(x))

function formatNumber(key: string, n: number): string {
  const k = key.toLowerCase()
  if (k.includes('tpp')) return `${formatTpp(n)} TPP`
  if (k.includes('share') || k.includes('increase')) return formatShare(n)
  if (k.endsWith('pd')) return formatDecimal(n)
  return Number.isInteger(n) ? formatInt(n) : formatDecimal(n)
}

function countries(codes: string[]): string {
  return codes.map((c) => `${countryName(c) ?? c} (${c})`).join(', ')
}

/** A plain value in words: TPP with separators, shares as %, codes as names, policies humanized. */
function formatValue(key: string, v: unknown): ReactNode {
  if (v === null || v === undefined) return <span className="muted">Not set in this pack</span>
  if (typeof v === 'number') return formatNumber(key, v)
  if (typeof v === 'boolean') return v ? 'Yes' : 'No'
  if (typeof v === 'string') return /^[A-Z]{2}$/.test(v) ? `${countryName(v) ?? v} (${v})` : humanize(v)
  if (isIso2List(v)) return countries(v)
  if (Array.isArray(v))
    return v.length === 0 ? (
      <span className="muted">None</span>
    ) : (
      v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ')
    )
  if (isObject(v) && typeof v.from === 'string')
    return `${v.from} to ${typeof v.to === 'string' ? v.to : 'open-ended'}`
  return <PackNode path={key} name={key} value={v} depth={4} />
}

export function ConfidenceBadge({ confidence }: { confidence: Confidence }) {
  return (
    <span className={`badge conf-${confidence}`} title={`Confidence: ${confidence}`}>
      {confidence}
    </span>
  )
}

function CitationLine({ c }: { c: Citation }) {
  return (
    <div className="citation">
      <ConfidenceBadge confidence={c.confidence} /> <cite>{c.citation}</cite>
      {c.note && <p className="citation-note muted">{c.note}</p>}
    </div>
  )
}

const CITATION_KEYS = new Set(['citation', 'confidence', 'note'])

function PackNode({
  path,
  name,
  value,
  depth,
}: {
  path: string
  name: string
  value: unknown
  depth: number
}) {
  if (isCited(value)) {
    return (
      <div className="cited" data-testid={`cited-${path}`}>
        <div className="cited-head">
          <span className="cited-label">{labelOf(name)}</span>
          <span className="cited-value">{formatValue(name, value.value)}</span>
        </div>
        <CitationLine c={value} />
      </div>
    )
  }
  if (isObject(value)) {
    const entries = Object.entries(value).filter(([k]) => !(isCitation(value) && CITATION_KEYS.has(k)))
    const Heading = `h${Math.min(depth, 6)}` as 'h3'
    return (
      <div className="pack-node" data-testid={`pack-node-${path}`}>
        <Heading>{labelOf(name)}</Heading>
        {isCitation(value) && <CitationLine c={value} />}
        <div className="pack-children">
          {entries.map(([k, v]) => (
            <PackNode key={k} path={`${path}.${k}`} name={k} value={v} depth={depth + 1} />
          ))}
        </div>
      </div>
    )
  }
  if (Array.isArray(value) && value.some(isObject)) {
    return (
      <div className="pack-node" data-testid={`pack-node-${path}`}>
        <h5>{labelOf(name)}</h5>
        {value.length === 0 && <p className="muted">None</p>}
        {value.map((item, i) => {
          const o = item as Record<string, unknown>
          const title = [
            o.title,
            o.id,
            o.quarter,
            o.country && countryName(String(o.country)),
            o.packId,
          ].find((x) => typeof x === 'string')
          return (
            <PackNode
              key={i}
              path={`${path}.${i}`}
              name={(title as string | undefined) ?? `${labelOf(name)} ${i + 1}`}
              value={item}
              depth={depth + 1}
            />
          )
        })}
      </div>
    )
  }
  return (
    <div className="pack-field" data-testid={`pack-field-${path}`}>
      <span className="cited-label">{labelOf(name)}</span>
      <span className="cited-value">
        {value === null ? <span className="muted">Not in this pack</span> : formatValue(name, value)}
      </span>
    </div>
  )
}

const SECTIONS: { key: keyof RulePack; title: string }[] = [
  { key: 'countries', title: 'Countries, groups and tiers' },
  { key: 'classification', title: 'Classification thresholds' },
  { key: 'licensing', title: 'Licence requirements' },
  { key: 'caps', title: 'Caps' },
  { key: 'exceptions', title: 'Licence exceptions' },
  { key: 'reviewPolicies', title: 'Review policies' },
]

export function PackContents({ pack }: { pack: RulePack }) {
  return (
    <article className="pack-contents" aria-labelledby="pack-title" data-testid={`pack-contents-${pack.id}`}>
      <header>
        <h2 id="pack-title">{pack.title}</h2>
        <p className="muted">
          {pack.id} · {humanizeStatus(pack.status)} · effective {pack.effectiveDate} · regime{' '}
          {labelOf(pack.regime)}
          {pack.basedOn ? ` · based on ${pack.basedOn}` : ''}
        </p>
        <p>{pack.summary}</p>
        <CitationLine c={pack.source} />
      </header>
      <nav aria-label="Pack sections" className="pack-toc">
        {SECTIONS.map((s) => (
          <a key={s.key} href={`#pack-${s.key}`} onClick={(e) => jumpTo(e, `pack-${s.key}`)}>
            {s.title}
          </a>
        ))}
      </nav>
      {SECTIONS.map((s) => (
        <section
          key={s.key}
          id={`pack-${s.key}`}
          className="pack-section"
          aria-labelledby={`pack-${s.key}-title`}
        >
          <h3 id={`pack-${s.key}-title`}>{s.title}</h3>
          <div className="pack-children">
            {Object.entries(pack[s.key] as unknown as Record<string, unknown>).map(([k, v]) =>
              v === null ? (
                <div key={k} className="pack-field">
                  <span className="cited-label">{labelOf(k)}</span>
                  <span className="muted">{DASH} not in this pack</span>
                </div>
              ) : (
                <PackNode key={k} path={`${s.key}.${k}`} name={k} value={v} depth={4} />
              ),
            )}
          </div>
        </section>
      ))}
    </article>
  )
}

export function humanizeStatus(status: string): string {
  return status === 'as_written'
    ? 'As written'
    : status === 'enforced'
      ? 'Enforced'
      : status === 'scenario'
        ? 'Scenario'
        : status
}

/** The app routes on the hash, so in-page anchors scroll by hand instead of changing it. */
function jumpTo(e: MouseEvent, id: string) {
  e.preventDefault()
  document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' })
}
