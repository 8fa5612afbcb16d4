import { isAbsolute, join, resolve } from 'node:path'
import { JOB_PACE_USAGE, parseJobPaceMs } from '../core/job-pace'
import { LEDGER_FILE_NAME } from '../core/paths'

export interface ShellArgs {
  /** `--db FILE` / `--db=FILE` as given, or null when absent. */
  db: string | null
  /** False with `--no-sample`: a new, empty ledger starts empty instead of with the sample portfolio. */
  sample: boolean
  /** `--job-pace-ms N`: background jobs wait N ms at each progress step (end-to-end tests). */
  jobPaceMs?: number
}

export type ShellArgsResult = { ok: true; value: ShellArgs } | { ok: false; message: string }

/**
 * Reads `--db FILE` (or `--db=FILE`), `--no-sample` and `--job-pace-ms N` from the process arguments. Everything else
 * is ignored: Electron and Chromium put their own switches and the app path into argv, and the shell
 * must start regardless. A `--db` without a file, or given twice, is refused rather than guessed at, because
 * opening the wrong ledger is worse than not starting.
 */
export function parseShellArgs(argv: readonly string[]): ShellArgsResult {
  let db: string | null = null
  let sample = true
  let jobPaceMs: number | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    let value: string | undefined
    if (arg === '--db') {
      value = argv[i + 1]
      i++
      if (value === undefined || value === '' || value.startsWith('--'))
        return { ok: false, message: '--db needs a file path' }
    } else if (arg.startsWith('--db=')) {
      value = arg.slice('--db='.length)
      if (value === '') return { ok: false, message: '--db needs a file path' }
    } else if (arg === '--job-pace-ms' || arg.startsWith('--job-pace-ms=')) {
      const n = parseJobPaceMs(arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i])
      if (n === null) return { ok: false, message: JOB_PACE_USAGE }
      jobPaceMs = n
      continue
    } else {
      if (arg === '--no-sample') sample = false
      continue
    }
    if (db !== null) return { ok: false, message: '--db was given more than once' }
    db = value
  }
  return { ok: true, value: { db, sample, ...(jobPaceMs === undefined ? {} : { jobPaceMs }) } }
}

/** The ledger to open: `--db` resolved against the working folder, else `ledger.sqlite` in userData. */
export function resolveLedgerPath(args: ShellArgs, cwd: string, userDataDir: string): string {
  if (args.db === null) return join(userDataDir, LEDGER_FILE_NAME)
  return isAbsolute(args.db) ? args.db : resolve(cwd, args.db)
}
