/**
 * `npm run bench`: runs every benchmark module in turn. A benchmark, not a test: it prints figures
 * (record them in docs/BENCHMARKS.md) and fails only if a module throws.
 *
 * To add one, write `bench/<area>.ts` exporting a `BenchModule` and add it to `MODULES`.
 */
import { cpus } from 'node:os'
import { ledgerBench } from './ledger'
import { reportsBench } from './reports'
import { rulesBench } from './rules'
import type { BenchModule } from './types'
import { uiLargeBench } from './ui-large'

const MODULES: BenchModule[] = [rulesBench, ledgerBench, reportsBench, uiLargeBench]

// Module names to run; `--option value` pairs are the modules' own (e.g. `ui-large --deals 10000`).
const only = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'))
const log = (line: string) => process.stdout.write(`${line}\n`)
log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'})`)
for (const m of MODULES) {
  if (only.length && !only.some((o) => m.name.includes(o))) continue
  log(`\n## ${m.name}`)
  await m.run(log)
}
