import { test, expect } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/*
 * The main process as built (out/main), not as run from source: Electron loads these ES modules
 * with Node's own loader, which the browser host and the unit tests (through tsx) never exercise.
 * Without an Electron binary here, the background-job worker — the same modules the window's main
 * process imports, minus `electron` — is the part that can run: it imports a small book into a real
 * ledger file in plain Node.
 */

const repoRoot = resolve(import.meta.dirname, '..', '..')
const outMain = join(repoRoot, 'out', 'main')

test('@host-only the built main bundle imports nothing Node refuses, and its job worker imports a book', () => {
  const worker = join(outMain, 'job-worker.js')
  if (!existsSync(worker)) throw new Error('The main process is not built: run `npm run build` first.')

  // An ES import of a JSON file needs an import attribute in Node, which the bundler would drop.
  const files = [
    join(outMain, 'index.js'),
    worker,
    ...readdirSync(join(outMain, 'chunks')).map((f) => join(outMain, 'chunks', f)),
  ]
  for (const file of files)
    expect(readFileSync(file, 'utf8'), file).not.toMatch(/^import [^;]*from\s*["'][^"']+\.json["']/m)

  const dir = mkdtempSync(join(tmpdir(), 'headroom-built-main-'))
  try {
    const book = JSON.stringify({
      deals: [
        {
          id: 'BUILT-1',
          date: '2025-06-02',
          consignee: 'Built Check Ltd',
          consigneeHq: 'IN',
          parentHq: null,
          destination: 'IN',
          lines: [{ chip: 'H100', quantity: 8 }],
        },
      ],
    })
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { Worker } from 'node:worker_threads'
         const [workerFile, ledgerPath, text] = process.argv.slice(1)
         const spec = { request: { kind: 'import', format: 'json', text, sample: false }, ledgerPath, actor: 'desk', clockOffsetMs: 0 }
         const w = new Worker(workerFile, { execArgv: [], workerData: { spec, cancel: new SharedArrayBuffer(4) } })
         w.on('message', (m) => { if (m.type !== 'progress') console.log(JSON.stringify(m)) })
         w.on('error', (e) => { console.error(e); process.exitCode = 1 })`,
        worker,
        join(dir, 'ledger.sqlite'),
        book,
      ],
      { cwd: dir, encoding: 'utf8', timeout: 60_000 },
    )
    const outcome = JSON.parse(out.trim().split('\n').at(-1)!) as {
      type: string
      result?: { imported: number }
    }
    expect(outcome).toMatchObject({ type: 'done', result: { imported: 1 } })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
