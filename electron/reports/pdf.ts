import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'
import { reportQuery, type ReportRequest } from '../../shared/ipc/ops/reports'
import { AppError, type ErrorCode } from '../../shared/ipc/result'
import { CHROMIUM_ARGS, chromiumPath } from './chromium'

/** Launches the system Chromium (Playwright cannot download its own here, and the desk is offline). */
export async function launchChromium(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  const executablePath = chromiumPath(env)
  if (!existsSync(executablePath)) {
    throw new AppError(
      'internal',
      `Chromium not found at ${executablePath}; set CHROMIUM_PATH to a Chromium or Chrome executable.`,
    )
  }
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0]
    throw new AppError(
      'internal',
      `Chromium at ${executablePath} did not start (${first}); set CHROMIUM_PATH to a working Chromium or Chrome.`,
    )
  }
}

/** The browser host address of a report view: the app's own route, so the PDF is what the screen prints. */
export function reportUrl(hostUrl: string, request: ReportRequest): string {
  return `${hostUrl}#/reports?${new URLSearchParams(reportQuery(request)).toString()}`
}

export interface RenderedPdf {
  path: string
  bytes: number
  documentNumber: string | null
  ms: number
}

/**
 * Loads a report view, waits for the view's ready marker (or its error marker, to fail at once with
 * the reason) and prints it. `preferCSSPageSize` lets the view's @page rule choose the paper, so the
 * page margin boxes (marking, page N of M) are the same as in the browser's print and Electron's.
 */
export async function renderReportPdf(
  browser: Browser,
  url: string,
  out: string,
  options: { timeoutMs?: number } = {},
): Promise<RenderedPdf> {
  const started = performance.now()
  const page = await browser.newPage()
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' })
    const done = page.locator('[data-report-ready="true"], [data-report-error]').first()
    await done.waitFor({ state: 'attached', timeout: options.timeoutMs ?? 60_000 })
    const error = await done.getAttribute('data-report-error')
    if (error !== null) {
      const code = (await done.getAttribute('data-report-error-code')) ?? 'internal'
      throw new AppError(isErrorCode(code) ? code : 'internal', error)
    }
    const documentNumber = await done.getAttribute('data-document-number')
    const pdf = await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true })
    return { path: out, bytes: pdf.length, documentNumber, ms: performance.now() - started }
  } finally {
    await page.close()
  }
}

const CODES: readonly ErrorCode[] = ['invalid_input', 'not_found', 'conflict', 'forbidden', 'internal']
const isErrorCode = (code: string): code is ErrorCode => (CODES as readonly string[]).includes(code)
