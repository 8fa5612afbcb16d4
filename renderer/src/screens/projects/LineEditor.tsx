import { useEffect, useId, useState } from 'react'
import { call } from '../../api/client'
import { capitalised, formatH100e, formatTpp } from '../../format'
import type { ChipSpec, ClassifiedChip } from '../../../../shared/rules/types'
import {
  CHIP_FIGURE_KEYS,
  CHIP_FIGURES,
  QUANTITY,
  figureMessage,
  inputLabel,
  type ChipFigureKey,
} from '../chips/chipFigures'
import { missingText } from '../chips/columns'
import {
  CUSTOM_CHIP,
  CUSTOM_CHIP_NAME,
  LINE_CHIP,
  type CustomChipForm,
  type LineCheck,
  type LineForm,
} from './dealForm'
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

/**
 * Live classification of a custom chip as it is typed (debounced `rules.classify`). `spec` is the
 * form's own reading of the chip (null when it is not a custom chip, or one the form refuses).
 */
function useClassifyCustom(spec: ChipSpec | null, packId: string | undefined) {
  const [result, setResult] = useState<{ c: ClassifiedChip | null; error: string | null }>({
    c: null,
    error: null,
  })
  const key = spec ? JSON.stringify(spec) : ''
  useEffect(() => {
    if (!key) return
    // An answer for figures typed before the latest is dropped, as CustomChipPanel does.
    let live = true
    const t = setTimeout(() => {
      const s = JSON.parse(key) as Parameters<typeof call<'rules.classify'>>[1]['chip']
      call('rules.classify', { chip: s, ...(packId ? { packId } : {}) }).then(
        (c) => live && setResult({ c, error: null }),
        (e: Error) => live && setResult({ c: null, error: e.message }),
      )
    }, 250)
    return () => {
      live = false
      clearTimeout(t)
    }
  }, [key, packId])
  return key ? result : { c: null, error: null }
}

/** One figure of a line's custom chip, marked (with the field's message) when it is given but invalid. */
function FigureInput({
  id,
  figure,
  value,
  invalid,
  onChange,
}: {
  id: string
  figure: ChipFigureKey
  value: string
  invalid: boolean
  onChange(v: string): void
}) {
  const rule = CHIP_FIGURES[figure]
  return (
    <div className="field field-narrow">
      <label htmlFor={id}>{inputLabel(rule)}</label>
      <input
        id={id}
        inputMode={rule.inputMode}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
      />
      {invalid && (
        <span id={`${id}-error`} className="field-error">
          {figureMessage(rule)}
        </span>
      )}
    </div>
  )
}

export function LineEditor({
  line,
  check,
  index,
  chips,
  packId,
  disabled,
  onChange,
  onRemove,
}: {
  line: LineForm
  /** The line as the deal form read it (`toFields`): its quantity and custom chip, checked once. */
  check: LineCheck
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
  const custom = useClassifyCustom(check.custom?.spec ?? null, packId)
  const qty = check.quantity
  const quantity = qty.state === 'ok' ? qty.value : null
  const invalidFigures = check.custom?.invalidKeys ?? []
  const setCustom = (patch: Partial<CustomChipForm>) =>
    onChange({ ...line, custom: { ...line.custom, ...patch } })
  const n = index + 1

  return (
    <fieldset className="deal-line" aria-label={`Line ${n}`}>
      <div className="line-row">
        <div className="field">
          <label htmlFor={`${id}-chip`}>
            {capitalised(LINE_CHIP)} (line {n})
          </label>
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
          <label htmlFor={`${id}-qty`}>
            {capitalised(QUANTITY.label)} (line {n})
          </label>
          <input
            id={`${id}-qty`}
            inputMode={QUANTITY.inputMode}
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
            <label htmlFor={`${id}-cname`}>{capitalised(CUSTOM_CHIP_NAME)}</label>
            <input
              id={`${id}-cname`}
              value={line.custom.name}
              onChange={(e) => setCustom({ name: e.target.value })}
            />
          </div>
          {CHIP_FIGURE_KEYS.map((figure) => (
            <FigureInput
              key={figure}
              id={`${id}-c${figure}`}
              figure={figure}
              value={line.custom[figure]}
              invalid={invalidFigures.includes(figure)}
              onChange={(v) => setCustom({ [figure]: v })}
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
