import type { CliCommand } from '../types'

/** Every CLI command. Each domain adds its commands from its own file. */
export const commands: CliCommand[] = []
