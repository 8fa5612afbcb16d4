import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate, type MenuOptions } from '../../../electron/main/menu'

const base: MenuOptions = {
  appName: 'Headroom',
  platform: 'linux',
  dev: false,
  fileActions: [],
  onAbout: () => {},
}

const submenu = (template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] =>
  template.find((m) => m.label === label)!.submenu as MenuItemConstructorOptions[]
const roles = (items: MenuItemConstructorOptions[]) => items.map((i) => i.role).filter(Boolean)

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help, in that order', () => {
    expect(buildMenuTemplate(base).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help'])
  })

  it('puts the macOS app menu first on darwin only', () => {
    const mac = buildMenuTemplate({ ...base, platform: 'darwin' })
    expect(mac[0]!.role).toBe('appMenu')
    expect(mac.slice(1).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help'])
  })

  it('View has the zoom and full-screen roles and, in production, no reload or devtools', () => {
    const view = roles(submenu(buildMenuTemplate(base), 'View'))
    expect(view).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'])
    expect(view).not.toContain('reload')
    expect(view).not.toContain('toggleDevTools')
  })

  it('View adds reload and devtools in development', () => {
    const view = roles(submenu(buildMenuTemplate({ ...base, dev: true }), 'View'))
    expect(view).toEqual(['reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'])
  })

  it('Edit has the standard editing roles', () => {
    expect(roles(submenu(buildMenuTemplate(base), 'Edit'))).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'delete',
      'selectAll',
    ])
  })

  it('File is only Quit when there are no actions', () => {
    expect(submenu(buildMenuTemplate(base), 'File')).toEqual([{ role: 'quit' }])
  })

  it('File lists the given actions above Quit and runs them on click', () => {
    const run = vi.fn()
    const file = submenu(
      buildMenuTemplate({
        ...base,
        fileActions: [{ label: 'Back up ledger…', accelerator: 'CmdOrCtrl+B', run }],
      }),
      'File',
    )
    expect(file.map((i) => i.label ?? i.role ?? i.type)).toEqual(['Back up ledger…', 'separator', 'quit'])
    expect(file[0]!.accelerator).toBe('CmdOrCtrl+B')
    ;(file[0]!.click as () => void)()
    expect(run).toHaveBeenCalledOnce()
  })

  it('Help → About Headroom calls onAbout', () => {
    const onAbout = vi.fn()
    const help = submenu(buildMenuTemplate({ ...base, onAbout }), 'Help')
    expect(help.map((i) => i.label)).toEqual(['About Headroom'])
    ;(help[0]!.click as () => void)()
    expect(onAbout).toHaveBeenCalledOnce()
  })
})
