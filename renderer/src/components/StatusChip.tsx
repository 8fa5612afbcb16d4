import type { ProjectStatus } from '../../../shared/domain/project'

export const STATUS_LABEL: Record<ProjectStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  licensed: 'Licensed',
  shipped: 'Shipped',
  closed: 'Closed',
  returned: 'Returned',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
}

/** A deal's status as a coloured chip; the text carries the meaning, colour only helps. */
export function StatusChip({ status }: { status: ProjectStatus }) {
  return <span className={`chip status-${status}`}>{STATUS_LABEL[status] ?? status}</span>
}
