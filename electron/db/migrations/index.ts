import type { Migration } from './types'
import { m0010Countries } from './0010-countries'

/** Every migration, in order. Append only: a released migration is never edited or removed. */
export const migrations: readonly Migration[] = [m0010Countries]

export const latestVersion = (list: readonly Migration[] = migrations): number =>
  list.length === 0 ? 0 : list[list.length - 1]!.version
