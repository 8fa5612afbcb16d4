import { nameBucketsIn } from '../../../../shared/rules/buckets'
import type { Determination } from '../../../../shared/rules/types'
import { lineFieldLabel } from './dealForm'

/**
 * What the rule engine says is missing, in the deal form's words. The engine names fields as the
 * deal book does (`consigneeHq`, `lines[0].quantity`; see docs/determination.md) and the
 * determination keeps those names; the panel shows them the way the form asks for them, so an
 * officer can find the field to fill in. A line's fields take the words its inputs are labelled with.
 */

const FIELD: Record<string, string> = {
  consignee: 'consignee',
  destination: 'destination',
  consigneeHq: 'consignee headquarters',
  lines: 'at least one line',
  'date (YYYY-MM-DD)': 'planned ship date',
}

/** One item of a determination's `missing` list in the form's words; an item of no known shape is kept. */
export function missingInWords(item: string): string {
  const field = FIELD[item]
  if (field) return field
  if (item.startsWith('parentHq')) return 'ultimate parent headquarters (or "No ultimate parent")'
  const noDay = /^date \((.+ is not a real day)\)$/s.exec(item)
  if (noDay) return `planned ship date (${noDay[1]})`
  const line = /^lines\[(\d+)\]\.(\w+)(.*)$/s.exec(item)
  if (line) {
    const [, index, name, rest] = line
    return `line ${Number(index) + 1}: ${lineFieldLabel(name!) ?? name}${rest}`
  }
  const base = /^installedBase (.*)$/s.exec(item)
  if (base) return `installed base ${base[1]}`
  return item
}

/**
 * A text of the engine's that lists the missing items as it wrote them ("Not determinable: missing
 * destination; consigneeHq.", a warning and a step), with the list in the form's words. Other texts
 * are returned unchanged.
 */
export function missingTextInWords(text: string, missing: readonly string[]): string {
  if (missing.length === 0) return text
  const raw = missing.join('; ')
  return text.includes(raw) ? text.replace(raw, missing.map(missingInWords).join('; ')) : text
}

/**
 * A determination's warnings and steps with the field and bucket ids in them put in words, as the
 * deal panel and the memo print them (the determination keeps the engine's ids; the memo's caps
 * table prints them under the names for tracing).
 */
export function determinationInWords(d: Determination): { warnings: string[]; steps: string[] } {
  const known = [...d.caps.map((c) => c.bucket), ...d.warnings.flatMap((w) => w.bucket ?? [])]
  const inWords = (text: string) => nameBucketsIn(missingTextInWords(text, d.missing), known)
  return { warnings: d.warnings.map((w) => inWords(w.message)), steps: d.steps.map((s) => inWords(s.text)) }
}
