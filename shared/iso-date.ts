/**
 * What "a date" is everywhere in Headroom: `YYYY-MM-DD` naming a real day of the proleptic Gregorian
 * calendar (`2024-02-29` is one, `2025-02-29` and `2026-02-30` are not). The deal book, the IPC date
 * field, the CLI and the rule engine ask this module, so a date one of them takes is never refused by
 * another. The few schemas still on zod's `z.iso.date()` (rule-pack dates, the as-of inputs, licence
 * dates in a book) apply the same rule: test/unit/foundation/iso-date.test.ts checks the two agree.
 *
 * Both checks read character codes and allocate nothing: the evaluator runs them once per deal.
 */

const DASH = 45
const ZERO = 48
const NINE = 57

/** Days in each month of a common year; February gains a day in a leap year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

/** `DDDD-DD-DD` in ASCII digits, whether or not it names a real day (`2026-02-30` has the form). */
export function isIsoDateShape(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10) return false
  for (let i = 0; i < 10; i++) {
    const c = value.charCodeAt(i)
    if (i === 4 || i === 7) {
      if (c !== DASH) return false
    } else if (c < ZERO || c > NINE) return false
  }
  return true
}

/** `YYYY-MM-DD` naming a real day: the shape, a month 01–12 and a day that month has in that year. */
export function isIsoDate(value: unknown): value is string {
  if (!isIsoDateShape(value)) return false
  const year = digits(value, 0, 4)
  const month = digits(value, 5, 2)
  const day = digits(value, 8, 2)
  if (month < 1 || month > 12 || day < 1) return false
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return day <= (month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!)
}

/** The number written by `count` ASCII digits of `s` from `start` (already checked to be digits). */
function digits(s: string, start: number, count: number): number {
  let n = 0
  for (let i = start; i < start + count; i++) n = n * 10 + (s.charCodeAt(i) - ZERO)
  return n
}
