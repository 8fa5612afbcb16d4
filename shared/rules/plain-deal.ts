import { isIso2 } from '../countries'
import { isIsoDate } from '../iso-date'
import {
  MAX_CERTIFICATIONS,
  MAX_DEAL_LINES,
  MAX_ID_LENGTH,
  MAX_LINE_UNITS,
  MAX_NAME_LENGTH,
  REQUESTED_AUTHORIZATIONS,
  TRANSACTION_KINDS,
  VEU_KINDS,
  type Deal,
} from './types'

/**
 * The common deal, checked without zod. A 100,000-deal book spent most of its validation time in zod
 * building and checking objects that were already in their final form, so a deal whose every field is
 * plainly valid and already normalised (strings trimmed, ISO codes upper case, catalogue chips named
 * by text) is copied here in `dealSchema`'s key order, which is what zod would return. Anything else
 * — an inline chip spec, a field to trim, an unknown key, an invalid value, `undefined` — returns
 * `undefined` and goes to zod, which gives the output or the errors. So this only ever answers for a
 * subset of what `dealSchema` accepts, with the same output (test/unit/rules/plain-deal.test.ts).
 */
export function plainDeal(item: unknown, schemaKeys: readonly string[]): Deal | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined
  const src = item as Record<string, unknown>
  // Every own key known and defined; counted, so the copy below can tell it took them all.
  let keys = 0
  for (const k in src) {
    if (!Object.hasOwn(src, k) || (k !== 'lines' && !Object.hasOwn(FIELD_OK, k)) || src[k] === undefined)
      return undefined
    keys++
  }
  const out: Record<string, unknown> = {}
  // `schemaKeys`: dealSchema's keys in its order, which zod gives its output; a key this module does
  // not know (or a key the schema lacks) sends the deal to zod.
  let copied = 0
  for (const k of schemaKeys) {
    if (!Object.hasOwn(src, k)) continue
    const v = src[k]
    if (k === 'lines') {
      const lines = plainLines(v)
      if (!lines) return undefined
      out.lines = lines
    } else if (!Object.hasOwn(FIELD_OK, k) || !FIELD_OK[k as keyof typeof FIELD_OK](v)) return undefined
    else if (k === 'veu') out.veu = { ...(v as object) }
    else if (k === 'certifications') out.certifications = [...(v as string[])]
    else out[k] = v
    copied++
  }
  const required = out.id !== undefined && out.date !== undefined && out.consignee !== undefined
  if (copied !== keys || !required || out.lines === undefined) return undefined
  return out as unknown as Deal
}

const AUTHORIZATIONS = new Set<unknown>(REQUESTED_AUTHORIZATIONS)
const TRANSACTIONS = new Set<unknown>(TRANSACTION_KINDS)
const KINDS_OF_VEU = new Set<unknown>(VEU_KINDS)

/** A string `text` in book.ts returns unchanged: non-empty and already trimmed. */
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.trim() === v
/** `nameText` and `idText` in book.ts: text within the editor's lengths. */
const isName = (v: unknown): v is string => isText(v) && v.length <= MAX_NAME_LENGTH
const isId = (v: unknown): v is string => isText(v) && v.length <= MAX_ID_LENGTH
/** A code `iso2` returns unchanged: `isIso2` accepts only two upper-case letters. */
const isIso = (v: unknown): boolean => typeof v === 'string' && isIso2(v)
const isBool = (v: unknown): boolean => typeof v === 'boolean'

/** Every field a plain deal may have (but `lines`, copied by `plainLines`), and the check that its value is final. */
const FIELD_OK: Record<Exclude<keyof Deal, 'lines'>, (v: unknown) => boolean> = {
  id: isId,
  date: isIsoDate,
  consignee: isName,
  consigneeHq: isIso,
  parentHq: (v) => v === null || isIso(v),
  destination: isIso,
  site: (v) => typeof v === 'string' && v.length <= MAX_NAME_LENGTH,
  authorization: (v) => AUTHORIZATIONS.has(v),
  licensed: isBool,
  veu: plainVeu,
  datacenter: isBool,
  certifications: (v) => Array.isArray(v) && v.length <= MAX_CERTIFICATIONS && v.every(isId),
  transaction: (v) => TRANSACTIONS.has(v),
}

function plainVeu(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const veu = v as Record<string, unknown>
  let keys = 0
  for (const k in veu) {
    if (!Object.hasOwn(veu, k) || (k !== 'id' && k !== 'kind' && k !== 'hq')) return false
    keys++
  }
  return keys === 3 && isId(veu.id) && KINDS_OF_VEU.has(veu.kind) && isIso(veu.hq)
}

/** Lines naming catalogue chips by text with whole positive quantities, copied; else undefined. */
function plainLines(v: unknown): Deal['lines'] | undefined {
  if (!Array.isArray(v) || v.length === 0 || v.length > MAX_DEAL_LINES) return undefined
  const lines: Deal['lines'] = []
  for (const line of v as unknown[]) {
    if (typeof line !== 'object' || line === null || Array.isArray(line)) return undefined
    const l = line as Record<string, unknown>
    let keys = 0
    for (const k in l) {
      if (!Object.hasOwn(l, k) || (k !== 'chip' && k !== 'quantity')) return undefined
      keys++
    }
    const q = l.quantity
    if (
      keys !== 2 ||
      !isId(l.chip) ||
      typeof q !== 'number' ||
      !Number.isSafeInteger(q) ||
      q < 1 ||
      q > MAX_LINE_UNITS
    )
      return undefined
    lines.push({ chip: l.chip, quantity: q })
  }
  return lines
}
