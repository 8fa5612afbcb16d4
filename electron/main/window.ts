import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron'
import type { AppPaths } from './app-paths'

/**
 * Window options. The renderer is treated as untrusted: no Node, an isolated preload world, the
 * Chromium sandbox, same-origin policy on. Tests assert these values, so change them only with a
 * reason written here.
 */
export function mainWindowOptions(paths: AppPaths, dev: boolean): BrowserWindowConstructorOptions {
  return {
    title: 'Headroom',
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    // Shown on ready-to-show so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: paths.preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // The spell checker downloads dictionaries; the desk is offline.
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Production builds cannot open DevTools at all, not merely lack a menu entry for them.
      devTools: dev,
    },
  }
}

export function createMainWindow(paths: AppPaths, dev: boolean): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(paths, dev))
  win.once('ready-to-show', () => win.show())
  win
    .loadFile(paths.entryFile)
    .catch((error: unknown) => console.error('[window] could not load the renderer', error))
  return win
}
