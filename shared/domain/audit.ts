export interface AuditEventRow {
  id: number
  at: string
  actor: string
  /** e.g. `project.create`, `project.transition`, `user.switch`, `ledger.import`. */
  operation: string
  entity: string
  entityId: string | null
  before: unknown
  after: unknown
  packId: string | null
  prevHash: string
  hash: string
}

export interface AuditPage {
  rows: AuditEventRow[]
  total: number
}

export interface AuditVerification {
  ok: boolean
  /** Events whose hash was recomputed. */
  checked: number
  firstBadEventId?: number
  /** What is wrong, in words an auditor can act on. */
  reason?: string
  /** Hash of the last event: the ledger's fingerprint (64 zeros for an empty chain). */
  headHash: string
}
