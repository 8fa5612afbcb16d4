import diffusion2025 from './packs/us-ai-diffusion-2025.json'
import advancedComputing202505 from './packs/us-advanced-computing-2025-05.json'
import advancedComputing2026 from './packs/us-advanced-computing-2026.json'
import { validatePack } from './schema'
import type { RulePack } from './types'

/** The built-in pack files, imported statically (shared/ has no file system). */
const BUILT_IN_JSON: readonly unknown[] = [diffusion2025, advancedComputing202505, advancedComputing2026]

let cache: readonly RulePack[] | undefined

/**
 * The built-in rule packs, validated once. A built-in pack that fails its own schema is a programming
 * error, so this throws with every bad path rather than returning a partial list.
 */
export function loadPacks(): readonly RulePack[] {
  if (cache) return cache
  const packs: RulePack[] = []
  for (const json of BUILT_IN_JSON) {
    const result = validatePack(json)
    if (!result.ok) {
      const id = (json as { id?: unknown }).id
      throw new Error(
        `built-in rule pack ${String(id)} is invalid: ${result.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      )
    }
    packs.push(result.pack)
  }
  cache = Object.freeze(packs)
  return cache
}

/** A built-in pack by id, or undefined. */
export function getPack(id: string, packs: readonly RulePack[] = loadPacks()): RulePack | undefined {
  return packs.find((p) => p.id === id)
}
