import type { RequestedAuthorization, TransactionKind } from '../../../shared/rules/types'

/*
 * Words the printed reports share with the screens, so an officer reads on paper what the screens say.
 * The deal editor (screens/projects/DealEditor.tsx) labels its options with these same functions.
 */

/** A requested authorization as the deal editor's "Requested authorization" field names it. */
export function requestedAuthorizationLabel(a: RequestedAuthorization | null | undefined): string {
  if (!a) return 'Best available'
  return a === 'LICENSE' ? 'Individual licence' : a
}

export const TRANSACTION_LABELS: Record<TransactionKind, string> = {
  export: 'Export from the US',
  reexport: 'Reexport',
  transfer: 'In-country transfer',
}

/** A transaction kind as the deal editor's "Transaction" field names it; none given is an export. */
export const transactionLabel = (t: TransactionKind | null | undefined): string =>
  TRANSACTION_LABELS[t ?? 'export']

/**
 * Which pack a report's per-deal outcomes are under, said plainly. Under a pinned pack the ledger
 * re-evaluates every listed deal under it; under Auto each deal keeps the outcome last saved, under the
 * pack recorded with it (that of the deal's date when saved), which may not be the report's pack.
 */
export function outcomeBasis(
  rows: ReadonlyArray<{ packId: string | null }>,
  reportPackId: string,
  /** The columns that follow the evaluation, as the table heads them (e.g. "Outcome and Auth."). */
  columns: string,
): { column: string; note: string } {
  const counts = new Map<string, number>()
  for (const r of rows) {
    const key = r.packId ?? ''
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  if ([...counts.keys()].every((p) => p === reportPackId))
    return { column: 'Outcome', note: `${columns}: each deal evaluated under rule pack ${reportPackId}.` }
  const deals = (n: number) => `${n} ${n === 1 ? 'deal' : 'deals'}`
  const packs = [...counts]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([p, n]) => (p === '' ? `not evaluated: ${deals(n)}` : `${p}: ${deals(n)}`))
    .join('; ')
  return {
    column: 'Outcome as saved',
    note: `${columns}: as last saved, each deal under the pack recorded with it (${packs}), not re-evaluated under ${reportPackId}; a report printed under a pinned pack re-evaluates every deal under that pack.`,
  }
}
