import { fileURLToPath } from 'node:url'

export interface UrlMatchOptions {
  /** Windows file systems ignore case, so `C:\App` and `c:\app` name the same entry file. */
  ignoreCase?: boolean
}

const defaultIgnoreCase = process.platform === 'win32'

/**
 * True only for the renderer's own entry file (`…/out/renderer/index.html`), optionally with a
 * `#fragment` for in-page routing. A file URL has no meaningful origin (Chromium gives it an opaque
 * one), so "same origin" would admit every file on disk; the exact file is the only safe identity.
 * Anything that does not parse, any other scheme, a query string, a remote host or another path is
 * refused.
 */
export function isAppEntryUrl(url: unknown, entryUrl: string, options: UrlMatchOptions = {}): boolean {
  if (typeof url !== 'string' || url.length === 0) return false
  const candidate = parseFileUrl(url)
  const entry = parseFileUrl(entryUrl)
  if (!candidate || !entry) return false
  if (candidate.url.search !== '' || candidate.url.host !== entry.url.host) return false
  const ignoreCase = options.ignoreCase ?? defaultIgnoreCase
  return ignoreCase
    ? candidate.path.toLowerCase() === entry.path.toLowerCase()
    : candidate.path === entry.path
}

/** The slice of Electron's `WebFrameMain` the sender check reads. */
export interface SenderFrame {
  readonly url: string
  readonly parent: unknown
}

/**
 * Whether an IPC message may reach the core: it must come from a live, top-level frame showing our
 * entry file. Sub-frames are refused even when same-file, because the app never embeds frames and
 * a frame that got in did so by something going wrong. Reading a disposed frame throws in Electron,
 * which also means "no".
 */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  entryUrl: string,
  options: UrlMatchOptions = {},
): boolean {
  try {
    if (!frame) return false
    if (frame.parent !== null && frame.parent !== undefined) return false
    return isAppEntryUrl(frame.url, entryUrl, options)
  } catch {
    return false
  }
}

/** A parsed `file:` URL and the file system path it names, or null for anything else. */
export function parseFileUrl(raw: string): { url: URL; path: string } | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.protocol !== 'file:') return null
  // An encoded separator or NUL hides a path segment from the URL parser's `..` folding. Node refuses
  // some of these on some platforms only; refuse them everywhere so both guards behave alike on
  // every OS.
  if (/%(2f|5c|00)/i.test(url.pathname)) return null
  try {
    return { url, path: fileURLToPath(url) }
  } catch {
    return null
  }
}
