import type { IpcMainInvokeEvent } from 'electron'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PRINT_TO_PDF_CHANNEL, type ShellPrintResult } from '../../../shared/ipc/shell-print'

/*
 * The Electron print channel with Electron faked (the binary cannot run here): what main does with
 * the renderer's request, and what the preload exposes.
 */

const h = vi.hoisted(() => ({
  saveResult: { canceled: false, filePath: '' } as { canceled: boolean; filePath?: string },
  dialogCalls: [] as unknown[],
}))

vi.mock('electron', () => ({
  BrowserWindow: { fromWebContents: () => ({ id: 1 }) },
  dialog: {
    showSaveDialog: async (...args: unknown[]) => {
      h.dialogCalls.push(args[args.length - 1])
      return h.saveResult
    },
  },
}))

const { parsePrintOptions, registerPrintToPdf } = await import('../../../electron/main/print')
const { buildShellApi } = await import('../../../electron/preload/print')

type Listener = (event: IpcMainInvokeEvent, payload: unknown) => Promise<ShellPrintResult>

function setup(trusted = true) {
  const handlers = new Map<string, Listener>()
  registerPrintToPdf(
    { handle: (channel, listener) => handlers.set(channel, listener) },
    () => trusted,
    () => '/home/desk/Documents',
  )
  const printToPDF = vi.fn(async () => Buffer.from('%PDF-1.4 fake'))
  const event = { sender: { printToPDF } } as unknown as IpcMainInvokeEvent
  return { handler: handlers.get(PRINT_TO_PDF_CHANNEL)!, handlers, printToPDF, event }
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'headroom-print-'))
  h.dialogCalls.length = 0
  h.saveResult = { canceled: false, filePath: join(dir, 'memo.pdf') }
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('parsePrintOptions', () => {
  it('accepts the two papers and orientations and makes the name a bare .pdf file name', () => {
    expect(
      parsePrintOptions({ paper: 'letter', orientation: 'landscape', suggestedName: 'HR-MEMO-D 1/../x' }),
    ).toEqual({
      paper: 'letter',
      orientation: 'landscape',
      suggestedName: 'HR-MEMO-D_1_.._x.pdf',
    })
    expect(
      parsePrintOptions({ paper: 'a4', orientation: 'portrait', suggestedName: '../../etc.pdf' })
        ?.suggestedName,
    ).toBe('_.._etc.pdf')
  })

  it('refuses anything else', () => {
    expect(parsePrintOptions(null)).toBeNull()
    expect(parsePrintOptions({ paper: 'a3', orientation: 'portrait', suggestedName: 'x' })).toBeNull()
    expect(parsePrintOptions({ paper: 'a4', orientation: 'sideways', suggestedName: 'x' })).toBeNull()
    expect(parsePrintOptions({ paper: 'a4', orientation: 'portrait', suggestedName: 7 })).toBeNull()
  })
})

describe('headroom-shell:print-to-pdf', () => {
  it('asks where to save, prints the sender page with its CSS page size and writes the file', async () => {
    const { handler, printToPDF, event } = setup()
    const result = await handler(event, {
      paper: 'letter',
      orientation: 'landscape',
      suggestedName: 'HR-PORT-2026-01-01',
    })
    expect(result).toEqual({ ok: true, path: join(dir, 'memo.pdf'), bytes: 13 })
    expect(printToPDF).toHaveBeenCalledWith({
      pageSize: 'Letter',
      landscape: true,
      printBackground: true,
      preferCSSPageSize: true,
    })
    expect(readFileSync(join(dir, 'memo.pdf'), 'utf8')).toBe('%PDF-1.4 fake')
    expect(h.dialogCalls[0]).toMatchObject({
      defaultPath: join('/home/desk/Documents', 'HR-PORT-2026-01-01.pdf'),
      filters: [{ extensions: ['pdf'] }],
    })
  })

  it('writes nothing when the user cancels', async () => {
    h.saveResult = { canceled: true }
    const { handler, printToPDF, event } = setup()
    expect(await handler(event, { paper: 'a4', orientation: 'portrait', suggestedName: 'x' })).toEqual({
      ok: false,
      cancelled: true,
    })
    expect(printToPDF).not.toHaveBeenCalled()
  })

  it('refuses an untrusted sender and bad options before any dialog', async () => {
    const untrusted = setup(false)
    expect(
      await untrusted.handler(untrusted.event, { paper: 'a4', orientation: 'portrait', suggestedName: 'x' }),
    ).toMatchObject({ ok: false, cancelled: false })
    const trusted = setup()
    expect(await trusted.handler(trusted.event, { paper: 'tabloid' })).toMatchObject({
      ok: false,
      message: 'Invalid print options.',
    })
    expect(h.dialogCalls).toHaveLength(0)
  })

  it('reports a failed print as a result, not a rejection', async () => {
    const { handler, event, printToPDF } = setup()
    printToPDF.mockRejectedValueOnce(new Error('printing failed'))
    expect(await handler(event, { paper: 'a4', orientation: 'portrait', suggestedName: 'x' })).toEqual({
      ok: false,
      cancelled: false,
      message: 'printing failed',
    })
  })
})

describe('window.headroomShell (preload)', () => {
  it('invokes the print channel with the options and passes the reply through', async () => {
    const invoke = vi.fn(async () => ({ ok: true, path: '/x.pdf', bytes: 1 }))
    const shell = buildShellApi(invoke)
    expect(Object.isFrozen(shell)).toBe(true)
    await expect(
      shell.printToPdf({ paper: 'a4', orientation: 'portrait', suggestedName: 'a.pdf' }),
    ).resolves.toEqual({ ok: true, path: '/x.pdf', bytes: 1 })
    expect(invoke).toHaveBeenCalledWith(PRINT_TO_PDF_CHANNEL, {
      paper: 'a4',
      orientation: 'portrait',
      suggestedName: 'a.pdf',
    })
  })

  it('turns a rejected invoke into a failed result', async () => {
    const shell = buildShellApi(() => Promise.reject(new Error('no handler')))
    await expect(
      shell.printToPdf({ paper: 'a4', orientation: 'portrait', suggestedName: 'a.pdf' }),
    ).resolves.toEqual({ ok: false, cancelled: false, message: 'no handler' })
  })
})
