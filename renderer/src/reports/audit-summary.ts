/**
 * One line saying what an audit event changed: the fields whose values differ between before and
 * after, with short values. Full before/after JSON stays in the ledger; paper gets the gist.
 */
export function changeSummary(before: unknown, after: unknown, maxLength = 220): string {
  const text = summarise(before, after)
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text
}

const brief = (v: unknown): string => {
  if (v === null || v === undefined) return '∅'
  if (typeof v === 'string') return v.length > 40 ? `${v.slice(0, 39)}…` : v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return `[${v.length}]`
  return '{…}'
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function summarise(before: unknown, after: unknown): string {
  if (before == null && after == null) return ''
  if (before == null)
    return isRecord(after)
      ? `created: ${Object.keys(after).slice(0, 8).join(', ')}`
      : `created: ${brief(after)}`
  if (after == null) return 'removed'
  if (!isRecord(before) || !isRecord(after)) return `${brief(before)} → ${brief(after)}`
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
  const changed = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
  if (changed.length === 0) return 'no field changed'
  return changed.map((k) => `${k}: ${brief(before[k])} → ${brief(after[k])}`).join('; ')
}
