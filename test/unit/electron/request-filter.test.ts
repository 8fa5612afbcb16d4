import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isAllowedRequest, type ResourceType } from '../../../electron/security/request-filter'

const root = resolve('/opt/Headroom/resources/app.asar/out/renderer')
const own = (rel: string) => pathToFileURL(join(root, rel)).href
const blobId = '3f1e2b4c-5d6a-4b7c-8d9e-0a1b2c3d4e5f'

describe('isAllowedRequest: allowed', () => {
  it.each<[string, string, ResourceType | undefined]>([
    ['entry file', own('index.html'), 'mainFrame'],
    ['bundled script', own('assets/index-abc123.js'), 'script'],
    ['bundled stylesheet', own('assets/index-abc123.css'), 'stylesheet'],
    ['font in a sub-folder', own('assets/fonts/inter.woff2'), 'font'],
    ['file with spaces (encoded)', own('assets/a b.png'), 'image'],
    [
      'uppercase scheme, canonicalised by the URL parser',
      own('index.html').replace(/^file:/, 'FILE:'),
      'mainFrame',
    ],
    ['same-origin blob for the CSV download', `blob:file:///${blobId}`, 'other'],
    ['same-origin blob without a resource type', `blob:file:///${blobId}`, undefined],
    ['data: image (icon in CSS)', 'data:image/svg+xml;base64,PHN2Zy8+', 'image'],
    ['data: font', 'data:font/woff2;base64,AAAA', 'font'],
  ])('%s', (_label, url, resourceType) => {
    expect(isAllowedRequest(url, root, { resourceType })).toBe(true)
  })
})

describe('isAllowedRequest: refused', () => {
  it.each<[string, unknown, ResourceType | undefined]>([
    ['http', 'http://evil.example/x.js', 'script'],
    ['https to loopback', 'https://127.0.0.1/', 'xhr'],
    ['http to localhost (a dev server is not ours in production)', 'http://localhost:5173/', 'mainFrame'],
    ['uppercase HTTP', 'HTTP://EVIL.EXAMPLE/', 'mainFrame'],
    ['websocket', 'ws://127.0.0.1:9229/', 'webSocket'],
    ['secure websocket', 'wss://evil.example/', 'webSocket'],
    ['ftp', 'ftp://evil.example/file', 'other'],
    ['system file', 'file:///etc/passwd', 'xhr'],
    ['file next to the renderer folder', own('../main/index.js'), 'script'],
    ['renderer folder itself', pathToFileURL(root).href, 'xhr'],
    ['sibling folder with the same prefix', pathToFileURL(`${root}-evil/index.html`).href, 'mainFrame'],
    ['literal traversal (written by hand)', `${pathToFileURL(root).href}/../../secret`, 'xhr'],
    ['encoded traversal %2e%2e', `${pathToFileURL(root).href}/%2e%2e/%2e%2e/secret`, 'xhr'],
    ['encoded traversal %2E%2E mixed case', `${pathToFileURL(root).href}/%2E%2e/secret`, 'xhr'],
    ['encoded slash hiding a segment', `${pathToFileURL(root).href}/..%2f..%2fsecret`, 'xhr'],
    ['encoded backslash', `${pathToFileURL(root).href}/..%5c..%5csecret`, 'xhr'],
    ['encoded NUL', `${own('index.html')}%00.png`, 'image'],
    ['UNC-style host', 'file://fileserver/share/out/renderer/index.html', 'mainFrame'],
    [
      'UNC-style host with our path',
      `file://fileserver${pathToFileURL(join(root, 'index.html')).pathname}`,
      'mainFrame',
    ],
    ['four-slash UNC form', 'file:////fileserver/share/secret', 'xhr'],
    ['javascript:', 'javascript:alert(1)', 'mainFrame'],
    ['data: document', 'data:text/html,<script>alert(1)</script>', 'mainFrame'],
    ['data: in a frame', 'data:text/html,hi', 'subFrame'],
    ['data: script', 'data:text/javascript,alert(1)', 'script'],
    ['data: without a resource type', 'data:image/png;base64,AAAA', undefined],
    ['blob navigation', `blob:file:///${blobId}`, 'mainFrame'],
    ['blob in a frame', `blob:file:///${blobId}`, 'subFrame'],
    ['blob of a remote origin', `blob:https://evil.example/${blobId}`, 'other'],
    ['blob with an opaque origin', `blob:null/${blobId}`, 'other'],
    ['blob with a path instead of an id', 'blob:file:///etc/passwd', 'other'],
    ['devtools outside development', 'devtools://devtools/bundled/inspector.html', 'mainFrame'],
    ['chrome internals', 'chrome://gpu', 'mainFrame'],
    ['chrome extension', 'chrome-extension://abc/x.js', 'script'],
    ['about:blank', 'about:blank', 'subFrame'],
    ['custom scheme', 'headroom://app/index.html', 'mainFrame'],
    ['unparsable', 'not a url', 'other'],
    ['empty', '', 'other'],
    ['not a string', 42, 'other'],
  ])('%s', (_label, url, resourceType) => {
    expect(isAllowedRequest(url, root, { resourceType })).toBe(false)
  })
})

describe('isAllowedRequest: development', () => {
  it('allows devtools:// only with dev set', () => {
    const url = 'devtools://devtools/bundled/devtools_app.html'
    expect(isAllowedRequest(url, root, { dev: true, resourceType: 'mainFrame' })).toBe(true)
    expect(isAllowedRequest(url, root, { dev: false, resourceType: 'mainFrame' })).toBe(false)
  })

  it('still refuses the network in dev', () => {
    expect(isAllowedRequest('http://localhost:5173/', root, { dev: true, resourceType: 'mainFrame' })).toBe(
      false,
    )
  })
})
