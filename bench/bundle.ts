import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { basename, join } from 'node:path'
import { build } from 'esbuild'

const REPO = fileURLToPath(new URL('..', import.meta.url))

export interface Bundle {
  /**
   * Imports the bundle. Each distinct `instance` is a fresh copy of its modules (new functions, empty
   * module-level caches), so a run can be timed as the first one a new process makes.
   */
  load<T>(instance?: string): Promise<T>
  dispose(): Promise<void>
}

/**
 * Code as the built app runs it: `entry` bundled for Node with esbuild, without tsx (whose keepNames
 * wrappers slow every named function). Written under node_modules/.cache so that the packages left
 * external (better-sqlite3, a native module, cannot be bundled) resolve from the repository.
 * `workers` are worker-thread entries bundled beside it as `<name>.js`, where the built app has them
 * (out/main), so the code finds them as it does there.
 */
export async function bundleForBench(
  entry: string,
  external: string[] = [],
  workers: string[] = [],
): Promise<Bundle> {
  const parent = join(REPO, 'node_modules', '.cache', 'headroom-bench')
  await mkdir(parent, { recursive: true })
  const dir = await mkdtemp(join(parent, 'bundle-'))
  const outfile = join(dir, 'bundle.mjs')
  await build({
    entryPoints: [join(REPO, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    external,
    logLevel: 'warning',
  })
  for (const worker of workers) {
    await build({
      entryPoints: [join(REPO, worker)],
      outfile: join(dir, basename(worker).replace(/\.ts$/, '.js')),
      bundle: true,
      platform: 'node',
      format: 'esm',
      external,
      logLevel: 'warning',
    })
  }
  // node_modules ends the search for a package.json: without this one, `.js` there would be CommonJS.
  if (workers.length) await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n')
  const url = pathToFileURL(outfile).href
  return {
    load: async <T>(instance = 'shared') => (await import(`${url}?instance=${instance}`)) as T,
    dispose: () => rm(dir, { recursive: true, force: true }),
  }
}
