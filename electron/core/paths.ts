import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Where the ledger lives when no `--db` is given: the same per-user folder Electron's
 * `app.getPath('userData')` uses for an app named "Headroom", so the browser host and the
 * desktop shell open the same file.
 */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Headroom')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Headroom')
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Headroom')
}

export const LEDGER_FILE_NAME = 'ledger.sqlite'

export const defaultLedgerPath = (): string => join(defaultUserDataDir(), LEDGER_FILE_NAME)
