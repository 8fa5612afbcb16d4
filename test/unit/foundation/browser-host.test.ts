import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openSession, type Session } from '../../../electron/core/session'
import { parseHostArgs } from '../../../electron/host/args'
import { isAllowedHost, resolveStatic, startHost, type RunningHost } from '../../../electron/host/server'
import { tempDir, tempLedgerPath } from '../helpers/temp-ledger'
import { request } from 'node:http'

let host: RunningHost | undefined
let session: Session | undefined

afterEach(async () => {
  await host?.close()
  session?.close()
  host = undefined
  session = undefined
})

async function boot() {
  const dir = tempDir()
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Headroom</title>')
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)')
  session = openSession({ ledgerPath: tempLedgerPath(), host: 'test' })
  host = await startHost({ dispatch: session.dispatch, rendererDir: dir })
  return host
}

function raw(
  h: RunningHost,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{
    status: number
    body: string
    headers: Record<string, string | string[] | undefined>
  }>((done, fail) => {
    const req = request(
      { host: '127.0.0.1', port: h.port, path, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        let body = ''
        res.on('data', (d) => (body += d))
        res.on('end', () => done({ status: res.statusCode ?? 0, body, headers: res.headers }))
      },
    )
    req.on('error', fail)
    if (init.body) req.write(init.body)
    req.end()
  })
}

describe('browser host', () => {
  it('binds 127.0.0.1 only and prints a tokenised URL', async () => {
    const h = await boot()
    expect(h.server.address()).toMatchObject({ address: '127.0.0.1' })
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/)
  })

  it('serves the renderer only with the token, then by cookie', async () => {
    const h = await boot()
    const host = `127.0.0.1:${h.port}`
    expect((await raw(h, '/', { headers: { host } })).status).toBe(401)
    const first = await raw(h, `/?token=${h.token}`, { headers: { host } })
    expect(first.status).toBe(200)
    expect(first.headers['content-security-policy']).toContain("default-src 'self'")
    const cookie = String(first.headers['set-cookie']).split(';')[0]!
    expect((await raw(h, '/assets/app.js', { headers: { host, cookie } })).status).toBe(200)
  })

  it('requires the token header on API calls, even with the cookie', async () => {
    const h = await boot()
    const host = `127.0.0.1:${h.port}`
    const body = JSON.stringify({ echo: 'x' })
    const cookieOnly = await raw(h, '/api/system.ping', {
      method: 'POST',
      headers: { host, cookie: `headroom_token=${h.token}` },
      body,
    })
    expect(cookieOnly.status).toBe(401)
    const good = await raw(h, '/api/system.ping', {
      method: 'POST',
      headers: { host, 'x-headroom-token': h.token },
      body,
    })
    expect(JSON.parse(good.body)).toEqual({ ok: true, value: { echo: 'x' } })
  })

  it('refuses foreign Host headers', async () => {
    const h = await boot()
    const r = await raw(h, `/?token=${h.token}`, { headers: { host: `attacker.example:${h.port}` } })
    expect(r.status).toBe(403)
  })

  it('answers bad JSON and bad payloads with invalid_input', async () => {
    const h = await boot()
    const headers = { host: `127.0.0.1:${h.port}`, 'x-headroom-token': h.token }
    const notJson = await raw(h, '/api/system.ping', { method: 'POST', headers, body: '{oops' })
    expect(JSON.parse(notJson.body).error.code).toBe('invalid_input')
    const wrong = await raw(h, '/api/system.ping', { method: 'POST', headers, body: '{"echo":[1]}' })
    expect(JSON.parse(wrong.body).error).toMatchObject({ code: 'invalid_input' })
    expect(JSON.parse(wrong.body).error.message).toContain('echo')
  })

  it('never serves files outside the renderer folder', () => {
    const root = '/srv/app/renderer'
    expect(resolveStatic(root, '/')).toBe('/srv/app/renderer/index.html')
    expect(resolveStatic(root, '/assets/a.js')).toBe('/srv/app/renderer/assets/a.js')
    for (const evil of [
      '/../secret',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/../../x',
      '/%00',
      '/..%2fx',
      '/%E0%A4%A',
    ]) {
      const resolved = resolveStatic(root, evil)
      expect(resolved === null || resolved.startsWith(root + '/'), evil).toBe(true)
    }
  })

  it('accepts only its own loopback Host header', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true)
    expect(isAllowedHost('localhost:4000', 4000)).toBe(true)
    expect(isAllowedHost('127.0.0.1:4001', 4000)).toBe(false)
    expect(isAllowedHost('evil.com:4000', 4000)).toBe(false)
    expect(isAllowedHost(undefined, 4000)).toBe(false)
  })

  it('parses its flags', () => {
    expect(parseHostArgs(['--db', 'x.sqlite', '--port', '0', '--no-open'])).toEqual({
      db: 'x.sqlite',
      port: 0,
      open: false,
      sample: true,
    })
    expect(parseHostArgs(['--db=y.sqlite'])).toEqual({ db: 'y.sqlite', open: true, sample: true })
    expect(parseHostArgs(['--no-sample'])).toEqual({ open: true, sample: false })
    expect(parseHostArgs(['--job-pace-ms', '100'])).toEqual({ open: true, sample: true, jobPaceMs: 100 })
    expect(() => parseHostArgs(['--job-pace-ms', '-1'])).toThrow(/job-pace-ms/)
    expect(() => parseHostArgs(['--port', 'abc'])).toThrow(/port/)
    expect(() => parseHostArgs(['--bogus'])).toThrow(/unknown option/)
  })
})
