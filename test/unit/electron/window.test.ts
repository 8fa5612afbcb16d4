import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({ BrowserWindow: vi.fn() }))

const { appPaths, PRELOAD_FILE_NAME } = await import('../../../electron/main/app-paths')
const { mainWindowOptions } = await import('../../../electron/main/window')

const mainDir = resolve('/opt/Headroom/resources/app.asar/out/main')

describe('appPaths', () => {
  it('points at the CommonJS preload and the renderer next to the main bundle', () => {
    const out = resolve(mainDir, '..')
    expect(PRELOAD_FILE_NAME).toBe('index.cjs')
    expect(appPaths(mainDir)).toEqual({
      preloadFile: join(out, 'preload', 'index.cjs'),
      rendererRoot: join(out, 'renderer'),
      entryFile: join(out, 'renderer', 'index.html'),
      entryUrl: pathToFileURL(join(out, 'renderer', 'index.html')).href,
    })
  })
})

describe('mainWindowOptions', () => {
  it.each([true, false])('keeps the renderer isolated and sandboxed (dev=%s)', (dev) => {
    const paths = appPaths(mainDir)
    const options = mainWindowOptions(paths, dev)
    expect(options.show).toBe(false)
    expect(options.webPreferences).toMatchObject({
      preload: paths.preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: dev,
    })
  })
})
