import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../electron/security/csp'
import {
  harden,
  type HardenableSession,
  type HardenableWebContents,
  type HardenOptions,
} from '../../../electron/security/harden'

// The fakes store handlers of many shapes and call them as Electron would; typing each is noise here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Listener = (...args: any[]) => unknown

function fakeSession() {
  const calls: string[] = []
  const state: Record<string, Listener | null> = {}
  const setter = (name: string) => (handler: Listener | null) => {
    calls.push(`${name}(${handler === null ? 'null' : 'fn'})`)
    state[name] = handler
  }
  const session = {
    setPermissionRequestHandler: setter('permissionRequest'),
    setPermissionCheckHandler: setter('permissionCheck'),
    setDevicePermissionHandler: setter('devicePermission'),
    setSpellCheckerEnabled: vi.fn(),
    webRequest: { onBeforeRequest: setter('beforeRequest'), onHeadersReceived: setter('headersReceived') },
  } satisfies HardenableSession
  return { session, calls, state }
}

function fakeWebContents() {
  const listeners = new Map<string, Listener[]>()
  let openHandler: Listener | null = null
  const contents: HardenableWebContents = {
    setWindowOpenHandler: (handler) => {
      openHandler = handler
    },
    on: (event: string, listener: Listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener])
      return contents
    },
  }
  const emit = (event: string, ...args: unknown[]) => {
    for (const l of listeners.get(event) ?? []) l(...args)
  }
  return { contents, emit, listeners, open: (url: string) => openHandler!({ url }) }
}

const preventable = () => ({ preventDefault: vi.fn() })

const root = resolve('/opt/Headroom/out/renderer')
const entryUrl = pathToFileURL(join(root, 'index.html')).href
const options: HardenOptions = { entryUrl, rendererRoot: root, dev: false, ignoreCase: false }

describe('harden: session', () => {
  it('clears earlier permission handlers before installing its own', () => {
    const { session, calls } = fakeSession()
    harden(session, fakeWebContents().contents, options)
    const order = calls.filter((c) => c.startsWith('permission') || c.startsWith('device'))
    expect(order.slice(0, 3)).toEqual([
      'permissionRequest(null)',
      'permissionCheck(null)',
      'devicePermission(null)',
    ])
    expect(order.slice(3)).toEqual(['permissionRequest(fn)', 'permissionCheck(fn)', 'devicePermission(fn)'])
  })

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'fullscreen',
    'unknown',
  ])('denies the %s permission request and check', (permission) => {
    const { session, state } = fakeSession()
    harden(session, fakeWebContents().contents, options)
    const callback = vi.fn()
    state.permissionRequest!({}, permission, callback, {})
    expect(callback).toHaveBeenCalledWith(false)
    expect(state.permissionCheck!({}, permission, 'file://', {})).toBe(false)
  })

  it('denies device permissions', () => {
    const { session, state } = fakeSession()
    harden(session, fakeWebContents().contents, options)
    expect(state.devicePermission!({ deviceType: 'usb' })).toBe(false)
  })

  it('turns the spell checker off', () => {
    const { session } = fakeSession()
    harden(session, fakeWebContents().contents, options)
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false)
  })

  it.each([
    ['http://evil.example/x.js', 'script', true],
    ['https://127.0.0.1/', 'xhr', true],
    ['file:///etc/passwd', 'xhr', true],
    ['devtools://devtools/bundled/inspector.html', 'mainFrame', true],
    [pathToFileURL(join(root, 'assets/index.js')).href, 'script', false],
    [entryUrl, 'mainFrame', false],
  ])('cancels network requests outside the renderer: %s', (url, resourceType, cancel) => {
    const { session, state } = fakeSession()
    const onBlocked = vi.fn()
    harden(session, fakeWebContents().contents, { ...options, onBlocked })
    const callback = vi.fn()
    state.beforeRequest!({ url, resourceType }, callback)
    expect(callback).toHaveBeenCalledWith({ cancel })
    expect(onBlocked).toHaveBeenCalledTimes(cancel ? 1 : 0)
  })

  it('adds the CSP to every response', () => {
    const { session, state } = fakeSession()
    harden(session, fakeWebContents().contents, options)
    const callback = vi.fn()
    state.headersReceived!({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback)
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: {
        'Content-Type': ['text/html'],
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    })
  })
})

describe('harden: web contents', () => {
  it.each(['https://evil.example/', entryUrl, 'about:blank'])('denies window.open(%s)', (url) => {
    const wc = fakeWebContents()
    harden(fakeSession().session, wc.contents, options)
    expect(wc.open(url)).toEqual({ action: 'deny' })
  })

  it.each(['will-navigate', 'will-redirect'])(
    '%s: blocks foreign URLs and lets the entry file through',
    (event) => {
      const wc = fakeWebContents()
      harden(fakeSession().session, wc.contents, options)
      for (const url of [
        'https://evil.example/',
        'file:///etc/passwd',
        'data:text/html,hi',
        'javascript:alert(1)',
      ]) {
        const e = preventable()
        wc.emit(event, e, url)
        expect(e.preventDefault, url).toHaveBeenCalled()
      }
      const ok = preventable()
      wc.emit(event, ok, `${entryUrl}#/home`)
      expect(ok.preventDefault).not.toHaveBeenCalled()
    },
  )

  it('blocks every sub-frame navigation, even to our own file', () => {
    const wc = fakeWebContents()
    harden(fakeSession().session, wc.contents, options)
    const sub = { ...preventable(), url: entryUrl, isMainFrame: false }
    wc.emit('will-frame-navigate', sub)
    expect(sub.preventDefault).toHaveBeenCalled()
    const main = { ...preventable(), url: entryUrl, isMainFrame: true }
    wc.emit('will-frame-navigate', main)
    expect(main.preventDefault).not.toHaveBeenCalled()
  })

  it('blocks <webview>', () => {
    const wc = fakeWebContents()
    harden(fakeSession().session, wc.contents, options)
    const e = preventable()
    wc.emit('will-attach-webview', e, {}, {})
    expect(e.preventDefault).toHaveBeenCalled()
  })

  it('installs every guard', () => {
    const wc = fakeWebContents()
    harden(fakeSession().session, wc.contents, options)
    expect([...wc.listeners.keys()].sort()).toEqual([
      'will-attach-webview',
      'will-frame-navigate',
      'will-navigate',
      'will-redirect',
    ])
  })
})
