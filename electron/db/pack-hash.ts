import { createHash } from 'node:crypto'
import type { RulePack } from '../../shared/rules/types'
import { canonicalJson } from './statements'

const packHashes = new WeakMap<RulePack, string>()

/** SHA-256 of the pack's canonical JSON: names the exact rules a stored determination used. */
export function packHash(pack: RulePack): string {
  let h = packHashes.get(pack)
  if (!h) packHashes.set(pack, (h = createHash('sha256').update(canonicalJson(pack)).digest('hex')))
  return h
}

/**
 * Gives `shown`, a pack as displayed, the hash of `stored`, the pack the ledger holds with the same
 * rules: a renamed scenario is shown under its new title but recorded as made.
 */
export function hashAsStored(shown: RulePack, stored: RulePack): void {
  packHashes.set(shown, packHash(stored))
}
