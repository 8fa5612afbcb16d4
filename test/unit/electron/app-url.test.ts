import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isAppEntryUrl, isTrustedSender } from '../../../electron/security/app-url'

const root = resolve('/opt/Headroom/resources/app.asar/out/renderer')
const entryUrl = pathToFileURL(join(root, 'index.html')).href

describe('isAppEntryUrl (navigation guard)', () => {
  it.each([
    ['the entry file', entryUrl],
    ['with an in-page route', `${entryUrl}#/deals/42`],
    ['uppercase scheme', entryUrl.replace(/^file:/, 'FILE:')],
    ['with a dot segment the parser folds', pathToFileURL(root).href + '/./index.html'],
  ])('allows %s', (_label, url) => {
    expect(isAppEntryUrl(url, entryUrl, { ignoreCase: false })).toBe(true)
  })

  it.each<[string, unknown]>([
    ['http', 'http://evil.example/'],
    ['https to loopback', 'https://127.0.0.1/index.html'],
    ['another file of the renderer', pathToFileURL(join(root, 'assets/index.js')).href],
    ['another file on disk', 'file:///etc/passwd'],
    ['traversal back to the same name elsewhere', pathToFileURL(root).href + '/../index.html'],
    ['encoded traversal', pathToFileURL(root).href + '/%2e%2e/index.html'],
    ['encoded slash', pathToFileURL(root).href + '/..%2findex.html'],
    ['query string', `${entryUrl}?x=1`],
    ['UNC host', `file://fileserver${new URL(entryUrl).pathname}`],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<h1>hi</h1>'],
    ['blob:', 'blob:file:///3f1e2b4c-5d6a-4b7c-8d9e-0a1b2c3d4e5f'],
    ['about:blank', 'about:blank'],
    ['case change on a case-sensitive system', entryUrl.replace('index.html', 'INDEX.html')],
    ['empty', ''],
    ['not a string', undefined],
  ])('refuses %s', (_label, url) => {
    expect(isAppEntryUrl(url, entryUrl, { ignoreCase: false })).toBe(false)
  })

  it('ignores case only when told the file system does', () => {
    const upper = entryUrl.replace('index.html', 'INDEX.html')
    expect(isAppEntryUrl(upper, entryUrl, { ignoreCase: true })).toBe(true)
  })
})

describe('isTrustedSender', () => {
  it('trusts the top-level frame showing the entry file', () => {
    expect(isTrustedSender({ url: entryUrl, parent: null }, entryUrl)).toBe(true)
  })

  it.each<[string, Parameters<typeof isTrustedSender>[0]]>([
    ['no frame (disposed)', null],
    ['undefined frame', undefined],
    ['a sub-frame, even of our file', { url: entryUrl, parent: { url: entryUrl, parent: null } }],
    ['a remote page', { url: 'https://evil.example/', parent: null }],
    ['another local file', { url: 'file:///tmp/evil.html', parent: null }],
    ['a data: document', { url: 'data:text/html,hi', parent: null }],
  ])('refuses %s', (_label, frame) => {
    expect(isTrustedSender(frame, entryUrl)).toBe(false)
  })

  it('refuses a frame whose url getter throws (disposed in Electron)', () => {
    const frame = {
      parent: null,
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      },
    }
    expect(isTrustedSender(frame, entryUrl)).toBe(false)
  })
})
