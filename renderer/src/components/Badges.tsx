import type { Confidence, Outcome } from '../../../shared/rules/types'
import { humanize } from '../format'

export const OUTCOME_TONE: Record<Outcome, 'ok' | 'notice' | 'warn' | 'danger' | 'unknown'> = {
  allowed: 'ok',
  allowed_with_notice: 'notice',
  license_required: 'warn',
  likely_denied: 'danger',
  not_determinable: 'unknown',
}

export function OutcomeBadge({ outcome, large = false }: { outcome: Outcome; large?: boolean }) {
  return (
    <span className={`pill outcome outcome-${OUTCOME_TONE[outcome]}${large ? ' pill-large' : ''}`}>
      {humanize(outcome)}
    </span>
  )
}

const CONFIDENCE_LABEL: Record<Confidence, string> = {
  primary: 'Primary source',
  secondary: 'Secondary source',
  derived: 'Derived',
  weak: 'Weak source',
  unconfirmed: 'Unconfirmed',
}

/** How sure the cited source is; anything below primary is visibly marked. */
export function ConfidenceBadge({ confidence }: { confidence: Confidence }) {
  return (
    <span
      className={`pill confidence confidence-${confidence}`}
      title={`Confidence: ${CONFIDENCE_LABEL[confidence]}`}
    >
      {CONFIDENCE_LABEL[confidence]}
    </span>
  )
}
