import { app, dialog, ipcMain, Menu, session, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import { openSession, type Session } from '../core/session'
import { APP_VERSION } from '../core/version'
import { isTrustedSender } from '../security/app-url'
import { hardenSession, hardenWebContents, type HardenOptions } from '../security/harden'
import { appPaths } from './app-paths'
import { parseShellArgs, resolveLedgerPath } from './args'
import { registerOperationHandlers } from './ipc'
import { electronLedgerDialogs } from './ledger-dialogs'
import { ledgerFileActions } from './ledger-menu'
import { buildMenuTemplate } from './menu'
import { registerPrintToPdf } from './print'
import { createMainWindow } from './window'

const APP_NAME = 'Headroom'
const dev = !app.isPackaged
const paths = appPaths(import.meta.dirname)

// Every renderer is sandboxed, including any a library might create without asking.
app.enableSandbox()
app.setName(APP_NAME)
// Pinned so the desktop shell and the CLI (electron/core/paths.ts) agree on where the ledger lives,
// whatever name package.json gives the unpackaged app.
app.setPath('userData', join(app.getPath('appData'), APP_NAME))

if (!app.requestSingleInstanceLock()) {
  // Two processes writing one ledger would race; the first instance is brought forward instead.
  app.quit()
} else {
  start()
}

function start(): void {
  let mainWindow: BrowserWindow | null = null
  let core: Session | null = null

  const guards: HardenOptions = {
    entryUrl: paths.entryUrl,
    rendererRoot: paths.rendererRoot,
    dev,
    onBlocked: (what, url) => console.warn(`[security] blocked ${what}${url ? `: ${url}` : ''}`),
  }

  // Registered before any window exists so no web contents ever runs unguarded.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, guards))

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  })

  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => {
    core?.close()
    core = null
  })

  void app.whenReady().then(() => {
    const args = parseShellArgs(process.argv)
    if (!args.ok) return fatal('Headroom cannot start', args.message)
    const ledgerPath = resolveLedgerPath(args.value, process.cwd(), app.getPath('userData'))
    try {
      core = openSession({
        ledgerPath,
        host: 'electron',
        sample: args.value.sample,
        jobPaceMs: args.value.jobPaceMs,
      })
    } catch (error) {
      return fatal(
        'Headroom cannot open the ledger',
        `${ledgerPath}\n\n${error instanceof Error ? error.message : String(error)}`,
      )
    }

    hardenSession(session.defaultSession, guards)
    const dispatch = core.dispatch
    registerOperationHandlers(ipcMain, dispatch, (event) =>
      isTrustedSender(event.senderFrame, paths.entryUrl),
    )
    registerPrintToPdf(
      ipcMain,
      (event) => isTrustedSender(event.senderFrame, paths.entryUrl),
      () => app.getPath('documents'),
    )

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          appName: APP_NAME,
          platform: process.platform,
          dev,
          fileActions: ledgerFileActions({
            ledgerPath,
            dispatch,
            dialogs: electronLedgerDialogs(() => mainWindow),
            documentsFolder: app.getPath('documents'),
            // A restore swapped the ledger under the window: reloading makes every screen read it.
            onLedgerReplaced: () => mainWindow?.webContents.reload(),
          }),
          onAbout: () => {
            void dialog.showMessageBox({
              type: 'info',
              title: `About ${APP_NAME}`,
              message: `${APP_NAME} ${APP_VERSION}`,
              detail: `Ledger: ${ledgerPath}`,
            })
          },
        }),
      ),
    )

    mainWindow = createMainWindow(paths, dev)
    mainWindow.on('closed', () => {
      mainWindow = null
    })
  })
}

function fatal(title: string, message: string): void {
  dialog.showErrorBox(title, message)
  app.exit(1)
}
