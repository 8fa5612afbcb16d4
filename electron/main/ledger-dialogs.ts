import { dialog, type BrowserWindow } from 'electron'
import type { LedgerDialogs } from './ledger-menu'

/** The File menu's ledger dialogs as Electron's native ones, attached to the window when there is one. */
export function electronLedgerDialogs(window: () => BrowserWindow | null): LedgerDialogs {
  return {
    saveFile: async (options) => {
      const w = window()
      const r = await (w ? dialog.showSaveDialog(w, options) : dialog.showSaveDialog(options))
      return r.canceled ? undefined : r.filePath
    },
    openFile: async (options) => {
      const w = window()
      const o = { ...options, properties: ['openFile' as const] }
      const r = await (w ? dialog.showOpenDialog(w, o) : dialog.showOpenDialog(o))
      return r.canceled ? undefined : r.filePaths[0]
    },
    confirm: async ({ title, message, detail, action }) => {
      const o = {
        type: 'warning' as const,
        title,
        message,
        detail,
        buttons: ['Cancel', action],
        defaultId: 0,
        cancelId: 0,
      }
      const w = window()
      const r = await (w ? dialog.showMessageBox(w, o) : dialog.showMessageBox(o))
      return r.response === 1
    },
    inform: ({ title, message, detail }) => {
      void dialog.showMessageBox({ type: 'info', title, message, detail })
    },
    fail: (title, message) => dialog.showErrorBox(title, message),
  }
}
