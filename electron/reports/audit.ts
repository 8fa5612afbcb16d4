import type { AuditReport } from '../../shared/ipc/ops/reports'
import { resolvePack } from '../core/packs'
import { listAudit, verifyAuditChain } from '../db/audit'
import { reportHeader, reportPack, todayOf, type ReportEnv } from './header'

/** Largest extract printed; beyond it the paper says so and asks for a narrower range. */
export const AUDIT_EXTRACT_LIMIT = 5000

export function auditReport(
  env: ReportEnv,
  input: { projectId?: string; from?: string; to?: string },
): AuditReport {
  const today = todayOf(env)
  const page = listAudit(env.db, {
    projectId: input.projectId,
    from: input.from,
    to: input.to,
    limit: AUDIT_EXTRACT_LIMIT,
  })
  // The pack in force on the print date: the extract itself is not pack-dependent, but every paper
  // record names the rules it was printed under.
  let pack = null
  try {
    const { pack: governing, auto } = resolvePack({ asOf: today })
    pack = reportPack(governing, today, auto)
  } catch {
    pack = null
  }
  const scope = input.projectId ?? 'ALL'
  return {
    header: reportHeader(env, {
      kind: 'audit',
      title: 'Audit extract',
      documentNumber: `HR-AUDIT-${scope}-${(input.from ?? 'start').slice(0, 10)}-${(input.to ?? today).slice(0, 10)}`,
      pack,
    }),
    filter: { projectId: input.projectId ?? null, from: input.from ?? null, to: input.to ?? null },
    events: [...page.rows].reverse(),
    total: page.total,
    truncated: page.total > page.rows.length,
    verification: verifyAuditChain(env.db),
  }
}
