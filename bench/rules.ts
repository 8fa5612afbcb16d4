import * as tsxLoadedEngine from '../shared/rules/index'
import type { Deal, DealBook } from '../shared/rules/types'
import { bundleForBench } from './bundle'
import { collectGarbage, median, timeMedian, type BenchModule } from './types'

/**
 * The rule engine's public API. The bench times it as the built app runs it, one esbuild bundle for
 * Node (`bundleForBench`): loaded through tsx, every named function is wrapped for keepNames, which
 * once cost the evaluator a fifth of its time. `load(instance)` gives a fresh engine per instance.
 */
type RulesEngine = typeof tsxLoadedEngine

/** Deterministic PRNG (mulberry32), so every run evaluates the same book. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const DESTINATIONS = [
  'US',
  'DE',
  'FR',
  'JP',
  'GB',
  'IN',
  'BR',
  'ID',
  'MY',
  'SG',
  'IL',
  'SA',
  'AE',
  'VN',
  'MX',
  'TR',
  'CN',
  'HK',
  'MO',
  'KH',
  'RU',
  'PL',
  'KR',
  'TW',
]
const CHIPS = ['H100', 'H200', 'B200', 'A100', 'MI300X', 'MI210', 'H20', 'Gaudi 3', 'B300', 'H100 NVL']

/** A synthetic book of `n` deals: mixed destinations, consignees, chips, VEUs and licences, 2025-2026. */
export function generateBook(n: number, seed = 42): DealBook {
  const r = rng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
  const start = Date.UTC(2025, 0, 13)
  const span = Date.UTC(2026, 11, 31) - start
  const deals: Deal[] = []
  for (let i = 0; i < n; i++) {
    const destination = pick(DESTINATIONS)
    const date = new Date(start + Math.floor(r() * span)).toISOString().slice(0, 10)
    const hq = r() < 0.8 ? destination : pick(DESTINATIONS)
    const lines = Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({
      chip: pick(CHIPS),
      quantity: 1 + Math.floor(r() * 400),
    }))
    const deal: Deal = {
      id: `D${String(i).padStart(6, '0')}`,
      date,
      consignee: `Consignee ${Math.floor(r() * 2000)}`,
      consigneeHq: hq,
      parentHq: r() < 0.3 ? pick(DESTINATIONS) : null,
      destination,
      lines,
    }
    const roll = r()
    if (roll < 0.05) deal.veu = { id: `veu-${Math.floor(r() * 20)}`, kind: 'UVEU', hq: 'US' }
    else if (roll < 0.1) deal.veu = { id: `nveu-${Math.floor(r() * 50)}`, kind: 'NVEU', hq: destination }
    else if (roll < 0.2) deal.licensed = true
    if (r() < 0.05)
      deal.certifications = [
        'us-supply-sufficient',
        'no-foundry-diversion',
        'recipient-security-kyc',
        'us-third-party-testing',
      ]
    deals.push(deal)
  }
  const installedBase = Array.from({ length: 20 }, (_, i) => [
    { veu: `veu-${i}`, country: 'US', tpp: 5e9 },
    { veu: `veu-${i}`, country: 'DE', tpp: 1e9 },
  ]).flat()
  return { deals, installedBase }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US')

/** Wall and process CPU time (all threads, so the collector's helpers count) of one timed run, in ms. */
interface Timing {
  wall: number
  cpu: number
}

/**
 * Median wall and CPU time of `runs` calls of `fn` after one warm-up call, each from a collected heap.
 * CPU time is reported too because the bench machine is shared: wall time includes waiting for a core.
 */
function timeCollected(fn: () => void, runs = 3): Timing {
  fn()
  const timings = Array.from({ length: runs }, () => timeOnce(fn))
  return { wall: median(timings.map((t) => t.wall)), cpu: median(timings.map((t) => t.cpu)) }
}

