import { z } from 'zod'
import { op } from '../define'
import type { AuditPage, AuditVerification } from '../../domain/audit'
import { idField, pagingShape } from './fields'

export const auditListInput = z
  .object({
    ...pagingShape,
    projectId: idField.optional(),
    entity: z.string().min(1).max(50).optional(),
    /** ISO-8601 instants or dates; inclusive bounds on the event time. */
    from: z.string().min(10).max(40).optional(),
    to: z.string().min(10).max(40).optional(),
  })
  .strict()

export const auditOps = {
  'audit.list': op<AuditPage>()(
    auditListInput,
    'Audit events, newest first, optionally for one deal or a time range.',
  ),
  'audit.verify': op<AuditVerification>()(
    z.object({}).strict(),
    'Recomputes the audit hash chain and names the first edited, deleted or reordered event.',
  ),
}
