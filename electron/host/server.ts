import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { Dispatch } from '../core/dispatch'
import { CONTENT_SECURITY_POLICY } from './csp'

/**
 * The loopback browser host: serves the built renderer and the same handler table the Electron
 * shell uses, so the real app can run (and be tested) in any Chromium. It binds 127.0.0.1 only,
 * demands a per-launch token on every request and rejects foreign Host headers (DNS rebinding).
 */
export interface HostOptions {
  dispatch: Dispatch
  /** Folder holding the built renderer (index.html and assets). */
  rendererDir: string
  port?: number
  token?: string
  /** Largest accepted API body; a deal book import can be large. */
  maxBodyBytes?: number
}

export interface RunningHost {
  server: Server
  port: number
  token: string
  url: string
  close(): Promise<void>
}

export const TOKEN_HEADER = 'x-headroom-token'
const COOKIE_NAME = 'headroom_token'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
}

export function newToken(): string {
  return randomBytes(24).toString('base64url')
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Host header must name this loopback server exactly; anything else may be a rebinding attack. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

function cookieToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie
  if (!header) return undefined
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === COOKIE_NAME) return v.join('=')
  }
  return undefined
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
  res.setHeader('Cache-Control', 'no-store')
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  })
  res.end(text)
}

function refuse(res: ServerResponse, status: 401 | 403 | 404 | 405 | 413 | 400, message: string): void {
  const code =
    status === 401
      ? 'unauthorized'
      : status === 403
        ? 'forbidden'
        : status === 404
          ? 'not_found'
          : 'invalid_input'
  sendJson(res, status, { ok: false, error: { code, message } })
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Maps a URL path to a file inside `root`, or null when it would leave it. */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const rel = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '')
  const full = resolve(root, rel)
  const base = resolve(root)
  if (full !== base && !full.startsWith(base + sep)) return null
  return full
}

export function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? newToken()
  const limit = options.maxBodyBytes ?? 64 * 1024 * 1024
  const rendererDir = resolve(options.rendererDir)
  let port = options.port ?? 0

  const server = createServer(async (req, res) => {
    securityHeaders(res)
    if (!isAllowedHost(req.headers.host, port)) return refuse(res, 403, 'Host header not allowed')
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, 405, 'Use POST')
      // The header (not the cookie) is required for API calls, so a cross-site form or fetch that
      // only carries the cookie cannot act on the ledger.
      const headerToken = req.headers[TOKEN_HEADER]
      if (!sameToken(typeof headerToken === 'string' ? headerToken : undefined, token)) {
        return refuse(res, 401, 'Missing or wrong token')
      }
      const body = await readBody(req, limit)
      if (body === null) return refuse(res, 413, 'Payload too large')
      let payload: unknown
      try {
        payload = body.length === 0 ? {} : JSON.parse(body)
      } catch {
        return sendJson(res, 400, {
          ok: false,
          error: { code: 'invalid_input', message: 'Payload is not valid JSON' },
        })
      }
      const name = decodeURIComponent(url.pathname.slice('/api/'.length))
      const result = await options.dispatch(name, payload)
      return sendJson(res, 200, result)
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed')
    const queryToken = url.searchParams.get('token') ?? undefined
    const authorised = sameToken(queryToken, token) || sameToken(cookieToken(req), token)
    if (!authorised) return refuse(res, 401, 'Missing or wrong token; open the address Headroom printed')
    if (queryToken) {
      res.setHeader('Set-Cookie', `${COOKIE_NAME}=${token}; HttpOnly; SameSite=Strict; Path=/`)
    }
    const file = resolveStatic(rendererDir, url.pathname)
    if (!file) return refuse(res, 403, 'Path not allowed')
    let target = file
    if (!existsSync(target) || !statSync(target).isFile()) {
      // Unknown paths without an extension fall back to the app (client-side routes).
      if (extname(url.pathname) !== '') return refuse(res, 404, 'Not found')
      target = join(rendererDir, 'index.html')
      if (!existsSync(target)) return refuse(res, 404, 'The renderer is not built; run `npm run build`')
    }
    res.writeHead(200, { 'Content-Type': MIME[extname(target)] ?? 'application/octet-stream' })
    if (req.method === 'HEAD') return res.end()
    createReadStream(target).pipe(res)
  })

  return new Promise((resolveStart, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port
      const url = `http://127.0.0.1:${port}/?token=${token}`
      resolveStart({
        server,
        port,
        token,
        url,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            // A browser keeps connections alive; without this, quitting waits for them to time out.
            server.closeAllConnections()
          }),
      })
    })
  })
}
