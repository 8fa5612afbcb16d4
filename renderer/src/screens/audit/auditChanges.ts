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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/**
 * The operations whose event records one and the same record before and after, and the keys of its
 * after that are not the record's (a transition's reason). Other events record different things on
 * each side (a licence draw: the licence's remaining figures before, the request after), which a
 * field-by-field comparison would misstate as fields erased and added.
 */
const SAME_RECORD: Readonly<Record<string, readonly string[]>> = {
  'project.update': [],
  'project.transition': ['reason'],
  'party.update': [],
  'scenario.rename': [],
  'settings.marking': [],
  'user.switch': [],
}

const without = (o: Record<string, unknown>, keys: readonly string[]) =>
  keys.length ? Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k))) : o

/**
 * The fields an audit event's change altered, in the order the record holds them: what a reviewer
 * checks first, before reading the whole record before and after. Values are shown as JSON, exactly
 * (a reviewer must tell `"10"` from `10`, and null from absent). Lists are compared position by
 * position (`lines.0` is the first line). Null when the event does not record one record before and
 * after (a creation, a deletion, a licence draw, an event of another kind): its record is shown whole.
 */
export function auditChanges(operation: string, before: unknown, after: unknown): AuditChange[] | null {
  const notRecord = SAME_RECORD[operation]
  if (!notRecord || !isRecord(before) || !isRecord(after)) return null
  return diff(without(before, notRecord), without(after, notRecord)).map((d) => ({
    path: d.path.join('.'),
    kind: KIND[d.type],
    before: d.type === 'CREATE' ? null : JSON.stringify(d.oldValue),
    after: d.type === 'REMOVE' ? null : JSON.stringify(d.value),
  }))
}
