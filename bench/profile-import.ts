/**
 * Profiling of the ledger import (`importBook`) on a generated book written to a real ledger file
 * (WAL, synchronous=FULL) in a temp folder. Prints wall time and process CPU time (user + system),
 * since the machine may be shared: CPU time is the figure that does not depend on other load.
 *
 *   node --import tsx bench/profile-import.ts [DEALS…]            default 10000 100000
 *   node --import tsx bench/profile-import.ts --mixed 10000        a book with the ledger extension
 *                                                                  (statuses, people, licences)
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-import.ts 10000
 *   node --import tsx bench/profile-import.ts --top /tmp/prof/X.cpuprofile [N]
 *                                                                  top N functions and source lines
 *                                                                  by self time
 *   CACHE=-262144 node --import tsx bench/profile-import.ts …     with PRAGMA cache_size set first
 *
 * For line numbers that mean something, profile a bundle rather than through tsx:
 *   npx esbuild bench/profile-import.ts --bundle --platform=node --format=esm \
 *     --external:better-sqlite3 --external:esbuild --outfile=/tmp/p/p.js
 *   npx esbuild electron/db/import-worker.ts --bundle --platform=node --format=esm \
 *     --external:better-sqlite3 --outfile=/tmp/p/import-worker.js
 * with node_modules linked and `{"type":"module"}` in a package.json in /tmp/p: a book of 20,000
 * deals or more is evaluated on a second thread, whose entry the import looks for beside it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { verifyAuditChain } from '../electron/db/audit'
import { checkTotals } from '../electron/db/capacity'
import { importBook } from '../electron/db/interchange'
import { openLedger } from '../electron/db/ledger'
import type { LedgerBook } from '../shared/domain/ledger'
import type { ProjectStatus } from '../shared/domain/project'
import { generateBook } from './rules'

const log = (line: string) => process.stdout.write(`${line}\n`)

/**
 * The bench book with the ledger extension on most deals: a status mix (drafts, in review, approved,
 * licensed with a licence number, shipped), a preparer and, past review, a different reviewer.
 */
export function mixedBook(n: number, seed = 7): LedgerBook {
  const book = generateBook(n, seed) as LedgerBook
  const statuses: ProjectStatus[] = [
    'draft',
    'draft',
    'in_review',
    'in_review',
    'approved',
    'shipped',
    'closed',
  ]
  // One licence per consignee and destination, shared by their licensed deals: a licence covers only
  // the parties it names, and the import refuses a deal that names another's.
  const licences = new Map<string, string>()
  book.deals.forEach((d, i) => {
    d.preparer = `preparer-${i % 7}`
    if (d.licensed) {
      d.status = 'licensed'
      d.reviewer = 'reviewer-1'
      const parties = `${d.consignee}\u0000${d.destination ?? ''}`
      let number = licences.get(parties)
      if (number === undefined)
        licences.set(parties, (number = `L-${String(licences.size).padStart(5, '0')}`))
      d.licenceNumber = number
      d.authorizedTpp = 1e12
      d.authorizedUnits = 1e9
      return
    }
    const status = statuses[i % statuses.length]!
    d.status = status
    if (status !== 'draft' && status !== 'in_review') d.reviewer = 'reviewer-2'
  })
  return book
}

function summarise(path: string, top: number): void {
  interface Node {
    id: number
    callFrame: { functionName: string; url: string; lineNumber: number }
    hitCount?: number
    positionTicks?: Array<{ line: number; ticks: number }>
  }
  const prof = JSON.parse(readFileSync(path, 'utf8')) as {
    nodes: Node[]
    samples: number[]
    timeDeltas: number[]
  }
  const byId = new Map(prof.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  let total = 0
  prof.samples.forEach((id, i) => {
    const n = byId.get(id)!
    const dt = prof.timeDeltas[i] ?? 0
    const f = n.callFrame
    const where = f.url ? `${f.url.replace(/^.*\/main\//, '')}:${f.lineNumber + 1}` : ''
    const key = `${f.functionName || '(anonymous)'} ${where}`
    self.set(key, (self.get(key) ?? 0) + dt)
    total += dt
  })
  log(`total sampled ${(total / 1000).toFixed(0)} ms`)
  // Self ticks per source line (where a function's time is spent), from V8's position ticks.
  const lines = new Map<string, number>()
  let ticks = 0
  for (const n of prof.nodes)
    for (const t of n.positionTicks ?? []) {
      const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\//, '')}:${t.line}`
      lines.set(key, (lines.get(key) ?? 0) + t.ticks)
      ticks += t.ticks
    }
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
    log(`${(us / 1000).toFixed(0).padStart(7)} ms ${((us / total) * 100).toFixed(1).padStart(5)}%  ${k}`)
  log(`\nby line (share of ${ticks} ticks)`)
  for (const [k, t] of [...lines].sort((a, b) => b[1] - a[1]).slice(0, top))
    log(`${((t / ticks) * 100).toFixed(1).padStart(5)}%  ${k}`)
}

function run(n: number, mixed: boolean): void {
  const book = mixed ? mixedBook(n) : generateBook(n)
  const text = JSON.stringify(book)
  const dir = mkdtempSync(join(tmpdir(), 'headroom-profile-'))
  try {
    const db = openLedger(join(dir, 'ledger.sqlite'))
    if (process.env.CACHE) db.pragma(`cache_size = ${process.env.CACHE}`)
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    const r = importBook(db, text, 'profiler')
    const wall = performance.now() - t0
    const cpu = process.cpuUsage(cpu0)
    if (r.errors?.length) throw new Error(`import failed: ${JSON.stringify(r.errors.slice(0, 3))}`)
    const cpuMs = (cpu.user + cpu.system) / 1000
    log(
      `${mixed ? 'mixed' : 'plain'} ${n.toLocaleString('en-US').padStart(7)} deals: wall ${wall.toFixed(0).padStart(6)} ms, ` +
        `cpu ${cpuMs.toFixed(0).padStart(6)} ms (user ${(cpu.user / 1000).toFixed(0)}, sys ${(cpu.system / 1000).toFixed(0)}), ` +
        `${((cpuMs * 1000) / n).toFixed(1)} µs cpu/deal, imported ${r.imported}`,
    )
    const counts = db
      .prepare(
        `SELECT (SELECT count(*) FROM capacity_entry) AS entries, (SELECT count(*) FROM audit_event) AS events,
           (SELECT count(*) FROM determination) AS determinations, (SELECT count(*) FROM project_status_change) AS changes`,
      )
      .get()
    const chain = verifyAuditChain(db)
    const totals = checkTotals(db)
    log(
      `  rows ${JSON.stringify(counts)}, chain ${chain.ok ? 'ok' : 'BROKEN'}, totals ${totals.length ? 'MISMATCH' : 'ok'}`,
    )
    db.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const args = process.argv.slice(2)
const main = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (!main) {
  // Imported (tests use `mixedBook`): nothing to run.
} else if (args[0] === '--top') {
  summarise(args[1]!, Number(args[2] ?? 30))
} else {
  const mixed = args.includes('--mixed')
  const sizes = args.filter((a) => !a.startsWith('--')).map(Number)
  log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'})`)
  for (const n of sizes.length ? sizes : [10_000, 100_000]) run(n, mixed)
}
