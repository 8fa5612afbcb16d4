export interface CliIo {
  out(text: string): void
  err(text: string): void
}

export interface GlobalOptions {
  /** Ledger file given with `--db`; commands that need a ledger refuse to run without one. */
  db?: string
}

export interface CliCommand {
  name: string
  summary: string
  usage: string
  /** Returns the process exit code: 0 success, 1 failure, 2 invalid input or usage. */
  run(args: string[], global: GlobalOptions, io: CliIo): Promise<number> | number
}

/** Thrown for bad usage or input; the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}
