import {
  PRINT_TO_PDF_CHANNEL,
  type HeadroomShellApi,
  type ShellPrintOptions,
  type ShellPrintResult,
} from '../../shared/ipc/shell-print'
import type { Invoke } from './api'

/**
 * `window.headroomShell`: the one shell function beyond the contract, saving the current page as a
 * PDF through main. Built from `invoke` so it can be tested without Electron; a failed invoke
 * becomes a result, like the contract's functions.
 */
export function buildShellApi(invoke: Invoke): HeadroomShellApi {
  return Object.freeze({
    printToPdf: (options: ShellPrintOptions) =>
      invoke(PRINT_TO_PDF_CHANNEL, options).then(
        (reply) => reply as ShellPrintResult,
        (error: unknown): ShellPrintResult => ({
          ok: false,
          cancelled: false,
          message: error instanceof Error ? error.message : String(error),
        }),
      ),
  })
}
