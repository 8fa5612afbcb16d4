import { BrowserWindow, dialog, type IpcMainInvokeEvent, type SaveDialogOptions } from 'electron'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  PRINT_TO_PDF_CHANNEL,
  type ShellPrintOptions,
  type ShellPrintResult,
} from '../../shared/ipc/shell-print'

/** The slice of `ipcMain` used here, so tests can register against a fake. */
export interface PrintRegistry {
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, payload: unknown) => Promise<ShellPrintResult>,
  ): void
}

/**
 * The renderer is untrusted, so its options are checked here, not believed: only the two papers
 * and orientations, and a file name without folders (the user picks the folder in the dialog).
 */
export function parsePrintOptions(payload: unknown): ShellPrintOptions | null {
  if (typeof payload !== 'object' || payload === null) return null
  const { paper, orientation, suggestedName } = payload as Record<string, unknown>
  if (paper !== 'a4' && paper !== 'letter') return null
  if (orientation !== 'portrait' && orientation !== 'landscape') return null
  if (typeof suggestedName !== 'string' || suggestedName.length > 200) return null
  const base = suggestedName.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '') || 'headroom-report'
  return { paper, orientation, suggestedName: base.toLowerCase().endsWith('.pdf') ? base : `${base}.pdf` }
}

/**
 * `headroom-shell:print-to-pdf`: asks where to save, then prints the sender's own page with
 * `printToPDF`. The page's @page rule sets paper and margin boxes (`preferCSSPageSize`); the paper
 * given here is the fallback for a page without one. The file is written by main, never by the
 * renderer, and only where the user chose in the dialog.
 */
export function registerPrintToPdf(
  ipc: PrintRegistry,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
  documentsDir: () => string,
): void {
  ipc.handle(PRINT_TO_PDF_CHANNEL, async (event, payload) => {
    if (!isTrusted(event))
      return { ok: false, cancelled: false, message: 'This request did not come from the Headroom window.' }
    const options = parsePrintOptions(payload)
    if (!options) return { ok: false, cancelled: false, message: 'Invalid print options.' }
    const dialogOptions: SaveDialogOptions = {
      title: 'Save report as PDF',
      defaultPath: join(documentsDir(), options.suggestedName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    }
    const owner = BrowserWindow.fromWebContents(event.sender)
    const choice = owner
      ? await dialog.showSaveDialog(owner, dialogOptions)
      : await dialog.showSaveDialog(dialogOptions)
    if (choice.canceled || !choice.filePath) return { ok: false, cancelled: true }
    try {
      const pdf = await event.sender.printToPDF({
        pageSize: options.paper === 'letter' ? 'Letter' : 'A4',
        landscape: options.orientation === 'landscape',
        printBackground: true,
        preferCSSPageSize: true,
      })
      await writeFile(choice.filePath, pdf)
      return { ok: true, path: choice.filePath, bytes: pdf.length }
    } catch (error) {
      return { ok: false, cancelled: false, message: error instanceof Error ? error.message : String(error) }
    }
  })
}
