import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface HostProcess {
  url: string
  origin: string
  token: string
  port: number
  dataDir: string
  ledgerPath: string
  child: ChildProcess
  stop(): Promise<void>
}

const repoRoot = resolve(import.meta.dirname, '..', '..')

/**
 * Starts the real browser host (the same entry `npm start` falls back to) on a free port with its
 * own ledger in a temporary folder, and waits for the ready line instead of sleeping.
 */
export async function startHostProcess(
  options: { ledgerPath?: string; extraArgs?: string[] } = {},
): Promise<HostProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'headroom-e2e-'))
  const ledgerPath = options.ledgerPath ?? join(dataDir, 'ledger.sqlite')
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/host/main.ts',
      '--db',
      ledgerPath,
      '--port',
      '0',
      '--no-open',
      ...(options.extraArgs ?? []),
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } },
  )
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  const url = await new Promise<string>((ready, reject) => {
    let stdout = ''
    const timer = setTimeout(
      () => reject(new Error(`host did not start in 60 s\n${stdout}\n${stderr}`)),
      60_000,
    )
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString()
      const match = /Headroom is ready at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(stdout)
      if (match) {
        clearTimeout(timer)
        ready(match[1]!)
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`host exited with ${code}\n${stdout}\n${stderr}`))
    })
  })
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    port: Number(parsed.port),
    dataDir,
    ledgerPath,
    child,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done))
        child.kill('SIGTERM')
        // The host closes its connections and the ledger on SIGTERM; if it has not gone in 10 s the
        // test still ends, and the ledger is left as a crash would leave it (WAL makes that safe).
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await exited
        clearTimeout(timer)
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
