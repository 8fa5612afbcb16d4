import type { AnswerField, CompareRow, CompareSide } from '../../../../shared/domain/scenario'
import { DASH, formatTpp, humanize } from '../../format'

const LABEL: Record<AnswerField, string> = {
  outcome: 'Outcome',
  licenseRequired: 'Licence required',
  authorization: 'Authorization',
  reviewPolicy: 'Review policy',
}

/** One side's value of an answer field in words, lower case after the label ("policy of denial"). */
function valueOf(side: CompareSide, field: AnswerField): string {
  const v = side[field]
  if (v === null) return 'none'
  if (typeof v === 'boolean') return v ? 'yes' : 'no'
  if (field === 'authorization') return v
  const text = humanize(v)
  return text.charAt(0).toLowerCase() + text.slice(1)
}

/**
 * What changes between pack A and pack B for one deal, in words, e.g. "Review policy: presumption of
 * approval → policy of denial"; "Same answer" when nothing that makes up the answer differs.
 */
export function changeInWords(row: Pick<CompareRow, 'left' | 'right' | 'changed'>): string {
  if (row.changed.length === 0) return 'Same answer'
  return row.changed.map((f) => `${LABEL[f]}: ${valueOf(row.left, f)} → ${valueOf(row.right, f)}`).join('; ')
}

/**
 * The country allocation left after the deal ("… over" when exceeded): counted once the deal is
 * licensed, otherwise what would be left if it were ("… if licensed"), as only licensed TPP counts.
 */
export function allocationInWords(side: CompareSide | undefined): string {
  if (!side || side.allocationRemaining === null) return DASH
  const r = side.allocationRemaining
  const tpp = r < 0 ? `${formatTpp(-r)} over` : formatTpp(r)
  return side.allocationCounted ? tpp : `${tpp} if licensed`
}
