import { isAbsolute, relative, resolve, sep } from 'node:path'
import { parseFileUrl } from './app-url'

/** Electron's `details.resourceType` values for a web request. */
export type ResourceType =
  | 'mainFrame'
  | 'subFrame'
  | 'stylesheet'
  | 'script'
  | 'image'
  | 'font'
  | 'object'
  | 'xhr'
  | 'ping'
  | 'cspReport'
  | 'media'
  | 'webSocket'
  | 'other'

export interface RequestFilterOptions {
  /** Development builds may also load `devtools://` (the DevTools front end). */
  dev?: boolean
  resourceType?: ResourceType
}

const NAVIGATION_TYPES: ReadonlySet<string> = new Set(['mainFrame', 'subFrame'])
/** Matches the CSP: inline `data:` only for images and fonts, never as a document or script. */
const DATA_URL_TYPES: ReadonlySet<string> = new Set(['image', 'font'])
const BLOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The renderer's whole network: its own files and nothing else. The app is offline by design, so
 * http(s), ws(s), ftp, other custom schemes and every file outside the renderer folder are refused.
 *
 * - `file:` is allowed only when the decoded path lies inside `rendererRoot`. The URL parser already
 *   folds `..` and `%2e%2e` segments; `fileURLToPath` refuses encoded slashes and, on POSIX, any host
 *   (so `file://server/share` cannot reach a network share). The containment check then catches
 *   whatever path is left pointing outside.
 * - `blob:` is allowed only for blobs minted by a `file:` page (`blob:file:///<uuid>`), and never as
 *   a navigation. AG Grid's CSV export builds a Blob, takes `URL.createObjectURL` and clicks an
 *   `<a download>`; that download must work. A same-origin blob holds bytes the renderer itself
 *   produced, so it brings in nothing new; a navigation to one would replace our document, so it is
 *   refused here and in the navigation guard.
 * - `data:` only for images and fonts (icons embedded in CSS), never for documents or scripts.
 * - `devtools:` only when `dev` is set.
 * - `javascript:`, `about:`, `chrome:`, `chrome-extension:` and anything unparsable: refused.
 */
export function isAllowedRequest(
  url: unknown,
  rendererRoot: string,
  options: RequestFilterOptions = {},
): boolean {
  if (typeof url !== 'string' || url.length === 0) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  const type = options.resourceType
  switch (parsed.protocol) {
    case 'file:':
      return isInsideRoot(url, rendererRoot)
    case 'blob:':
      return !NAVIGATION_TYPES.has(type ?? '') && isOwnFileBlob(parsed)
    case 'data:':
      return type !== undefined && DATA_URL_TYPES.has(type)
    case 'devtools:':
      return options.dev === true
    default:
      return false
  }
}

function isInsideRoot(url: string, rendererRoot: string): boolean {
  const file = parseFileUrl(url)
  if (!file) return false
  const rel = relative(resolve(rendererRoot), resolve(file.path))
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
}

/** `blob:file:///<uuid>`: the form Chromium gives blobs created by a page loaded from a file. */
function isOwnFileBlob(url: URL): boolean {
  const inner = url.pathname
  if (!inner.startsWith('file:///')) return false
  return BLOB_ID.test(inner.slice('file:///'.length))
}
