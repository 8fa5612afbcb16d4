/**
 * "The first N, then how many more": the one way a message lists a long run of findings (damaged rows,
 * drifted totals) without growing without bound, so the count it says it left off is the true one.
 *
 * The first `limit` of `items`, each written by `show`, joined by `separator`; then `more(rest)` written
 * straight after when `rest` items were left off (`more` brings its own joining words: ` and 3 more
 * rows`, `; and 3 more`). Only the items shown are written.
 */
export function joinFirst<T>(
  items: readonly T[],
  limit: number,
  separator: string,
  more: (rest: number) => string,
  show: (item: T) => string = String,
): string {
  const shown = items.slice(0, limit).map(show).join(separator)
  const rest = items.length - Math.min(items.length, limit)
  return rest > 0 ? shown + more(rest) : shown
}
