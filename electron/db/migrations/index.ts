import type { Migration } from './types'
import { m0010Countries } from './0010-countries'
import { m0015Settings } from './0015-settings'
import { m0020DeskReference } from './0020-desk-reference'
import { m0030Projects } from './0030-projects'
import { m0040Capacity } from './0040-capacity'
import { m0050Audit } from './0050-audit'
import { m0060Scenarios } from './0060-scenarios'
import { m0070HeadroomIndexes } from './0070-headroom-indexes'
import { m0080ImportBatches } from './0080-import-batches'
import { m0090ProjectChecks } from './0090-project-checks'
import { m0100ProjectLines } from './0100-project-lines'
import { m0110LppSpellingIndex } from './0110-lpp-spelling-index'
import { m0120ProjectLicensed } from './0120-project-licensed'
import { m0130ChipNamesInSummary } from './0130-chip-names-in-summary'

/** Every migration, in order. Append only: a released migration is never edited or removed. */
export const migrations: readonly Migration[] = [
  m0010Countries,
  m0015Settings,
  m0020DeskReference,
  m0030Projects,
  m0040Capacity,
  m0050Audit,
  m0060Scenarios,
  m0070HeadroomIndexes,
  m0080ImportBatches,
  m0090ProjectChecks,
  m0100ProjectLines,
  m0110LppSpellingIndex,
  m0120ProjectLicensed,
  m0130ChipNamesInSummary,
]

export const latestVersion = (list: readonly Migration[] = migrations): number =>
  list.length === 0 ? 0 : list[list.length - 1]!.version
