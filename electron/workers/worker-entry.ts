import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker, type WorkerOptions } from 'node:worker_threads'

/** A worker thread's entry module, and whether it is TypeScript source (run through tsx). */
export interface WorkerEntry {
  url: URL
  fromSource: boolean
}

/**
 * Where the worker entry `name` is: beside the bundled module that asks (`out/main/<name>.js`,
 * emitted by the electron-vite build, or one folder up from a chunk) or, run from source (browser
 * host, CLI, tests), the `.ts` file beside `base`. Resolved at run time relative to the caller's
 * module, because the bundle moves it; names are computed so the bundler leaves them alone.
 */
export function workerEntry(name: string, base: string): WorkerEntry {
  for (const candidate of [`./${name}.js`, `../${name}.js`]) {
    const url = new URL(candidate, base)
    if (existsSync(fileURLToPath(url))) return { url, fromSource: false }
  }
  const source = new URL(`./${name}.ts`, base)
  if (existsSync(fileURLToPath(source))) return { url: source, fromSource: true }
  throw new Error(`The worker ${name} is missing (looked beside ${base}).`)
}

/**
 * A worker for the entry. The `.ts` source is loaded through tsx registered inside the worker: on
 * Node 20, `execArgv: ['--import', 'tsx']` does not reach a worker's own module loader (its entry
 * fails with ERR_UNKNOWN_FILE_EXTENSION). tsx is resolved from this module (the repository's
 * node_modules), whatever the working folder.
 */
export function spawnWorker(
  entry: WorkerEntry,
  options: Pick<WorkerOptions, 'workerData' | 'transferList'>,
): Worker {
  if (!entry.fromSource) return new Worker(entry.url, options)
  const tsxApi = import.meta.resolve('tsx/esm/api')
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.url.href)}) })`
  // No inherited `--import tsx` either: one registration of tsx in the worker.
  return new Worker(boot, { ...options, eval: true, execArgv: [] })
}
