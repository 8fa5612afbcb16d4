import { useEffect, useId, useState } from 'react'
import type { ClassifiedChip } from '../../../../shared/rules/types'
import { call } from '../../api/client'
import { formatH100e, formatTpp } from '../../format'
import { CUSTOM_CHIP, customSpec, type CustomChipForm, type LineForm } from './dealForm'
import type { ChipOption } from './useReferenceData'

function ClassificationNote({ c, quantity }: { c: ClassifiedChip | null; quantity: number | null }) {
  if (!c) return null
  const eccn = c.eccn === 'none' ? 'not 3A090' : (c.eccn ?? 'ECCN not determinable')
  const missing = c.missing.length ? ` · missing ${c.missing.join(', ')}` : ''
  const total =
    c.tpp != null && quantity
      ? ` · line ${formatTpp(c.tpp * quantity)} TPP, ${formatH100e((c.h100e ?? 0) * quantity)} H100e`
      : ''
  return (
    <p className="muted line-class" aria-live="polite">
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
  const quantity = Number(line.quantity.replace(/,/g, '')) || null
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
          />
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
          <div className="field field-narrow">
            <label htmlFor={`${id}-ctpp`}>TPP</label>
            <input
              id={`${id}-ctpp`}
              inputMode="decimal"
              value={line.custom.tpp}
              onChange={(e) => setCustom({ tpp: e.target.value })}
            />
          </div>
          <div className="field field-narrow">
            <label htmlFor={`${id}-ctops`}>Dense TOPS</label>
            <input
              id={`${id}-ctops`}
              inputMode="decimal"
              value={line.custom.tops}
              onChange={(e) => setCustom({ tops: e.target.value })}
            />
          </div>
          <div className="field field-narrow">
            <label htmlFor={`${id}-cbits`}>Bit length</label>
            <input
              id={`${id}-cbits`}
              inputMode="numeric"
              value={line.custom.bitLength}
              onChange={(e) => setCustom({ bitLength: e.target.value })}
            />
          </div>
          <div className="field field-narrow">
            <label htmlFor={`${id}-cdie`}>Die area (mm²)</label>
            <input
              id={`${id}-cdie`}
              inputMode="decimal"
              value={line.custom.dieArea}
              onChange={(e) => setCustom({ dieArea: e.target.value })}
            />
          </div>
          <div className="field field-narrow">
            <label htmlFor={`${id}-cdram`}>DRAM bandwidth (GB/s)</label>
            <input
              id={`${id}-cdram`}
              inputMode="decimal"
              value={line.custom.dramBandwidth}
              onChange={(e) => setCustom({ dramBandwidth: e.target.value })}
            />
          </div>
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
