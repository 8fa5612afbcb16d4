/**
 * The desktop shell's print bridge (`window.headroomShell`, exposed by electron/preload). It lives in
 * shared/ because the preload, main and the renderer all need it and may not import each other; it
 * imports nothing, so the sandboxed preload bundle stays free of zod and the contract.
 */

export type PaperSize = 'a4' | 'letter'
export type PaperOrientation = 'portrait' | 'landscape'

export interface ShellPrintOptions {
  paper: PaperSize
  orientation: PaperOrientation
  /** Proposed file name in the save dialog, e.g. `HR-MEMO-D-1-v2.pdf`. */
  suggestedName: string
}

export type ShellPrintResult =
  { ok: true; path: string; bytes: number } | { ok: false; cancelled: boolean; message?: string }

export interface HeadroomShellApi {
  printToPdf(options: ShellPrintOptions): Promise<ShellPrintResult>
}

/** IPC channel of the shell's print-to-PDF (not a contract operation: it writes a file, not the ledger). */
export const PRINT_TO_PDF_CHANNEL = 'headroom-shell:print-to-pdf'
