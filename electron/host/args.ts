import { JOB_PACE_USAGE, parseJobPaceMs } from '../core/job-pace'

export interface HostArgs {
  db?: string
  port?: number
  open: boolean
  rendererDir?: string
  /** False with `--no-sample`: a new, empty ledger starts empty instead of with the sample portfolio. */
  sample: boolean
  /** `--job-pace-ms N`: background jobs wait N ms at each progress step (tests, demonstrations). */
  jobPaceMs?: number
}

/**
 * Parses the browser host's flags: `--db FILE`, `--port N`, `--no-open`, `--renderer DIR`,
 * `--no-sample`, `--job-pace-ms N`.
 */
export function parseHostArgs(argv: readonly string[]): HostArgs {
  const args: HostArgs = { open: true, sample: true }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined]
    const value = (): string => {
      const v = inline ?? argv[++i]
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`)
      return v
    }
    const wholeNumber = (max: number): number => {
      const n = Number(value())
      if (!Number.isInteger(n) || n < 0 || n > max)
        throw new Error(`${flag} must be a whole number from 0 to ${max}`)
      return n
    }
    switch (flag) {
      case '--db':
        args.db = value()
        break
      case '--port':
        args.port = wholeNumber(65535)
        break
      case '--no-open':
        args.open = false
        break
      case '--no-sample':
        args.sample = false
        break
      case '--job-pace-ms': {
        const n = parseJobPaceMs(value())
        if (n === null) throw new Error(JOB_PACE_USAGE)
        args.jobPaceMs = n
        break
      }
      case '--renderer':
        args.rendererDir = value()
        break
      default:
        throw new Error(`unknown option ${arg}`)
    }
  }
  return args
}
