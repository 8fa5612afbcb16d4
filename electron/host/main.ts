import { spawn } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openSession } from '../core/session'
import { defaultLedgerPath } from '../core/paths'
import { parseHostArgs } from './args'
import { startHost } from './server'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

function openInBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true })
    child.on('error', () => undefined)
    child.unref()
  } catch {
    // No desktop browser to open: the printed address is enough.
  }
}

export async function runHost(argv: readonly string[]): Promise<void> {
  const args = parseHostArgs(argv)
  const ledgerPath = resolve(args.db ?? defaultLedgerPath())
  const session = openSession({
    ledgerPath,
    host: 'browser',
    sample: args.sample,
    jobPaceMs: args.jobPaceMs,
  })
  const host = await startHost({
    dispatch: session.dispatch,
    rendererDir: args.rendererDir ?? join(repoRoot, 'out', 'renderer'),
    port: args.port,
  })
  process.stdout.write(`Headroom is ready at ${host.url}\n`)
  if (args.open) openInBrowser(host.url)
  const stop = async () => {
    await host.close()
    session.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runHost(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(
      `Headroom could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    process.exit(1)
  })
}
