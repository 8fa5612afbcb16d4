import { dialog, type BrowserWindow } from 'electron'
import type { LedgerDialogs } from './ledger-menu'

/** An Electron dialog function: modal to a window when given one, free-standing otherwise. */
type Show<O, R> = { (window: BrowserWindow, options: O): Promise<R>; (options: O): Promise<R> }

/** The File menu's ledger dialogs as Electron's native ones, attached to the window when there is one. */
export function electronLedgerDialogs(window: () => BrowserWindow | null): LedgerDialogs {
  // Called on `dialog` itself, as its methods are when written out in full.
  const attached = <O, R>(show: Show<O, R>, options: O): Promise<R> => {
    const w = window()
    return Reflect.apply(show, dialog, w ? [w, options] : [options]) as Promise<R>
  }
  return {
    saveFile: async (options) => {
      const r = await attached(dialog.showSaveDialog, options)
      return r.canceled ? undefined : r.filePath
    },
    openFile: async (options) => {
      const r = await attached(dialog.showOpenDialog, { ...options, properties: ['openFile' as const] })
      return r.canceled ? undefined : r.filePaths[0]
    },
    confirm: async ({ title, message, detail, action }) => {
      const r = await attached(dialog.showMessageBox, {
        type: 'warning' as const,
        title,
        message,
        detail,
        buttons: ['Cancel', action],
        defaultId: 0,
        cancelId: 0,
      })
      return r.response === 1
    },
    inform: ({ title, message, detail }) => {
      void dialog.showMessageBox({ type: 'info', title, message, detail })
    },
    fail: (title, message) => dialog.showErrorBox(title, message),
  }
}
