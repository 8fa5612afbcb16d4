import {
  BrowserWindow,
  dialog,
  type BrowserWindowConstructorOptions,
  type MessageBoxSyncOptions,
} from 'electron'
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

/**
 * The question put when the renderer holds unsaved edits (its `beforeunload` refuses) and the window
 * is closed or reloaded. Electron shows nothing by itself: without this the window would simply not
 * close, with no word why.
 */
export const UNSAVED_PROMPT: MessageBoxSyncOptions = {
  type: 'question',
  title: 'Discard unsaved changes?',
  message: 'A deal has changes that are not saved.',
  detail: 'Keep editing to save them, or discard them and leave.',
  buttons: ['Keep editing', 'Discard changes'],
  defaultId: 0,
  cancelId: 0,
  noLink: true,
}
/** Index in `UNSAVED_PROMPT.buttons` of the answer that lets the window go. */
export const DISCARD_ANSWER = 1

export function createMainWindow(paths: AppPaths, dev: boolean): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(paths, dev))
  win.webContents.on('will-prevent-unload', (event) => {
    // preventDefault here overrides the renderer's refusal: the window closes (or reloads).
    if (dialog.showMessageBoxSync(win, UNSAVED_PROMPT) === DISCARD_ANSWER) event.preventDefault()
  })
  win.once('ready-to-show', () => win.show())
  win
    .loadFile(paths.entryFile)
    .catch((error: unknown) => console.error('[window] could not load the renderer', error))
  return win
}
