export interface HostArgs {
  db?: string
  port?: number
  open: boolean
  rendererDir?: string
  /** False with `--no-sample`: a new, empty ledger starts empty instead of with the sample portfolio. */
  sample: boolean
}

/** Parses the browser host's flags: `--db FILE`, `--port N`, `--no-open`, `--renderer DIR`, `--no-sample`. */
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
    switch (flag) {
      case '--db':
        args.db = value()
        break
      case '--port': {
        const n = Number(value())
        if (!Number.isInteger(n) || n < 0 || n > 65535)
          throw new Error('--port must be a whole number from 0 to 65535')
        args.port = n
        break
      }
      case '--no-open':
        args.open = false
        break
      case '--no-sample':
        args.sample = false
        break
      case '--renderer':
        args.rendererDir = value()
        break
      default:
        throw new Error(`unknown option ${arg}`)
    }
  }
  return args
}
