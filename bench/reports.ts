import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultRendererDir } from '../electron/cli/commands/report'
import { openSession } from '../electron/core/session'
import { importBook } from '../electron/db/interchange'
import { openLedger } from '../electron/db/ledger'
import { startHost } from '../electron/host/server'
import { launchChromium, renderReportPdf, reportUrl } from '../electron/reports/pdf'
import { generateBook } from './rules'
import type { BenchModule } from './types'

/**
 * Reports benchmark (target from issue #6): the portfolio report of a 1,000-deal ledger to PDF in
 * under 10 s, the way `headroom report portfolio --pdf` does it (session, loopback host, system
 * Chromium, the report view, page.pdf). Needs the built renderer (`npm run build`). Run alone with
 * `npm run bench -- reports`.
 */

const DEALS = 1000
const ms = (n: number) => `${Math.round(n).toLocaleString('en-US').padStart(7)} ms`

export const reportsBench: BenchModule = {
  name: 'reports',
  async run(log) {
    const rendererDir = defaultRendererDir()
    if (!existsSync(join(rendererDir, 'index.html'))) {
      log(`skipped: the renderer is not built (${rendererDir}); run \`npm run build\` first`)
      return
    }
    const dir = mkdtempSync(join(tmpdir(), 'headroom-bench-reports-'))
    try {
      const ledgerPath = join(dir, 'ledger.sqlite')
      const db = openLedger(ledgerPath)
      const imported = importBook(db, generateBook(DEALS), 'bench')
      if (imported.errors?.length || imported.imported !== DEALS)
        throw new Error('generated book did not import')
      const open = db
        .prepare("SELECT count(*) FROM project WHERE status NOT IN ('closed', 'rejected', 'cancelled')")
        .pluck()
        .get() as number
      db.close()
      log(
        `ledger: ${DEALS.toLocaleString('en-US')} deals (bench/rules.ts generateBook), ${open.toLocaleString('en-US')} open`,
      )

      for (let run = 1; run <= 3; run++) {
        const started = performance.now()
        const session = openSession({ ledgerPath, host: 'cli' })
        const host = await startHost({ dispatch: session.dispatch, rendererDir })
        const browser = await launchChromium()
        const launched = performance.now()
        const out = join(dir, `portfolio-${run}.pdf`)
        const pdf = await renderReportPdf(
          browser,
          reportUrl(host.url, {
            kind: 'portfolio',
            paper: 'a4',
            orientation: 'landscape',
            asOf: '2026-06-30',
          }),
          out,
        )
        await browser.close()
        await host.close()
        session.close()
        const total = performance.now() - started
        const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))?.[1] ?? '?'
        log(
          `run ${run}: portfolio of ${open} open deals → ${pages} pages, ${Math.round(pdf.bytes / 1024)} KB: ` +
            `total ${ms(total)} (session + host + Chromium launch ${ms(launched - started)}, view + PDF ${ms(pdf.ms)}); ` +
            `target < 10,000 ms: ${total < 10_000 ? 'met' : 'MISSED'} (load average ${loadavg()[0]!.toFixed(1)})`,
        )
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  },
}
