import { AppError } from '../../shared/ipc/result'
import { LEDGER_BUSY_MESSAGE } from '../core/error-info'
import { isLedgerBusy } from '../db/statements'
import { commands } from './commands/index'
import { UsageError, type CliIo, type GlobalOptions } from './types'

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
}

function helpText(): string {
  const lines = ['Usage: headroom [--db FILE] <command> [options]', '', 'Commands:']
  for (const c of commands) lines.push(`  ${c.name.padEnd(10)} ${c.summary}`)
  lines.push('', 'Run `headroom <command> --help` for a command’s options.')
  return lines.join('\n')
}

/** Parses the global options that come before the command, then runs it. Returns the exit code. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const global: GlobalOptions = {}
  let i = 0
  for (; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--db') {
      const value = argv[++i]
      if (!value) {
        io.err('headroom: --db needs a file path')
        return 2
      }
      global.db = value
    } else if (arg.startsWith('--db=')) {
      global.db = arg.slice(5)
    } else if (arg === '--help' || arg === '-h') {
      io.out(helpText())
      return 0
    } else {
      break
    }
  }
  const name = argv[i]
  if (!name) {
    io.err(helpText())
    return 2
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    io.err(`headroom: unknown command "${name}"\n\n${helpText()}`)
    return 2
  }
  const rest = argv.slice(i + 1)
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.usage}\n\n${command.summary}`)
    return 0
  }
  try {
    return await command.run(rest, global, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`headroom ${name}: ${error.message}`)
      return 2
    }
    if (error instanceof AppError) {
      io.err(`headroom ${name}: ${error.message}`)
      return error.code === 'invalid_input' ? 2 : 1
    }
    // Opening the ledger (its migrations) waits for the write lock outside any operation's envelope.
    if (isLedgerBusy(error)) {
      io.err(`headroom ${name}: ${LEDGER_BUSY_MESSAGE}`)
      return 1
    }
    io.err(`headroom ${name}: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}
