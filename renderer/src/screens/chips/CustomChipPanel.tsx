import { useEffect, useId, useState, type FormEvent } from 'react'
import type { ChipRow } from '../../../../shared/domain/chip'
import type { ClassifiedChip } from '../../../../shared/rules/types'
import { call, callResult } from '../../api/client'
import { DASH, formatDecimal, formatH100e, formatTpp } from '../../format'
import { eccnText } from './columns'

interface Draft {
  name: string
  vendor: string
  mode: 'tpp' | 'tops'
  tpp: string
  tops: string
  bitLength: string
  dieArea: string
  dramBandwidth: string
  datacenter: boolean
  source: string
}

const EMPTY: Draft = {
  name: '',
  vendor: '',
  mode: 'tpp',
  tpp: '',
  tops: '',
  bitLength: '16',
  dieArea: '',
  dramBandwidth: '',
  datacenter: true,
  source: '',
}

/** "1,600" or "1600" → 1600; empty or not a positive number → undefined (the classifier says what is missing). */
function positive(text: string): number | undefined {
  const n = Number(text.replace(/[,\s]/g, ''))
  return text.trim() !== '' && Number.isFinite(n) && n > 0 ? n : undefined
}

interface SpecDraft {
  name: string
  tpp?: number
  tops?: number
  bitLength?: number
  dieArea?: number
  dramBandwidth?: number
  datacenter: boolean
}

function specOf(d: Draft): SpecDraft {
  return {
    name: d.name.trim() || 'Custom chip',
    ...(d.mode === 'tpp'
      ? { tpp: positive(d.tpp) }
      : { tops: positive(d.tops), bitLength: positive(d.bitLength) }),
    dieArea: positive(d.dieArea),
    dramBandwidth: positive(d.dramBandwidth),
    datacenter: d.datacenter,
  }
}

/**
 * A custom chip with its classification computed as the figures are typed (by the same classifier
 * the determinations use, through `rules.classify`), and saved to the desk's catalogue.
 */
export function CustomChipPanel({
  packId,
  onCreated,
}: {
  packId: string | undefined
  onCreated(chip: ChipRow): void
}) {
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [result, setResult] = useState<ClassifiedChip | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const id = useId()
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }))
    setSaved(null)
  }

  useEffect(() => {
    let live = true
    // A short pause so typing "1600" classifies once, not four times.
    const timer = setTimeout(() => {
      callResult('rules.classify', { chip: specOf(draft), ...(packId ? { packId } : {}) }).then((r) => {
        if (!live) return
        setResult(r.ok ? r.value : null)
        setError(r.ok ? null : r.error.message)
      })
    }, 150)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [draft, packId])

  const spec = specOf(draft)
  const hasThroughput = spec.tpp !== undefined || (spec.tops !== undefined && spec.bitLength !== undefined)
  const canSave = draft.name.trim() !== '' && hasThroughput && !busy

  async function save(e: FormEvent) {
    e.preventDefault()
    if (!canSave) return
    setBusy(true)
    try {
      const chip = await call('chips.create', {
        vendor: draft.vendor.trim(),
        spec: { ...spec, name: draft.name.trim() },
        source: draft.source.trim(),
      })
      setSaved(chip.name)
      setDraft(EMPTY)
      onCreated(chip)
    } catch (err) {
      setError((err as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const field = (k: keyof Draft, label: string, props: Record<string, unknown> = {}) => (
    <label className="form-field" htmlFor={`${id}-${k}`}>
      <span>{label}</span>
      <input
        id={`${id}-${k}`}
        value={draft[k] as string}
        onChange={(e) => set(k, e.target.value as never)}
        {...props}
      />
    </label>
  )

  return (
    <form className="panel custom-chip" aria-labelledby={`${id}-title`} onSubmit={save}>
      <h2 id={`${id}-title`}>Add a custom chip</h2>
      <div className="form-grid">
        {field('name', 'Name', { required: true, placeholder: 'e.g. Acme X1' })}
        {field('vendor', 'Vendor')}
        <fieldset className="form-field">
          <legend>Throughput given as</legend>
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={draft.mode === 'tpp'}
              onChange={() => set('mode', 'tpp')}
            />{' '}
            TPP
          </label>{' '}
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={draft.mode === 'tops'}
              onChange={() => set('mode', 'tops')}
            />{' '}
            Dense TOPS × bit length
          </label>
        </fieldset>
        {draft.mode === 'tpp' ? (
          field('tpp', 'TPP', { inputMode: 'decimal' })
        ) : (
          <>
            {field('tops', 'Dense TOPS / TFLOPS', { inputMode: 'decimal' })}
            {field('bitLength', 'Bit length', { inputMode: 'numeric' })}
          </>
        )}
        {field('dieArea', 'Die area (mm²)', { inputMode: 'decimal' })}
        {field('dramBandwidth', 'DRAM bandwidth (GB/s)', { inputMode: 'decimal' })}
        <label className="form-field checkbox">
          <input
            type="checkbox"
            checked={draft.datacenter}
            onChange={(e) => set('datacenter', e.target.checked)}
          />{' '}
          Designed or marketed for datacenters
        </label>
        {field('source', 'Source of the figures', { placeholder: 'datasheet, vendor letter…' })}
      </div>

      <section
        className="classification"
        aria-live="polite"
        aria-label="Live classification"
        data-testid="live-classification"
      >
        <h3>Classification</h3>
        {error && <p className="error">{error}</p>}
        {result && (
          <dl className="facts">
            <dt>TPP</dt>
            <dd data-testid="live-tpp">{formatTpp(result.tpp)}</dd>
            <dt>Performance density</dt>
            <dd data-testid="live-pd">
              {result.performanceDensity == null ? DASH : formatDecimal(result.performanceDensity)}
            </dd>
            <dt>ECCN</dt>
            <dd data-testid="live-eccn">
              <strong>{eccnText(result)}</strong>
            </dd>
            <dt>H100-equivalents</dt>
            <dd data-testid="live-h100e">{formatH100e(result.h100e)}</dd>
            {result.missing.length > 0 && (
              <>
                <dt>Missing</dt>
                <dd>{result.missing.join(', ')}</dd>
              </>
            )}
            <dt>Rule</dt>
            <dd className="citation">{result.citation}</dd>
          </dl>
        )}
      </section>
      <div className="form-actions">
        <button type="submit" disabled={!canSave}>
          {busy ? 'Adding…' : 'Add to the desk catalogue'}
        </button>
        {saved && (
          <span role="status" className="ok-text">
            Added {saved}.
          </span>
        )}
      </div>
    </form>
  )
}
