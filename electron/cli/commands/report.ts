import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import {
  DEFAULT_ORIENTATION,
  REPORT_KINDS,
  type ReportKind,
  type ReportRequest,
} from '../../../shared/ipc/ops/reports'
import { isIsoDate } from '../../../shared/iso-date'
import { AppError } from '../../../shared/ipc/result'
import { openSession } from '../../core/session'
import { startHost } from '../../host/server'
import { launchChromium, renderReportPdf, reportUrl } from '../../reports/pdf'
import { UsageError, type CliCommand, type CliIo, type GlobalOptions } from '../types'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
export const defaultRendererDir = (): string =>
  process.env.HEADROOM_RENDERER_DIR || join(repoRoot, 'out', 'renderer')

const USAGE = `Usage:
  headroom --db FILE report memo --deal ID [--deal ID …] --pdf OUT
  headroom --db FILE report country --country ISO [--pack ID] [--as-of DATE] --pdf OUT
  headroom --db FILE report portfolio [--pack ID] [--as-of DATE] --pdf OUT
  headroom --db FILE report audit [--deal ID] [--from DATE] [--to DATE] --pdf OUT
Options for every report:
  --paper a4|letter                 paper size (default a4)
  --orientation portrait|landscape  (default: portrait for memo and country, landscape for portfolio and audit)
With several --deal, OUT is a folder and each memo is written as <document number>.pdf.
Chromium: /usr/bin/chromium, or set CHROMIUM_PATH.`

interface Plan {
  requests: ReportRequest[]
  /** One file, or a folder for a batch. */
  out: string
  batch: boolean
}

/** Turns the command line into report requests; every mistake is a UsageError (exit 2). */
export function planReport(args: string[]): Plan {
  const [kind, ...rest] = args
  if (!kind || !REPORT_KINDS.includes(kind as ReportKind))
    throw new UsageError(`give a report: ${REPORT_KINDS.join(', ')}\n\n${USAGE}`)
  let parsed
  try {
    parsed = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: false,
      options: {
        deal: { type: 'string', multiple: true },
        country: { type: 'string' },
        pack: { type: 'string' },
        'as-of': { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        pdf: { type: 'string' },
        paper: { type: 'string' },
        orientation: { type: 'string' },
      },
    }).values
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const k = kind as ReportKind
  const allowed: Record<ReportKind, string[]> = {
    memo: ['deal'],
    country: ['country', 'pack', 'as-of'],
    portfolio: ['pack', 'as-of'],
    audit: ['deal', 'from', 'to'],
  }
  for (const name of ['deal', 'country', 'pack', 'as-of', 'from', 'to'] as const) {
    if (parsed[name] !== undefined && !allowed[k].includes(name))
      throw new UsageError(`--${name} does not apply to the ${k} report`)
  }
  if (!parsed.pdf) throw new UsageError('give the output file with --pdf OUT')
  const paper = parsed.paper ?? 'a4'
  if (paper !== 'a4' && paper !== 'letter') throw new UsageError('--paper is a4 or letter')
  const orientation = parsed.orientation ?? DEFAULT_ORIENTATION[k]
  if (orientation !== 'portrait' && orientation !== 'landscape')
    throw new UsageError('--orientation is portrait or landscape')
  for (const name of ['as-of', 'from', 'to'] as const) {
    const v = parsed[name]
    if (v !== undefined && !isIsoDate(v)) throw new UsageError(`--${name} is a date as YYYY-MM-DD`)
  }
  if (parsed.from && parsed.to && parsed.from > parsed.to) throw new UsageError('--from is after --to')
  const base = { kind: k, paper, orientation } as const
  const deals = parsed.deal ?? []
  if (k === 'memo' && deals.length === 0) throw new UsageError('give the deal with --deal ID')
  if (k === 'audit' && deals.length > 1) throw new UsageError('the audit extract takes one --deal')
  if (k === 'country' && !parsed.country)
    throw new UsageError('give the country with --country ISO (e.g. IN)')
  if (parsed.country && !/^[A-Za-z]{2}$/.test(parsed.country))
    throw new UsageError('--country is an ISO 3166-1 alpha-2 code (e.g. IN)')
  const common = {
    ...(parsed.country ? { country: parsed.country.toUpperCase() } : {}),
    ...(parsed.pack ? { packId: parsed.pack } : {}),
    ...(parsed['as-of'] ? { asOf: parsed['as-of'] } : {}),
    ...(parsed.from ? { from: parsed.from } : {}),
    ...(parsed.to ? { to: parsed.to } : {}),
  }
  const requests: ReportRequest[] =
    k === 'memo'
      ? deals.map((projectId) => ({ ...base, projectId }))
      : [{ ...base, ...common, ...(deals[0] ? { projectId: deals[0] } : {}) }]
  return { requests, out: resolve(parsed.pdf), batch: requests.length > 1 }
}

