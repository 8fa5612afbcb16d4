/// <reference lib="dom" />
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumPath } from '../electron/reports/chromium'
import { importBook } from '../electron/db/interchange'
import { openLedger } from '../electron/db/ledger'
import { startHostProcess, type HostProcess } from '../test/e2e/host-process'
import { mixedBook } from './profile-import'
import type { BenchModule } from './types'

/**
 * Every screen on a 100,000-project ledger, in the real app: a generated book (bench/profile-import.ts
 * `mixedBook`: statuses, people, licences) imported into a ledger file in a temp folder, the browser
 * host started on it (`--no-sample`) and system Chromium driven with playwright-core. For each screen
 * it prints the time from navigation to the screen's ready marker, the renderer's JS heap after it
 * and the largest API response it received.
 *
 *   npm run bench -- ui-large                      100,000 deals (import ~20–40 s, then the screens)
 *   npm run bench -- ui-large --deals 10000
 *   npm run bench -- ui-large --ledger FILE        reuse a ledger (no import; the file is not deleted)
 *   npm run bench -- ui-large --keep               keep the generated ledger and print its path
 *
 * Needs the built renderer (`npx electron-vite build`) and Chromium (`CHROMIUM_PATH`, else
 * /usr/bin/chromium); without either it says so and skips. Figures go to docs/BENCHMARKS.md.
 */

const repoRoot = resolve(import.meta.dirname, '..')
const systemChromium = chromiumPath()
const fmt = (n: number) => Math.round(n).toLocaleString('en-US')
const READY_TIMEOUT = Number(process.env.UI_LARGE_TIMEOUT ?? 180_000)

