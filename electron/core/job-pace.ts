/**
 * `--job-pace-ms N`, read the same way by the Electron shell and the browser host: background jobs
 * then wait N ms at each progress step (slow motion for end-to-end tests and demonstrations).
 */

export const MAX_JOB_PACE_MS = 10_000

export const JOB_PACE_USAGE = `--job-pace-ms must be a whole number of milliseconds from 0 to ${MAX_JOB_PACE_MS}`

/** The flag's value as milliseconds, or null when it is not a whole number from 0 to the maximum. */
export function parseJobPaceMs(given: string | undefined): number | null {
  if (given === undefined || given.trim() === '') return null
  const n = Number(given)
  return Number.isInteger(n) && n >= 0 && n <= MAX_JOB_PACE_MS ? n : null
}