const safeFileName = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '_')

export async function runReport(args: string[], global: GlobalOptions, io: CliIo): Promise<number> {
  const plan = planReport(args)
  if (!global.db) throw new UsageError('give the ledger with --db FILE (before the command)')
  const ledgerPath = resolve(global.db)
  if (!existsSync(ledgerPath)) throw new UsageError(`no ledger at ${ledgerPath}`)
  const rendererDir = defaultRendererDir()
  if (!existsSync(join(rendererDir, 'index.html'))) {
    io.err(
      `headroom report: the renderer is not built (no ${join(rendererDir, 'index.html')}); run \`npm run build\` first.`,
    )
    return 1
  }
  if (plan.batch) {
    mkdirSync(plan.out, { recursive: true })
    if (!statSync(plan.out).isDirectory())
      throw new UsageError(`with several --deal, --pdf names a folder; ${plan.out} is a file`)
  } else {
    mkdirSync(dirname(plan.out), { recursive: true })
  }

  const session = openSession({ ledgerPath, host: 'cli' })
  let host: Awaited<ReturnType<typeof startHost>> | null = null
  let browser: Awaited<ReturnType<typeof launchChromium>> | null = null
  let failures = 0
  try {
    host = await startHost({ dispatch: session.dispatch, rendererDir })
    browser = await launchChromium()
    for (const request of plan.requests) {
      const target = plan.batch
        ? join(plan.out, `.rendering-${safeFileName(request.projectId ?? 'report')}.pdf`)
        : plan.out
      try {
        const done = await renderReportPdf(browser, reportUrl(host.url, request), target)
        let path = done.path
        if (plan.batch) {
          path = join(plan.out, `${safeFileName(done.documentNumber ?? `HR-MEMO-${request.projectId}`)}.pdf`)
          renameSync(done.path, path)
        }
        io.out(
          `${path} (${done.documentNumber ?? request.kind}, ${Math.round(done.bytes / 1024)} KB, ${Math.round(done.ms)} ms)`,
        )
      } catch (error) {
        // In a batch one bad deal must not stop the others; the exit code still reports it.
        if (!plan.batch) throw error
        failures++
        io.err(
          `headroom report: deal ${request.projectId}: ${error instanceof Error ? error.message : String(error)}`,
        )
      }
    }
  } finally {
    await browser?.close().catch(() => undefined)
    await host?.close()
    session.close()
  }
  return failures > 0 ? 1 : 0
}

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'Print a determination memo, country statement, portfolio report or audit extract to PDF.',
  usage: USAGE,
  run: async (args, global, io) => {
    try {
      return await runReport(args, global, io)
    } catch (error) {
      // A report that names a deal or country the ledger does not have is a usage error (exit 2).
      if (error instanceof AppError && (error.code === 'not_found' || error.code === 'invalid_input'))
        throw new UsageError(error.message)
      throw error
    }
  },
}