/** Wall and CPU time of one call of `fn`, from a collected heap. */
function timeOnce(fn: () => void): Timing {
  collectGarbage()
  const cpuStart = process.cpuUsage()
  const start = performance.now()
  fn()
  const wall = performance.now() - start
  const cpu = process.cpuUsage(cpuStart)
  return { wall, cpu: (cpu.user + cpu.system) / 1000 }
}

/** `evaluate` and `evaluateEach` of the book under every shipped pack and `auto`, with one engine build. */
function benchEngine(
  engine: RulesEngine,
  label: string,
  book: DealBook,
  parseMs: number,
  log: (line: string) => void,
): void {
  const n = book.deals.length
  const line = (what: string, id: string, t: Timing, note = '') =>
    log(
      `${what.padEnd(12)} ${label.padEnd(8)} ${id.padEnd(30)} ${t.wall.toFixed(0).padStart(6)} ms wall ${t.cpu.toFixed(0).padStart(6)} ms CPU  (${fmt((n / t.wall) * 1000)} deals/s, ${(t.wall / parseMs).toFixed(1)}× JSON.parse${note})`,
    )
  for (const pack of [...engine.loadPacks(), 'auto' as const]) {
    const id = pack === 'auto' ? 'auto (timeline)' : pack.id
    line(
      'evaluate',
      id,
      timeCollected(() => engine.evaluate(book, pack), 5),
    )
    let count = 0
    const stream = timeCollected(() => {
      count = 0
      engine.evaluateEach(book, pack, () => count++)
    }, 5)
    if (count !== n) throw new Error(`evaluateEach visited ${count} deals`)
    line('evaluateEach', id, stream, '; determinations not retained')
  }
}

export const rulesBench: BenchModule = {
  name: 'rules: evaluate a 100,000-deal book',
  async run(log) {
    const n = 100_000
    const book = generateBook(n)
    const text = JSON.stringify(book)
    log(`book: ${fmt(n)} deals, ${(text.length / 1e6).toFixed(1)} MB of JSON`)
    const parseMs = timeMedian(() => JSON.parse(text))
    log(
      `JSON.parse of the book:            ${parseMs.toFixed(0).padStart(6)} ms  (${fmt((n / parseMs) * 1000)} deals/s)`,
    )
    const validateMs = timeMedian(() => {
      const r = tsxLoadedEngine.parseDealBook(text, 'json')
      if (!r.ok) throw new Error('generated book is invalid')
    }, 3)
    log(
      `parseDealBook (parse + validate): ${validateMs.toFixed(0).padStart(6)} ms  (${(validateMs / parseMs).toFixed(1)}× JSON.parse)`,
    )
    // As shipped first: the figure the target is about. Then through tsx, as `npm run bench` loads
    // the rest of the code.
    log('bundled: shared/rules/index.ts bundled with esbuild for Node, as the built app runs it')
    const bundle = await bundleForBench('shared/rules/index.ts')
    try {
      // The first evaluation a process makes (the CLI's, an import's worker) finds the engine's
      // per-pack caches empty and its code not yet optimised; the timed runs below follow a warm-up.
      for (const id of [...tsxLoadedEngine.loadPacks().map((p) => p.id), 'auto']) {
        const fresh = await bundle.load<RulesEngine>(`first-${id}`)
        const pack = id === 'auto' ? ('auto' as const) : fresh.getPack(id, fresh.loadPacks())!
        const t = timeOnce(() => fresh.evaluate(book, pack))
        log(
          `evaluate     first run ${id.padEnd(30)} ${t.wall.toFixed(0).padStart(6)} ms wall ${t.cpu.toFixed(0).padStart(6)} ms CPU  (a fresh engine: empty caches, cold code)`,
        )
      }
      benchEngine(await bundle.load<RulesEngine>(), 'bundled', book, parseMs, log)
    } finally {
      await bundle.dispose()
    }
    log('tsx: the same sources loaded through tsx (keepNames wrappers on every named function)')
    benchEngine(tsxLoadedEngine, 'tsx', book, parseMs, log)
  },
}
