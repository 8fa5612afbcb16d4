import { useEffect, useId, useState } from 'react'
import type { ClassifiedChip } from '../../../../shared/rules/types'
import { call } from '../../api/client'
import { formatH100e, formatTpp } from '../../format'
import { CHIP_FIGURES, QUANTITY, figureMessage, readFigure, type ChipFigureKey } from '../chips/chipFigures'
import { missingText } from '../chips/columns'
import { CUSTOM_CHIP, customSpec, type CustomChipForm, type LineForm } from './dealForm'
import type { ChipOption } from './useReferenceData'

/**
 * The chip's figures and, with a valid quantity, the line's totals. `quantity` is null when it is not
 * given or not valid: no total is computed from a quantity the form refuses.
 */
function ClassificationNote({ c, quantity }: { c: ClassifiedChip | null; quantity: number | null }) {
  if (!c) return null
  const eccn = c.eccn === 'none' ? 'not 3A090' : (c.eccn ?? 'ECCN not determinable')
  const missing = c.missing.length ? ` · missing ${missingText(c.missing)}` : ''
  const total =
    c.tpp != null && quantity
      ? ` · line ${formatTpp(c.tpp * quantity)} TPP, ${formatH100e((c.h100e ?? 0) * quantity)} H100e`
      : ''
  return (
    <p className="muted line-class" aria-live="polite" data-testid="line-summary">
      {formatTpp(c.tpp)} TPP each · {eccn}
      {c.paragraph ? ` (${c.paragraph})` : ''} · {formatH100e(c.h100e)} H100e each{total}
      {missing}
    </p>
  )
}

/** Live classification of a custom chip as it is typed (debounced `rules.classify`). */
function useClassifyCustom(custom: CustomChipForm, active: boolean, packId: string | undefined) {
  const [result, setResult] = useState<{ c: ClassifiedChip | null; error: string | null }>({
    c: null,
    error: null,
  })
  const { spec } = customSpec(custom)
  const key = active && spec ? JSON.stringify(spec) : ''
  useEffect(() => {
    if (!key) return
    const t = setTimeout(() => {
      const s = JSON.parse(key) as Parameters<typeof call<'rules.classify'>>[1]['chip']
      call('rules.classify', { chip: s, ...(packId ? { packId } : {}) }).then(
        (c) => setResult({ c, error: null }),
        (e: Error) => setResult({ c: null, error: e.message }),
      )
    }, 250)
    return () => clearTimeout(t)
  }, [key, packId])
  return key ? result : { c: null, error: null }
}

/** The figures of a line's custom chip, in the order the form asks for them. */
const CUSTOM_FIGURES: readonly { figure: ChipFigureKey; label: string; inputMode: 'decimal' | 'numeric' }[] =
  [
    { figure: 'tpp', label: 'TPP', inputMode: 'decimal' },
    { figure: 'tops', label: 'Dense TOPS', inputMode: 'decimal' },
    { figure: 'bitLength', label: 'Bit length', inputMode: 'numeric' },
    { figure: 'dieArea', label: 'Die area (mm²)', inputMode: 'decimal' },
    { figure: 'dramBandwidth', label: 'DRAM bandwidth (GB/s)', inputMode: 'decimal' },
  ]

/** One figure of a line's custom chip, marked (with the field's message) when it is given but invalid. */
function FigureInput({
  id,
  label,
  inputMode,
  figure,
  value,
  invalid,
  onChange,
}: {
  id: string
  label: string
  inputMode: 'decimal' | 'numeric'
  figure: ChipFigureKey
  value: string
  invalid: boolean
  onChange(v: string): void
}) {
  return (
    <div className="field field-narrow">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode={inputMode}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
      />
      {invalid && (
        <span id={`${id}-error`} className="field-error">
          {figureMessage(CHIP_FIGURES[figure])}
        </span>
      )}
    </div>
  )
}

