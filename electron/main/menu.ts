import type { MenuItemConstructorOptions } from 'electron'

/** An action of the File menu, placed above Quit. */
export interface FileMenuAction {
  label: string
  accelerator?: string
  run: () => void
}

export interface MenuOptions {
  appName: string
  platform: NodeJS.Platform
  /** Development build: adds Reload and Toggle Developer Tools. */
  dev: boolean
  fileActions: readonly FileMenuAction[]
  onAbout: () => void
}

/**
 * The application menu as a template: File, Edit, View, Help (plus the macOS app menu first on
 * darwin, where the first menu always takes the app's name). Production builds get no Reload and no
 * DevTools entry, so their shortcuts do nothing there either.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions[] = options.fileActions.map((action) => ({
    label: action.label,
    accelerator: action.accelerator,
    click: () => action.run(),
  }))
  if (file.length > 0) file.push({ type: 'separator' })
  file.push({ role: 'quit' })

  const view: MenuItemConstructorOptions[] = []
  if (options.dev) view.push({ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' })
  view.push(
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  )

  const template: MenuItemConstructorOptions[] = [
    { label: 'File', submenu: file },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'delete' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    { label: 'View', submenu: view },
    { label: 'Help', submenu: [{ label: `About ${options.appName}`, click: () => options.onAbout() }] },
  ]
  if (options.platform === 'darwin') template.unshift({ role: 'appMenu' })
  return template
}
