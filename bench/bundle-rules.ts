import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import type * as rulesIndex from '../shared/rules/index'

/** The rule engine's public API, as `shared/rules/index.ts` exports it. */
export type RulesEngine = typeof rulesIndex

const ENTRY = fileURLToPath(new URL('../shared/rules/index.ts', import.meta.url))

/**
 * The rule engine as the built app runs it: one bundle for Node, without tsx. Loaded through tsx, every
 * named function is wrapped for keepNames, which has cost the evaluator a fifth of its time and is not
 * what a user runs. The bundle is written to a temporary folder, imported, and the folder removed.
 */
export async function loadBundledRulesEngine(): Promise<RulesEngine> {
  const dir = await mkdtemp(join(tmpdir(), 'headroom-bench-rules-'))
  try {
    const outfile = join(dir, 'rules.mjs')
    await build({
      entryPoints: [ENTRY],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'warning',
    })
    return (await import(pathToFileURL(outfile).href)) as RulesEngine
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
