import { useId, useMemo, useState, type FormEvent } from 'react'
import type { ChipRow } from '../../../../shared/domain/chip'
import { call } from '../../api/client'
import { useOp } from '../packs/frame'
import {
  CHIP_FIGURES,
  figureMessage,
  inputLabel,
  readChipFigures,
  throughputTyped,
  type ChipFigureKey,
} from './chipFigures'
import { LiveClassification, type ClassifyInput } from './LiveClassification'

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

/** The name a classification is asked under: the chip's own is given only when it is added. */
const UNNAMED = 'Custom chip'

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

interface SpecDraft {
  name: string
  tpp?: number
  tops?: number
  bitLength?: number
  dieArea?: number
  dramBandwidth?: number
  datacenter: boolean
}

/** The figures the draft's mode uses: TPP, or dense TOPS with a bit length. */
function typedFigures(d: Draft): Partial<Record<ChipFigureKey, string>> {
  return {
    ...(d.mode === 'tpp' ? { tpp: d.tpp } : { tops: d.tops, bitLength: d.bitLength }),
    dieArea: d.dieArea,
    dramBandwidth: d.dramBandwidth,
  }
}

/**
 * The spec to classify and save, the figures typed but invalid (then nothing is classified or saved),
 * and whether the throughput is typed.
 */
function specOf(d: Draft): { spec: SpecDraft; invalid: ChipFigureKey[]; hasThroughput: boolean } {
  const figures = readChipFigures(typedFigures(d))
  const { values, invalid } = figures
  return {
    spec: { name: d.name.trim() || UNNAMED, ...values, datacenter: d.datacenter },
    invalid,
    hasThroughput: throughputTyped(figures),
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
  const [saved, setSaved] = useState<string | null>(null)
  // The core's refusal of a save (a name already taken, …): apart from the live classification's
  // refusal, which is shown only with it.
  const [refused, setRefused] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const id = useId()
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }))
    setSaved(null)
    setRefused(null)
  }

  const { spec, invalid, hasThroughput } = useMemo(() => specOf(draft), [draft])
  // Figures computed from a refused value would be wrong: classify only when every figure typed is
  // valid (no question, so no answer and no earlier one is shown). The name is not asked: it does not
  // change the classification, and typing it would only set the answer aside as pending.
  const question: ClassifyInput | null = invalid.length
    ? null
    : { chip: { ...spec, name: UNNAMED }, ...(packId ? { packId } : {}) }
  // `useOp` never gives an answer for other figures as current (nor one that arrives after newer
  // figures were typed); a short pause so typing "1600" classifies once, not four times.
  const classified = useOp('rules.classify', question, { delayMs: 150 })
  // The officer sees the classification of the chip before adding it: not while it is read, when the
  // one in view (dimmed) is for other figures.
  const canSave =
    draft.name.trim() !== '' && hasThroughput && invalid.length === 0 && !classified.loading && !busy

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
      setRefused(null)
      setDraft(EMPTY)
      onCreated(chip)
    } catch (err) {
      setSaved(null)
      setRefused((err as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const field = (k: keyof Draft, label: string, props: Record<string, unknown> = {}) => {
    const wrong = invalid.find((f) => f === k)
    const errorId = `${id}-${k}-error`
    // The message sits outside the label, so it describes the input without becoming part of its name.
    return (
      <>
        <label className="form-field" htmlFor={`${id}-${k}`}>
          <span>{label}</span>
          <input
            id={`${id}-${k}`}
            value={draft[k] as string}
            onChange={(e) => set(k, e.target.value as never)}
            // Read-only while the chip is added: a saved chip clears the form, and what was typed
            // meanwhile would go with it, unsaved and unsaid.
            disabled={busy}
            aria-invalid={wrong ? true : undefined}
            aria-describedby={wrong ? errorId : undefined}
            {...props}
          />
        </label>
        {wrong && (
          <span id={errorId} className="field-error">
            {figureMessage(CHIP_FIGURES[wrong])}
          </span>
        )}
      </>
    )
  }

  /** A figure's input, labelled and keyed as the figures' table says. */
  const figureField = (k: ChipFigureKey) =>
    field(k, inputLabel(CHIP_FIGURES[k]), { inputMode: CHIP_FIGURES[k].inputMode })

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
              disabled={busy}
              onChange={() => set('mode', 'tpp')}
            />{' '}
            TPP
          </label>{' '}
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={draft.mode === 'tops'}
              disabled={busy}
              onChange={() => set('mode', 'tops')}
            />{' '}
            Dense TOPS × bit length
          </label>
        </fieldset>
        {draft.mode === 'tpp' ? (
          figureField('tpp')
        ) : (
          <>
            {figureField('tops')}
            {figureField('bitLength')}
          </>
        )}
        {figureField('dieArea')}
        {figureField('dramBandwidth')}
        <label className="form-field checkbox">
          <input
            type="checkbox"
            checked={draft.datacenter}
            disabled={busy}
            onChange={(e) => set('datacenter', e.target.checked)}
          />{' '}
          Designed or marketed for datacenters
        </label>
        {field('source', 'Source of the figures', { placeholder: 'datasheet, vendor letter…' })}
      </div>

      <LiveClassification view={classified} input={question} />
      <div className="form-actions">
        <button type="submit" disabled={!canSave}>
          {busy ? 'Adding…' : 'Add to the desk catalogue'}
        </button>
        {invalid.length > 0 && (
          <span className="field-error" data-testid="custom-chip-refused">
            Not saved until {invalid.length === 1 ? 'this figure is' : 'these figures are'} corrected:{' '}
            {invalid.map((k) => CHIP_FIGURES[k].label).join(', ')}.
          </span>
        )}
        {refused && (
          <span role="alert" className="field-error" data-testid="custom-chip-save-refused">
            {refused}
          </span>
        )}
        {saved && (
          <span role="status" className="ok-text">
            Added {saved}.
          </span>
        )}
      </div>
    </form>
  )
}
