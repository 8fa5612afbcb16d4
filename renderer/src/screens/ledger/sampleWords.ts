import type { SampleCounts } from '../../../../shared/domain/ledger'
import { formatCount as n } from '../../format'

/**
 * What the sample portfolio still holds, one phrase per kind that has any, in the same words on the
 * Projects banner, the Ledger screen and the removal's confirmation.
 */
export function sampleParts(s: SampleCounts): string[] {
  const parts: string[] = []
  if (s.projects) parts.push(n(s.projects, 'fictitious deal', 'fictitious deals'))
  if (s.parties) parts.push(n(s.parties, 'party', 'parties'))
  if (s.chips) parts.push(n(s.chips, 'chip', 'chips'))
  if (s.licences) parts.push(n(s.licences, 'licence', 'licences'))
  if (s.installedBase) parts.push(n(s.installedBase, 'installed-base record', 'installed-base records'))
  if (s.users.length) parts.push(n(s.users.length, 'desk user', 'desk users'))
  return parts
}

/** "a, b and c" */
export function joinWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('')
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
}
