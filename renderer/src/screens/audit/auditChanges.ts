import diff from 'microdiff'

/** One field an audited change altered: its path as the ledger's errors name fields (`lines.0.quantity`). */
export interface AuditChange {
  path: string
  kind: 'added' | 'removed' | 'changed'
  /** The value before and after, as exact JSON text; null where the field was absent. */
  before: string | null
  after: string | null
}

const KIND = { CREATE: 'added', REMOVE: 'removed', CHANGE: 'changed' } as const

const isRecord = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === 'object' && v !== null

/**
 * The fields an audit event's change altered, in the order the record holds them: what a reviewer
 * checks first, before reading the whole record before and after. Values are shown as JSON, exactly
 * (a reviewer must tell `"10"` from `10`, and null from absent). Null when the event does not record
 * both a before and an after object (a creation, a deletion, an event about something else): there is
 * then nothing to compare, and the record is shown whole.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] | null {
  if (!isRecord(before) || !isRecord(after)) return null
  return diff(before, after).map((d) => ({
    path: d.path.join('.'),
    kind: KIND[d.type],
    before: d.type === 'CREATE' ? null : JSON.stringify(d.oldValue),
    after: d.type === 'REMOVE' ? null : JSON.stringify(d.value),
  }))
}
