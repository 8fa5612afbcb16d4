/**
 * A number as a person types it or a spreadsheet exports it, with its thousands grouped ("1,500",
 * "12 345 678", "1_000.5"), turned into plain digits for `Number`. A separator is a thousands
 * separator only between groups of three digits of the whole part: read anywhere else it would turn
 * a decimal comma ("1,5") into fifteen, so such text is refused rather than guessed at. One number
 * keeps to one separator (a comma, an underscore or a space).
 *
 * Gives the text with its separators taken out (trimmed, and unchanged when it has none: what is not
 * a number is left for the caller's own check), or null when a separator is out of place.
 */
export function ungroupThousands(text: string): string | null {
  const t = text.trim()
  if (!SEPARATOR.test(t)) return t
  const m = GROUPED.exec(t)
  return m ? t.replaceAll(m[1]!, '') : null
}

const SEPARATOR = /[,_\s]/
/** A sign, one to three digits, then groups of three behind the same separator, then a decimal part. */
const GROUPED = /^[+-]?\d{1,3}([,_\s])\d{3}(?:\1\d{3})*(?:\.\d*)?$/