export function LineEditor({
  line,
  index,
  chips,
  packId,
  disabled,
  onChange,
  onRemove,
}: {
  line: LineForm
  index: number
  chips: ChipOption[]
  packId: string | undefined
  disabled: boolean
  onChange(next: LineForm): void
  onRemove(): void
}) {
  const id = useId()
  const isCustom = line.chipId === CUSTOM_CHIP
  const catalogue = chips.filter((c) => c.origin === 'catalogue')
  const desk = chips.filter((c) => c.origin === 'desk')
  const chosen = chips.find((c) => c.id === line.chipId) ?? null
  const custom = useClassifyCustom(line.custom, isCustom, packId)
  const qty = readFigure(line.quantity, QUANTITY)
  const quantity = qty.state === 'ok' ? qty.value : null
  const invalidFigures = isCustom ? customSpec(line.custom).invalidKeys : []
  const setCustom = (patch: Partial<CustomChipForm>) =>
    onChange({ ...line, custom: { ...line.custom, ...patch } })
  const n = index + 1

  return (
    <fieldset className="deal-line" aria-label={`Line ${n}`}>
      <div className="line-row">
        <div className="field">
          <label htmlFor={`${id}-chip`}>Chip (line {n})</label>
          <select
            id={`${id}-chip`}
            value={line.chipId}
            onChange={(e) => onChange({ ...line, chipId: e.target.value })}
          >
            <option value="">Choose a chip…</option>
            <optgroup label="Catalogue">
              {catalogue.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.vendor})
                </option>
              ))}
            </optgroup>
            {desk.length > 0 && (
              <optgroup label="Desk chips">
                {desk.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                    {c.vendor ? ` (${c.vendor})` : ''}
                  </option>
                ))}
              </optgroup>
            )}
            <option value={CUSTOM_CHIP}>Custom chip (enter its figures)…</option>
          </select>
        </div>
        <div className="field field-narrow">
          <label htmlFor={`${id}-qty`}>Quantity (line {n})</label>
          <input
            id={`${id}-qty`}
            inputMode="numeric"
            value={line.quantity}
            onChange={(e) => onChange({ ...line, quantity: e.target.value })}
            aria-invalid={qty.state === 'invalid' ? true : undefined}
            aria-describedby={qty.state === 'invalid' ? `${id}-qty-error` : undefined}
          />
          {qty.state === 'invalid' && (
            <span id={`${id}-qty-error`} className="field-error">
              {figureMessage(QUANTITY, qty.aboveMax)}
            </span>
          )}
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label={`Remove line ${n}`}
          disabled={disabled}
          onClick={onRemove}
        >
          ✕
        </button>
      </div>
      {!isCustom && <ClassificationNote c={chosen?.classification ?? null} quantity={quantity} />}
      {isCustom && (
        <div className="line-custom-chip">
          <div className="field">
            <label htmlFor={`${id}-cname`}>Chip name</label>
            <input
              id={`${id}-cname`}
              value={line.custom.name}
              onChange={(e) => setCustom({ name: e.target.value })}
            />
          </div>
          {CUSTOM_FIGURES.map((f) => (
            <FigureInput
              key={f.figure}
              id={`${id}-c${f.figure}`}
              label={f.label}
              inputMode={f.inputMode}
              figure={f.figure}
              value={line.custom[f.figure]}
              invalid={invalidFigures.includes(f.figure)}
              onChange={(v) => setCustom({ [f.figure]: v })}
            />
          ))}
          <label className="check">
            <input
              type="checkbox"
              checked={line.custom.datacenter}
              onChange={(e) => setCustom({ datacenter: e.target.checked })}
            />{' '}
            Designed or marketed for datacenters
          </label>
          <ClassificationNote c={custom.c} quantity={quantity} />
          {custom.error && <p className="error">{custom.error}</p>}
        </div>
      )}
    </fieldset>
  )
}
