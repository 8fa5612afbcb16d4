import type { BrowserWindowConstructorOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { channelOf, operationNames } from '../../../shared/ipc/contract'
import { PRINT_TO_PDF_CHANNEL } from '../../../shared/ipc/shell-print'

/*
 * Wiring of the main entry with Electron and the core session faked: the real binary cannot run
 * here, so this is the check that index.ts puts the tested pieces together in the right order.
 */

// Electron's listeners take many shapes; the fake only stores and replays them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyListener = (...args: any[]) => unknown

const h = vi.hoisted(() => {
  const state = {
    gotLock: true,
    appListeners: new Map<string, AnyListener[]>(),
    handlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
    windows: [] as Array<{
      options: BrowserWindowConstructorOptions
      loaded: string[]
      onceListeners: Map<string, () => void>
      contentsListeners: Map<string, AnyListener>
      show: () => void
    }>,
    calls: [] as string[],
    openSession: (_options: unknown): unknown => ({
      dispatch: async () => ({ ok: true, value: 1 }),
      close: () => state.calls.push('close'),
    }),
    sessionSetters: [] as string[],
  }
  return state
})

vi.mock('electron', () => {
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      h.calls.push(name + (args.length ? `:${JSON.stringify(args[0])}` : ''))
    }
  const setter = (name: string) => () => h.sessionSetters.push(name)
  class BrowserWindow {
    readonly loaded: string[] = []
    readonly onceListeners = new Map<string, () => void>()
    readonly show = vi.fn()
    readonly contentsListeners = new Map<string, AnyListener>()
    readonly webContents = {
      on: (event: string, listener: AnyListener) => this.contentsListeners.set(event, listener),
    }
    constructor(readonly options: BrowserWindowConstructorOptions) {
      h.windows.push(this)
    }
    once(event: string, listener: () => void) {
      this.onceListeners.set(event, listener)
    }
    on() {}
    loadFile(file: string) {
      this.loaded.push(file)
      return Promise.resolve()
    }
  }
  return {
    app: {
      isPackaged: false,
      enableSandbox: record('enableSandbox'),
      setName: record('setName'),
      setPath: record('setPath'),
      getPath: (name: string) => (name === 'appData' ? '/home/desk/.config' : '/home/desk/.config/Headroom'),
      requestSingleInstanceLock: () => h.gotLock,
      quit: record('quit'),
      exit: record('exit'),
      on: (event: string, listener: AnyListener) => {
        h.appListeners.set(event, [...(h.appListeners.get(event) ?? []), listener])
      },
      whenReady: () => Promise.resolve(),
    },
    dialog: { showErrorBox: record('showErrorBox'), showMessageBox: record('showMessageBox') },
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, payload: unknown) => Promise<unknown>) =>
        h.handlers.set(channel, listener),
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: record('setApplicationMenu') },
    session: {
      defaultSession: {
        setPermissionRequestHandler: setter('permissionRequest'),
        setPermissionCheckHandler: setter('permissionCheck'),
        setDevicePermissionHandler: setter('devicePermission'),
        setSpellCheckerEnabled: setter('spellChecker'),
        webRequest: {
          onBeforeRequest: setter('beforeRequest'),
          onHeadersReceived: setter('headersReceived'),
        },
      },
    },
    BrowserWindow,
  }
})

vi.mock('../../../electron/core/session', () => ({
  openSession: (options: unknown) => h.openSession(options),
}))

const argv = process.argv

async function start(args: string[] = []) {
  process.argv = ['/opt/Headroom/headroom', ...args]
  vi.resetModules()
  await import('../../../electron/main/index')
  await new Promise((r) => setTimeout(r, 0))
}

beforeEach(() => {
  h.gotLock = true
  h.appListeners.clear()
  h.handlers.clear()
  h.windows.length = 0
  h.calls.length = 0
  h.sessionSetters.length = 0
})
afterEach(() => {
  process.argv = argv
  vi.restoreAllMocks()
})

