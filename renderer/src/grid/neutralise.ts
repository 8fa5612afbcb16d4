/** Sanitises a file name: no path separators, control or reserved characters; keeps an extension. */
export function safeFileName(name: string, extension: string): string {
  const base = name
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 120)
  return `${base || 'export'}.${extension}`
}

/** Quotes one CSV field (RFC 4180): quotes when it holds a comma, quote or line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A CSV document from a header and rows of already formatted, already neutralised cells. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n'
}
