import { test, expect } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/*
 * The main process as built (out/main), not as run from source: Electron loads these ES modules
 * with Node's own loader, which the browser host and the unit tests (through tsx) never exercise.
 * Without an Electron binary here, the background-job worker — the same modules the window's main
 * process imports, minus `electron` — is the part that can run: it imports a small book into a real
 * ledger file in plain Node, then a large one, which it evaluates on its own second thread (the
 * built import-worker.js beside it: were it missing or unloadable, that import would fail).
 */

const deal = (id: string) => ({
  id,
  date: '2025-06-02',
  consignee: 'Built Check Ltd',
  consigneeHq: 'IN',
  parentHq: null,
  destination: 'IN',
  lines: [{ chip: 'H100', quantity: 8 }],
})

/** Runs the built job worker on an import of `book` into a new ledger in `dir`; its last message. */
function importWithBuiltWorker(worker: string, dir: string, book: string): unknown {
  const bookFile = join(dir, `book-${book.length}.json`)
  writeFileSync(bookFile, book)
  const out = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { Worker } from 'node:worker_threads'
       import { readFileSync } from 'node:fs'
       const [workerFile, ledgerPath, bookFile] = process.argv.slice(1)
       const text = readFileSync(bookFile, 'utf8')
       const spec = { request: { kind: 'import', format: 'json', text, sample: false }, ledgerPath, actor: 'desk', clockOffsetMs: 0, paceMs: 0 }
       const w = new Worker(workerFile, { execArgv: [], workerData: { spec, cancel: new SharedArrayBuffer(4) } })
       w.on('message', (m) => { if (m.type !== 'progress') console.log(JSON.stringify(m)) })
       w.on('error', (e) => { console.error(e); process.exitCode = 1 })`,
      worker,
      join(dir, `ledger-${book.length}.sqlite`),
      bookFile,
    ],
    { cwd: dir, encoding: 'utf8', timeout: 120_000 },
  )
  return JSON.parse(out.trim().split('\n').at(-1)!)
}

/** The same figure as interchange.ts's EVALUATION_THREAD_FROM (this spec checks the build, not the sources). */
const EVALUATION_THREAD_FROM = 4_000_000

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
    const small = JSON.stringify({ deals: [deal('BUILT-1')] })
    expect(importWithBuiltWorker(worker, dir, small)).toMatchObject({ type: 'done', result: { imported: 1 } })
    const n = 25_000
    const large = JSON.stringify({ deals: Array.from({ length: n }, (_, i) => deal(`BUILT-${i}`)) })
    expect(large.length).toBeGreaterThan(EVALUATION_THREAD_FROM)
    expect(importWithBuiltWorker(worker, dir, large)).toMatchObject({ type: 'done', result: { imported: n } })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