describe('electron/main/index', () => {
  it('quits at once, opening nothing, when another instance holds the lock', async () => {
    h.gotLock = false
    const open = vi.spyOn(h, 'openSession')
    await start()
    expect(h.calls).toContain('quit')
    expect(open).not.toHaveBeenCalled()
    expect(h.windows).toHaveLength(0)
  })

  it('enables the sandbox for every renderer and pins userData', async () => {
    await start()
    expect(h.calls).toContain('enableSandbox')
    expect(h.calls).toContain('setPath:"userData"')
  })

  it('opens the --db ledger, registers every operation and creates one hardened window', async () => {
    const open = vi.spyOn(h, 'openSession')
    await start(['--db', '/data/desk.sqlite'])
    expect(open).toHaveBeenCalledWith({ ledgerPath: '/data/desk.sqlite', host: 'electron', sample: true })
    expect([...h.handlers.keys()].sort()).toEqual(
      [...operationNames.map(channelOf), PRINT_TO_PDF_CHANNEL].sort(),
    )
    expect(h.sessionSetters).toEqual(
      expect.arrayContaining(['permissionRequest', 'permissionCheck', 'beforeRequest', 'headersReceived']),
    )
    expect(h.appListeners.has('web-contents-created')).toBe(true)
    expect(h.appListeners.has('second-instance')).toBe(true)
    expect(h.windows).toHaveLength(1)
    const win = h.windows[0]!
    expect(win.options.webPreferences?.preload).toMatch(/preload[\\/]index\.cjs$/)
    expect(win.options.webPreferences?.sandbox).toBe(true)
    expect(win.loaded[0]).toMatch(/renderer[\\/]index\.html$/)
    // Unsaved edits in the renderer refuse to unload; the window asks rather than silently staying.
    expect(win.contentsListeners.has('will-prevent-unload')).toBe(true)
    expect(win.show).not.toHaveBeenCalled()
    win.onceListeners.get('ready-to-show')!()
    expect(win.show).toHaveBeenCalledOnce()
  })

  it('puts the ledger actions in the File menu, above Quit', async () => {
    await start(['--db', '/data/desk.sqlite'])
    const menu = h.calls.find((c) => c.startsWith('setApplicationMenu:'))!
    const template = JSON.parse(menu.slice('setApplicationMenu:'.length)) as Array<{
      label?: string
      submenu?: Array<{ label?: string; role?: string; type?: string }>
    }>
    const file = template.find((m) => m.label === 'File')!.submenu!
    expect(file.map((i) => i.label ?? i.role ?? i.type)).toEqual([
      'Back up ledger…',
      'Restore ledger from a backup…',
      'Export deal book…',
      'separator',
      'quit',
    ])
  })

  it('defaults the ledger to userData/ledger.sqlite', async () => {
    const open = vi.spyOn(h, 'openSession')
    await start()
    expect(open).toHaveBeenCalledWith({
      ledgerPath: expect.stringMatching(/Headroom[\\/]ledger\.sqlite$/),
      host: 'electron',
      sample: true,
    })
  })

  it('refuses IPC from a frame that is not our entry page', async () => {
    await start()
    const handler = h.handlers.get(channelOf('system.info'))!
    await expect(
      handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, {}),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    await expect(handler({ senderFrame: null }, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
  })

  it('shows an error and exits when the ledger cannot be opened', async () => {
    vi.spyOn(h, 'openSession').mockImplementation(() => {
      throw new Error('ledger_too_new')
    })
    await start()
    expect(h.calls.some((c) => c.startsWith('showErrorBox'))).toBe(true)
    expect(h.calls).toContain('exit:1')
    expect(h.windows).toHaveLength(0)
  })

  it('refuses a bad --db before touching any ledger', async () => {
    const open = vi.spyOn(h, 'openSession')
    await start(['--db'])
    expect(open).not.toHaveBeenCalled()
    expect(h.calls).toContain('exit:1')
  })
})
