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
