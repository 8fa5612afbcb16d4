/**
 * A name as the desk compares it: trimmed, runs of whitespace taken as one space, case folded. Two
 * spellings of one consignee ("Acme  Cloud" and "acme cloud") are one party to the rules, so every
 * place that asks "is this the same name" folds the same way.
 */
export function foldedName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase()
}
