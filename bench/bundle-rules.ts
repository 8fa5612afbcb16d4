import type * as rulesIndex from '../shared/rules/index'
import { bundleForBench, type Bundle } from './bundle'

/** The rule engine's public API, as `shared/rules/index.ts` exports it. */
export type RulesEngine = typeof rulesIndex

/**
 * The rule engine as the built app runs it: one bundle for Node, without tsx. Loaded through tsx, every
 * named function is wrapped for keepNames, which has cost the evaluator a fifth of its time and is not
 * what a user runs. `load(instance)` gives a fresh engine per instance (empty per-pack caches).
 */
export function bundleRulesEngine(): Promise<Bundle> {
  return bundleForBench('shared/rules/index.ts')
}
