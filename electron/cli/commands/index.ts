import type { CliCommand } from '../types'
import { rulesCommands } from './rules'

/** Every CLI command. Each domain adds its commands from its own file. */
export const commands: CliCommand[] = [...rulesCommands]
