import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY as HOST_POLICY } from '../../../electron/host/csp'
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  withCspHeader,
} from '../../../electron/security/csp'

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/)
    return [name!, values] as const
  }),
)

describe('CONTENT_SECURITY_POLICY', () => {
  it('is exactly the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
  })

  it('names no remote origin, wildcard or scheme that reaches the network', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*|\/\//)
  })

  it('never allows eval, and allows inline only for styles', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval')
    for (const [name, values] of directives) {
      if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'")
    }
    expect(directives.get('script-src')).toEqual(["'self'"])
  })

  it('shuts plugins, <base>, forms and framing', () => {
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors'])
      expect(directives.get(name)).toEqual(["'none'"])
  })
})

describe('one policy everywhere', () => {
  it('the browser host sends the same policy', () => {
    expect(HOST_POLICY).toBe(CONTENT_SECURITY_POLICY)
  })

  it('the meta variant drops only frame-ancestors, which a meta tag ignores', () => {
    expect(META_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''))
  })

  it('renderer/index.html carries the meta variant', () => {
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8')
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)
    expect(meta?.[1]).toBe(META_CONTENT_SECURITY_POLICY)
  })
})

describe('withCspHeader', () => {
  it('adds the policy to headers that have none', () => {
    expect(withCspHeader({ 'Content-Type': ['text/html'] })).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    })
  })

  it('keeps an existing policy (policies only tighten) under its own casing', () => {
    expect(withCspHeader({ 'content-security-policy': "default-src 'none'" })).toEqual({
      'content-security-policy': ["default-src 'none'", CONTENT_SECURITY_POLICY],
    })
  })

  it('copies rather than mutating the input', () => {
    const input = { 'X-A': ['1'] }
    withCspHeader(input)
    expect(input).toEqual({ 'X-A': ['1'] })
  })

  it('handles missing headers', () => {
    expect(withCspHeader(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
  })
})
