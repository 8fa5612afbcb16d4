import { basename } from 'node:path'
import type { ReportHeader, ReportKind, ReportPack, ReportSettings } from '../../shared/ipc/ops/reports'
import type { RulePack } from '../../shared/rules/types'
import { appendAudit, auditCount, headHash } from '../db/audit'
import { packHash } from '../db/evaluation'
import type { Ledger } from '../db/ledger'
import { stmt, writeTransaction, type ActorLike } from '../db/statements'

/** What report assembly needs from a session. `now` is injectable so tests can pin the print date. */
export interface ReportEnv {
  db: Ledger
  ledgerPath: string
  appVersion: string
  actor: ActorLike
  now?: () => Date
}

export const DEFAULT_MARKING = 'CONFIDENTIAL — EXPORT CONTROLLED'

export function readMarking(db: Ledger): string {
  const value = stmt(db, "SELECT value FROM setting WHERE key = 'marking'").pluck().get() as
    string | undefined
  // A ledger whose setting row was removed still prints a marking: an unmarked export record is worse.
  return value?.trim() || DEFAULT_MARKING
}

/** Changes the marking and records the change in the audit chain, in one transaction. */
export function writeMarking(db: Ledger, who: ActorLike, marking: string): ReportSettings {
  return writeTransaction(db, () => {
    const before = readMarking(db)
    const after = marking.trim()
    if (after === before) return { marking: before }
    stmt(
      db,
      "INSERT INTO setting (key, value) VALUES ('marking', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(after)
    appendAudit(db, who, {
      operation: 'settings.marking',
      entity: 'setting',
      entityId: 'marking',
      before: { marking: before },
      after: { marking: after },
    })
    return { marking: after }
  })
}

/**
 * A pack as a report prints it. `auto` says whether the timeline chose it (the desk's selection was
 * `auto`) or someone pinned it: a pinned pack stays "pinned" even on a date the timeline would also
 * give it. `hash` is the stored one when a determination recorded it.
 */
export function reportPack(
  pack: RulePack,
  asOf: string,
  auto: boolean,
  hash: string = packHash(pack),
): ReportPack {
  return {
    id: pack.id,
    title: pack.title,
    status: pack.status,
    effectiveDate: pack.effectiveDate,
    version: hash.slice(0, 12),
    auto,
    asOf,
  }
}

export function reportHeader(
  env: ReportEnv,
  fields: { kind: ReportKind; title: string; documentNumber: string; pack: ReportPack | null },
): ReportHeader {
  return {
    ...fields,
    marking: readMarking(env.db),
    printedAt: (env.now?.() ?? new Date()).toISOString(),
    fingerprint: { headHash: headHash(env.db), events: auditCount(env.db) },
    appVersion: env.appVersion,
    ledgerName: basename(env.ledgerPath),
  }
}

export const todayOf = (env: ReportEnv): string => (env.now?.() ?? new Date()).toISOString().slice(0, 10)