function option(name: string): string | undefined {
  const args = process.argv.slice(2)
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

interface ApiCall {
  op: string
  bytes: number
}

interface Row {
  step: string
  ms: number
  heapMb: number
  largest: ApiCall | null
  calls: number
  note: string
}

/** The renderer's used JS heap in MB, or NaN when a busy page does not answer within 10 s. */
async function heapMb(cdp: CDPSession): Promise<number> {
  const usage = cdp.send('Runtime.getHeapUsage') as Promise<{ usedSize: number }>
  const late = new Promise<null>((done) => setTimeout(() => done(null), 10_000).unref())
  const answer = await Promise.race([usage, late])
  return answer ? answer.usedSize / 1e6 : Number.NaN
}

/** Text of a locator once it matches `re` (polling; no fixed sleeps). */
async function waitText(page: Page, selector: string, re: RegExp): Promise<string> {
  const handle = await page.waitForFunction(
    ([sel, src]) => {
      const text = document.querySelector(sel!)?.textContent ?? ''
      return new RegExp(src!).test(text) ? text : false
    },
    [selector, re.source],
    { timeout: READY_TIMEOUT, polling: 50 },
  )
  return (await handle.jsonValue()) as string
}

/** Adds what the page showed to a wait that timed out, so a failing run says where it stopped. */
async function explain<T>(page: Page, what: string, wait: Promise<T>): Promise<T> {
  try {
    return await wait
  } catch (e) {
    const shown = await page.textContent(what).catch(() => null)
    throw new Error(`${(e as Error).message}\n${what} showed: ${JSON.stringify(shown)}`)
  }
}

/** A grid row at `index` that has been loaded (the infinite model shows empty stubs until then). */
const loadedRow = (grid: string, index: number) =>
  `[data-testid="grid-${grid}"] .ag-row[row-index="${index}"] .ag-cell[col-id="id"]`

async function gridRowLoaded(page: Page, grid: string, index = 0): Promise<string> {
  // A stub row's cells show the empty-value dash; a loaded one shows the deal id.
  return waitText(page, loadedRow(grid, index), /\w/)
}

async function gridReady(page: Page, grid: string): Promise<void> {
  await page.waitForSelector(`[data-testid="grid-${grid}"][data-grid-ready="true"]`, {
    timeout: READY_TIMEOUT,
  })
}

function tableRow(r: Row): string {
  const time = Number.isNaN(r.ms) ? `> ${fmt(READY_TIMEOUT)}` : fmt(r.ms)
  const heap = Number.isNaN(r.heapMb) ? 'no answer' : `${r.heapMb.toFixed(1)} MB`
  const largest = r.largest ? `${r.largest.op} ${(r.largest.bytes / 1024).toFixed(1)} KB` : '—'
  return `| ${r.step} | ${time} ms | ${heap} | ${largest} | ${r.calls} | ${r.note} |`
}

async function buildLedger(path: string, n: number, log: (line: string) => void): Promise<void> {
  const book = mixedBook(n)
  const db = openLedger(path)
  const start = performance.now()
  const result = importBook(db, book, 'bench')
  db.close()
  if (result.errors?.length || result.imported !== n)
    throw new Error(`import failed: ${JSON.stringify(result.errors?.slice(0, 3))}`)
  log(
    `ledger: ${fmt(n)} deals (mixedBook) imported in ${fmt(performance.now() - start)} ms, ${(statSync(path).size / 1e6).toFixed(0)} MB`,
  )
}

async function run(log: (line: string) => void): Promise<void> {
  if (!existsSync(systemChromium)) {
    log(`skipped: no Chromium at ${systemChromium} (set CHROMIUM_PATH)`)
    return
  }
  if (!existsSync(join(repoRoot, 'out', 'renderer', 'index.html'))) {
    log('skipped: no built renderer in out/renderer (run `npx electron-vite build`)')
    return
  }
  const deals = Number(option('--deals') ?? 100_000)
  const reuse = option('--ledger')
  const keep = process.argv.includes('--keep')
  const dir = mkdtempSync(join(tmpdir(), 'headroom-ui-large-'))
  const ledgerPath = reuse ? resolve(reuse) : join(dir, 'ledger.sqlite')
  let host: HostProcess | null = null
  let browser: Browser | null = null
  try {
    if (!reuse) await buildLedger(ledgerPath, deals, log)
    else log(`ledger: ${ledgerPath} (reused)`)
    host = await startHostProcess({ ledgerPath, extraArgs: ['--no-sample'] })
    browser = await chromium.launch({
      executablePath: systemChromium,
      args: CHROMIUM_ARGS,
    })
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
    const cdp = await page.context().newCDPSession(page)
    let calls: ApiCall[] = []
    page.on('response', (r) => {
      const m = /\/api\/([\w.]+)/.exec(r.url())
      if (!m) return
      r.body().then(
        (b) => calls.push({ op: m[1]!, bytes: b.length }),
        () => undefined,
      )
    })
    const rows: Row[] = []
    const step = async (name: string, action: () => Promise<string | void>): Promise<void> => {
      calls = []
      const start = performance.now()
      let note: string
      let failed = false
      try {
        note = (await action()) ?? ''
      } catch (e) {
        // A screen that does not get ready is a figure too: note it and go on to the next one.
        failed = true
        note = `NOT READY: ${(e as Error).message.split('\n')[0]}`
      }
      const ms = failed ? Number.NaN : performance.now() - start
      await page.waitForLoadState('networkidle').catch(() => undefined)
      const largest = calls.reduce<ApiCall | null>((a, c) => (!a || c.bytes > a.bytes ? c : a), null)
      const row = { step: name, ms, heapMb: await heapMb(cdp), largest, calls: calls.length, note }
      rows.push(row)
      log(`  ${tableRow(row)}`)
    }
    const nav = (screen: string) => page.click(`nav a[href="#/${screen}"]`)

    await step('Projects: first page', async () => {
      await page.goto(host!.url)
      await gridReady(page, 'projects')
      await gridRowLoaded(page, 'projects')
      return (await waitText(page, '[data-testid="projects-total"]', /\d/)).trim()
    })
    const total = Number(
      ((await page.textContent('[data-testid="projects-total"]')) ?? '0').replace(/\D/g, ''),
    )
    await step('Projects: scroll to the last row', async () => {
      // A CustomEvent with its detail (Playwright's dispatchEvent would send a plain Event).
      await page.evaluate((rowIndex) => {
        document
          .querySelector('[data-testid="grid-projects"]')!
          .dispatchEvent(new CustomEvent('headroom:ensure-visible', { detail: { rowIndex } }))
      }, total - 1)
      return `row ${fmt(total)}: ${await gridRowLoaded(page, 'projects', total - 1)}`
    })
    await step('Projects: quick filter "Consignee 1234"', async () => {
      await page.fill('input[placeholder="Id, name, consignee, site, chip"]', 'Consignee 1234')
      const text = await explain(
        page,
        '[data-testid="projects-total"]',
        waitText(page, '[data-testid="projects-total"]', /^(?!100,000 )\d[\d,]* project/),
      )
      // Rows of the filtered set drawn (the consignee column may be scrolled out of view).
      const shown = Number(text.replace(/\D/g, ''))
      await page.waitForFunction(
        (n) => {
          const rows = Array.from(document.querySelectorAll('[data-testid="grid-projects"] .ag-row'))
          return (
            rows.length > 0 &&
            rows.every((r) => Number(r.getAttribute('row-index')) < n) &&
            rows.some((r) => /\w/.test(r.querySelector('[col-id="id"]')?.textContent ?? ''))
          )
        },
        shown,
        { timeout: READY_TIMEOUT, polling: 50 },
      )
      return `${text.trim()} (includes the 250 ms typing debounce)`
    })
    await step('Jump to project (Ctrl+K) "D099999"', async () => {
      await page.keyboard.press('Control+k')
      await page.fill('dialog.jump-dialog input', `D${String(deals - 1).padStart(6, '0')}`)
      await page.waitForSelector('dialog.jump-dialog [role="option"]', { timeout: READY_TIMEOUT })
      await page.keyboard.press('Enter')
      await page.waitForSelector('dialog.jump-dialog[open]', { state: 'detached', timeout: READY_TIMEOUT })
      return 'until the match is listed (includes the 150 ms debounce); Enter opens it'
    })
    await step('Countries', async () => {
      await nav('countries')
      await gridReady(page, 'countries')
      await page.waitForSelector('[data-testid="grid-countries"] .ag-row[row-index="0"]')
    })
    await step('Headroom', async () => {
      await nav('headroom')
      await gridReady(page, 'headroom-buckets')
      return (await waitText(page, '[data-testid="headroom-summary"]', /buckets/)).trim()
    })
    await step('Chips', async () => {
      await nav('chips')
      await gridReady(page, 'chips')
      await page.waitForSelector('[data-testid="grid-chips"] .ag-row[row-index="0"]')
    })
    await step('Parties', async () => {
      await nav('parties')
      await gridReady(page, 'parties')
      // The generated book names consignees but registers no parties: the count is the marker.
      return (await page.getByText(/^[\d,]+ part(y|ies)$/).textContent({ timeout: READY_TIMEOUT })) ?? ''
    })
    await step('Rule packs', async () => {
      await nav('packs')
      await page.waitForSelector('[data-testid="pack-timeline"]', { timeout: READY_TIMEOUT })
      await gridReady(page, 'packs')
    })
    await step('Scenarios', async () => {
      await nav('scenarios')
      await page.getByLabel('Pack A').waitFor({ timeout: READY_TIMEOUT })
    })
    await step('Scenarios: compare diffusion vs advanced', async () => {
      await page.getByLabel('Pack A').selectOption('us-ai-diffusion-2025')
      await page.getByLabel('Pack B').selectOption('us-advanced-computing-2025-05')
      await page.getByRole('button', { name: 'Compare', exact: true }).click()
      const text = await waitText(page, '[data-testid="compare-summary"]', /deals get a different answer/)
      await gridReady(page, 'compare')
      return text.trim().slice(0, 90)
    })
    await step('Audit', async () => {
      await nav('audit')
      await gridReady(page, 'audit')
      const t = await waitText(page, '[data-testid="audit-total"]', /events/)
      await waitText(page, '[data-testid="audit-chain-status"]', /verified|broken|Chain/i)
      return t.trim()
    })
    await step('Reports: memo, find a deal', async () => {
      // Straight to the memo by its address: the bare Reports screen opens on the portfolio.
      await page.evaluate(() => (location.hash = '#/reports?kind=memo'))
      const picker = page.getByLabel(/^Deal/)
      await picker.waitFor({ timeout: READY_TIMEOUT })
      const id = `D${String(deals - 1).padStart(6, '0')}`
      if ((await picker.evaluate((el) => el.tagName)) === 'SELECT') {
        // A plain <select>: only the deals it was given can be chosen.
        const offered = await picker.locator('option').count()
        return `a <select> of ${fmt(offered - 1)} deals; ${id} ${(await picker.locator(`option[value="${id}"]`).count()) ? 'offered' : 'NOT offered'}`
      }
      await picker.fill(id)
      await page.waitForSelector(`[role="option"]:has-text("${id}")`, { timeout: READY_TIMEOUT })
      await page.click(`[role="option"]:has-text("${id}")`)
      await page.waitForSelector('[data-report-ready="true"]', { timeout: READY_TIMEOUT })
      return `searched, chose ${id}, memo drawn`
    })

    await step('Reports: portfolio preview', async () => {
      await nav('reports')
      await page.waitForSelector('[data-report-ready="true"]', { timeout: READY_TIMEOUT })
    })
    // A page still drawing does not answer: give up after 10 s like heapMb.
    await Promise.race([
      cdp.send('HeapProfiler.collectGarbage'),
      new Promise((done) => setTimeout(done, 10_000).unref()),
    ])
    const afterGc = await heapMb(cdp)
    log('')
    log(`| step | time to ready | JS heap after | largest API response | API calls | note |`)
    log(`| ---- | ------------: | ------------: | -------------------- | --------: | ---- |`)
    for (const r of rows) log(tableRow(r))
    log(`\nJS heap after every screen and a forced GC: ${afterGc.toFixed(1)} MB`)
  } finally {
    await browser?.close()
    await host?.stop()
    if (keep && !reuse) log(`ledger kept at ${ledgerPath}`)
    else rmSync(dir, { recursive: true, force: true })
  }
}

export const uiLargeBench: BenchModule = { name: 'ui-large', run }
