import { beforeEach, describe, expect, it, vi } from 'vitest'

/** Electron's dialog, recording each call's receiver and arguments and answering from a script. */
const calls: Array<{ name: string; self: unknown; args: unknown[] }> = []
const answers: Record<string, unknown> = {}
vi.mock('electron', () => {
  const record = (name: string) =>
    function (this: unknown, ...args: unknown[]) {
      calls.push({ name, self: this, args })
      return Promise.resolve(answers[name])
    }
  return {
    dialog: {
      showSaveDialog: record('save'),
      showOpenDialog: record('open'),
      showMessageBox: record('box'),
      showErrorBox: record('error'),
    },
  }
})

const { dialog } = await import('electron')
const { electronLedgerDialogs } = await import('../../../electron/main/ledger-dialogs')

beforeEach(() => {
  calls.length = 0
})

describe('the File menu dialogs on Electron', () => {
  const win = { id: 7 } as unknown as Electron.BrowserWindow

  it('are modal to the window when there is one, and free-standing otherwise, each called on dialog', async () => {
    for (const w of [win, null]) {
      calls.length = 0
      const d = electronLedgerDialogs(() => w)
      answers.save = { canceled: false, filePath: '/b/x.sqlite' }
      answers.open = { canceled: false, filePaths: ['/b/y.sqlite', '/b/z.sqlite'] }
      answers.box = { response: 1 }
      const filters = [{ name: 'Headroom ledger backup', extensions: ['sqlite'] }]
      const save = { title: 'Back up the ledger', defaultPath: '/b/x.sqlite', filters }
      const open = { title: 'Restore', defaultPath: '/b', filters }
      expect(await d.saveFile(save)).toBe('/b/x.sqlite')
      expect(await d.openFile(open)).toBe('/b/y.sqlite')
      expect(await d.confirm({ title: 'T', message: 'M', detail: 'D', action: 'Restore' })).toBe(true)
      const box = {
        type: 'warning',
        title: 'T',
        message: 'M',
        detail: 'D',
        buttons: ['Cancel', 'Restore'],
        defaultId: 0,
        cancelId: 0,
      }
      const lead = w ? [w] : []
      expect(calls).toEqual([
        { name: 'save', self: dialog, args: [...lead, save] },
        { name: 'open', self: dialog, args: [...lead, { ...open, properties: ['openFile'] }] },
        { name: 'box', self: dialog, args: [...lead, box] },
      ])
    }
  })

  it('answer undefined for a cancelled file dialog and false for Cancel', async () => {
    const d = electronLedgerDialogs(() => win)
    answers.save = { canceled: true, filePath: '' }
    answers.open = { canceled: true, filePaths: [] }
    answers.box = { response: 0 }
    const o = { title: 'S', defaultPath: '/b', filters: [] }
    expect(await d.saveFile(o)).toBeUndefined()
    expect(await d.openFile(o)).toBeUndefined()
    expect(await d.confirm({ title: 'T', message: 'M', detail: 'D', action: 'Restore' })).toBe(false)
  })

  it('informs without blocking and fails with an error box', () => {
    const d = electronLedgerDialogs(() => win)
    d.inform({ title: 'Done', message: 'Backed up.', detail: 'x' })
    d.fail('Back up failed', 'disk full')
    expect(calls).toEqual([
      {
        name: 'box',
        self: dialog,
        args: [{ type: 'info', title: 'Done', message: 'Backed up.', detail: 'x' }],
      },
      { name: 'error', self: dialog, args: ['Back up failed', 'disk full'] },
    ])
  })
})
