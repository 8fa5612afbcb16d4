import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseDealBook } from '../../../shared/rules/book'
import { evaluate } from '../../../shared/rules/evaluator'
import { getPack } from '../../../shared/rules/packs'
import type { DealBook, Determination, RulePack } from '../../../shared/rules/types'

export const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/books/${name}`, import.meta.url))

export function loadBook(name: string): DealBook {
  const parsed = parseDealBook(readFileSync(fixture(name), 'utf8'), name.endsWith('.csv') ? 'csv' : 'json')
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return parsed.book
}

export function pack(id: string): RulePack {
  const p = getPack(id)
  if (!p) throw new Error(`no pack ${id}`)
  return p
}

/** Evaluates a fixture book under a pack and indexes the determinations by deal id. */
export function determinations(book: string, packId: string): Record<string, Determination> {
  return Object.fromEntries(evaluate(loadBook(book), pack(packId)).map((d) => [d.dealId, d]))
}
