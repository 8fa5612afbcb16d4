/**
 * The one Content-Security-Policy of the renderer. `renderer/index.html` carries the same string in a
 * meta tag (the only place a CSP takes effect for `file://` pages); main also sends it as a response
 * header so it keeps working if the renderer is ever served through a custom protocol.
 *
 * Nothing here names a remote origin and nothing allows `'unsafe-eval'`: the workstation is offline
 * and every script it runs ships inside the app.
 */
export const CSP_DIRECTIVES: readonly string[] = Object.freeze([
  "default-src 'self'",
  "script-src 'self'",
  // AG Grid (and its theming API) injects <style> elements at run time; without 'unsafe-inline' the
  // grid renders unstyled. Inline *styles* cannot run code, and script-src stays strict.
  "style-src 'self' 'unsafe-inline'",
  // data: for icons embedded in the grid's CSS; blob: for images the renderer builds itself.
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
])

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ')

/** Directives a `<meta http-equiv>` policy ignores (browsers warn about them); they work only as headers. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox'])

/** The policy as `renderer/index.html` must carry it in its meta tag: the same, minus header-only directives. */
export const META_CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.filter(
  (d) => !HEADER_ONLY.has(d.split(/\s+/)[0]!),
).join('; ')

export type ResponseHeaders = Record<string, string[] | string>

/**
 * Response headers with our CSP added. A CSP the response already carries is kept: when several
 * policies apply the browser enforces all of them, so adding ours can only tighten, never loosen.
 */
export function withCspHeader(
  headers: ResponseHeaders | undefined,
  csp: string = CONTENT_SECURITY_POLICY,
): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [key, value] of Object.entries(headers ?? {}))
    out[key] = Array.isArray(value) ? [...value] : [value]
  const key =
    Object.keys(out).find((k) => k.toLowerCase() === 'content-security-policy') ?? 'Content-Security-Policy'
  out[key] = [...(out[key] ?? []), csp]
  return out
}
