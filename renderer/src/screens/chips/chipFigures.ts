import { ungroupThousands } from '../../../../shared/grouped-number'
import { capitalised } from '../../format'

/**
 * A chip's figures as typed in a form (the custom-chip panel, a deal line's custom chip). A figure
 * left empty is "not given" and the classifier says what is missing; a figure that is present but
 * not a valid number is refused with the field's name, never read as "not given": a die area of
 * -500 saved as "no die area" would quietly change what the chip is classified as.
 */

export type ChipFigureKey = 'tpp' | 'tops' | 'bitLength' | 'dieArea' | 'dramBandwidth'

/**
 * The one table of a figure's words: its input's label ("Die area (mm²)"), the message beside it, the
 * "To correct" and "Missing" lists of the deal editor and the chips screen all come from `label` (and
 * `unit`), so a field is never called two things.
 */
export interface FigureRule {
  /** The field's name as the forms label it, lower case (sentences start it with a capital). */
  label: string
  /** Shown after the name in the input's label ("Die area (mm²)"), not in sentences. */
  unit?: string
  /** Said after the name in the input's label only, where the spec sheets use another word for it. */
  aside?: string
  /** Whole numbers only get the numeric keypad. */
  inputMode: 'decimal' | 'numeric'
  /** What a valid value is, in the desk's words. */
  expected: string
  whole?: boolean
  max?: number
  /** What to say of a value above `max`, when `expected` does not say it already. */
  aboveMax?: string
}

/**
 * A chip's figures, in the order the forms ask for them. Bit length stops at 128, as `rules.classify`
 * does, so a typed chip can always be classified live.
 */
export const CHIP_FIGURES: Readonly<Record<ChipFigureKey, FigureRule>> = {
  tpp: { label: 'TPP', inputMode: 'decimal', expected: 'a positive number' },
  // Spec sheets give floating-point throughput in TFLOPS; the figure is the same one.
  tops: { label: 'dense TOPS', aside: 'or TFLOPS', inputMode: 'decimal', expected: 'a positive number' },
  bitLength: {
    label: 'bit length',
    inputMode: 'numeric',
    expected: 'a whole number from 1 to 128',
    whole: true,
    max: 128,
  },
  dieArea: { label: 'die area', unit: 'mm²', inputMode: 'decimal', expected: 'a positive number of mm²' },
  dramBandwidth: {
    label: 'DRAM bandwidth',
    unit: 'GB/s',
    inputMode: 'decimal',
    expected: 'a positive number of GB/s',
  },
}

/** The figure keys in the forms' order. */
export const CHIP_FIGURE_KEYS = Object.keys(CHIP_FIGURES) as readonly ChipFigureKey[]

/** A deal line's quantity: whole units, at least one, at most what the ledger accepts. */
export const QUANTITY: FigureRule = {
  label: 'quantity',
  inputMode: 'numeric',
  expected: 'a whole number of at least 1',
  whole: true,
  max: 100_000_000,
  aboveMax: 'at most 100,000,000',
}

export type Figure =
  { state: 'empty' } | { state: 'ok'; value: number } | { state: 'invalid'; aboveMax?: boolean }

/** Plain decimals only ("1600", "812.5"): no signs, exponents or hex, which `Number` would take. */
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/

/**
 * Reads one typed figure: empty, a valid positive number under `rule`, or invalid. Thousands may be
 * grouped ("1,600"); a comma anywhere else ("1,5") is invalid, never read as 15.
 */
export function readFigure(text: string, rule: FigureRule): Figure {
  const t = ungroupThousands(text)
  if (t === '') return { state: 'empty' }
  if (t === null || !DECIMAL.test(t)) return { state: 'invalid' }
  const n = Number(t)
  if (!(n > 0) || (rule.whole && !Number.isInteger(n))) return { state: 'invalid' }
  if (rule.max !== undefined && n > rule.max) return { state: 'invalid', aboveMax: true }
  return { state: 'ok', value: n }
}

/** A figure's name and unit where it labels its input: "Die area (mm²)", "Dense TOPS (or TFLOPS)", "TPP". */
export const inputLabel = (rule: FigureRule): string => {
  const after = rule.unit ?? rule.aside
  return after ? `${capitalised(rule.label)} (${after})` : capitalised(rule.label)
}

/** A field's label by the name the classifier and the rule engine give it (`dieArea`), if it is a figure. */
export function figureLabel(name: string): string | undefined {
  if (name === 'quantity') return QUANTITY.label
  return Object.hasOwn(CHIP_FIGURES, name) ? CHIP_FIGURES[name as ChipFigureKey].label : undefined
}

/** "TPP, or dense TOPS and bit length": the throughput a chip needs, one way or the other. */
export const THROUGHPUT_NEEDED = `${CHIP_FIGURES.tpp.label}, or ${CHIP_FIGURES.tops.label} and ${CHIP_FIGURES.bitLength.label}`

const expectedOf = (rule: FigureRule, aboveMax = false) =>
  aboveMax && rule.aboveMax ? rule.aboveMax : rule.expected

/** "Die area: a positive number of mm²" (a form's own message next to the field). */
export const figureMessage = (rule: FigureRule, aboveMax = false): string =>
  `${capitalised(rule.label)}: ${expectedOf(rule, aboveMax)}`

/** "die area must be a positive number of mm²" (inside a list such as "line 1: …"). */
export const figureProblem = (rule: FigureRule, aboveMax = false): string =>
  `${rule.label} must be ${expectedOf(rule, aboveMax)}`

export interface ChipFigures {
  /** The valid figures; an empty or invalid one is absent. */
  values: Partial<Record<ChipFigureKey, number>>
  /** The figures present but invalid, in the form's order. */
  invalid: ChipFigureKey[]
}

/** Reads the figures a form holds (only the keys given, so a form in TPP mode ignores TOPS). */
export function readChipFigures(typed: Partial<Record<ChipFigureKey, string>>): ChipFigures {
  const values: ChipFigures['values'] = {}
  const invalid: ChipFigureKey[] = []
  for (const key of CHIP_FIGURE_KEYS) {
    const text = typed[key]
    if (text === undefined) continue
    const f = readFigure(text, CHIP_FIGURES[key])
    if (f.state === 'ok') values[key] = f.value
    else if (f.state === 'invalid') invalid.push(key)
  }
  return { values, invalid }
}

/**
 * Whether the throughput is typed: TPP, or dense TOPS with a bit length. A figure typed but invalid
 * counts as typed (it is refused as invalid, not asked for again as missing).
 */
export function throughputTyped({ values, invalid }: ChipFigures): boolean {
  const typed = (k: ChipFigureKey) => values[k] !== undefined || invalid.includes(k)
  return typed('tpp') || (typed('tops') && typed('bitLength'))
}

// As typed, not rounded: "812.5" is not shown as 813 when the panel says which figures an answer is for.
const figureNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 })

/**
 * "TPP 1,600, die area 500 mm², not for datacenters": the figures a classification was asked for, in
 * the forms' words, so the panel can say which figures an answer kept in view belongs to.
 */
export function figuresText(values: Partial<Record<ChipFigureKey, number>>, datacenter = true): string {
  const given = CHIP_FIGURE_KEYS.flatMap((k) => {
    const v = values[k]
    if (v === undefined) return []
    const unit = CHIP_FIGURES[k].unit
    return [`${CHIP_FIGURES[k].label} ${figureNumber.format(v)}${unit ? ` ${unit}` : ''}`]
  })
  if (!datacenter) given.push('not for datacenters')
  return given.length ? given.join(', ') : 'no figures'
}
