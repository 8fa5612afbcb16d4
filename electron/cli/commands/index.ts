import type { CliCommand } from '../types'
import { ledgerCommands } from './ledger'
import { rulesCommands } from './rules'
import { reportCommand } from './report'

/** Every CLI command. Each domain adds its commands from its own file. */
export const commands: CliCommand[] = [...rulesCommands, ...ledgerCommands, reportCommand]
