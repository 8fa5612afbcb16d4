import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

// `--expose-gc` set at run time, as the npm script does not pass it.
setFlagsFromString('--expose-gc')

/**
 * A full garbage collection, before a timed run (not timed): so that a run does not pay for collecting
 * what the bench made before it (an earlier run's 100,000 determinations, the generated book), which
 * the app's own runs do not find either (an import runs in a fresh job thread).
 */
export const collectGarbage = runInNewContext('gc') as () => void

/** A benchmark module: `bench/run.ts` runs every registered module in turn. */
export interface BenchModule {
  name: string
  /** Runs the benchmark and prints its figures through `log`. */
  run(log: (line: string) => void): Promise<void> | void
}

/** Median wall time in milliseconds of `runs` calls of `fn` (after one warm-up call). */
export function timeMedian(fn: () => void, runs = 5): number {
  fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    fn()
    times.push(performance.now() - start)
  }
  return median(times)
}

/** The median of a list of figures (the upper one of an even count). */
export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
