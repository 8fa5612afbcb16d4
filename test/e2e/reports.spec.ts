import { test, expect, type TestInfo } from '@playwright/test'
import { execFile, execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/*
 * `headroom report … --pdf` end to end on the sample portfolio: the CLI opens the ledger, serves the
 * built renderer on loopback, prints the report view in system Chromium, and the PDF's text is read
 * back with pdftotext. Page 1 of each report is rendered to PNG and attached to the test report.
 */

const repoRoot = resolve(import.meta.dirname, '..', '..')
const MARKING = 'CONFIDENTIAL — EXPORT CONTROLLED'
const MEMO_DEAL = 'SMPL-25-001'
const EXTRA_DEALS = 60

let work: string
let ledger: string
let rendererDir: string

test.describe.configure({ mode: 'serial', timeout: 180_000 })

test.beforeAll(() => {
  const built = join(repoRoot, 'out', 'renderer', 'index.html')
  if (!existsSync(built))
    throw new Error('The renderer is not built: run `npm run build` before the e2e tests.')
  work = mkdtempSync(join(tmpdir(), 'headroom-reports-'))
  // A private copy, so another build replacing out/renderer mid-run cannot break a print.
  rendererDir = join(work, 'renderer')
  cpSync(join(repoRoot, 'out', 'renderer'), rendererDir, { recursive: true })
  ledger = join(work, 'ledger.sqlite')
  // The sample portfolio plus enough drafts that the portfolio's deal table runs over several pages.
  const extra = Array.from({ length: EXTRA_DEALS }, (_, i) => ({
    id: `WIDE-${String(i + 1).padStart(3, '0')}`,
    name: `Paging check ${i + 1}`,
    date: '2025-11-03',
    consignee: `Paging Consignee ${i + 1}`,
    consigneeHq: 'PL',
    parentHq: null,
    destination: 'PL',
    authorization: 'LICENSE',
    lines: [{ chip: 'nvidia-h100-sxm', quantity: 10 + i }],
  }))
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `const { openLedger } = await import('./electron/db/ledger.ts')
       const { loadSamplePortfolio } = await import('./electron/sample/load-sample.ts')
       const { importBook } = await import('./electron/db/interchange.ts')
       const db = openLedger(process.argv[1])
       loadSamplePortfolio(db, 'desk')
       const r = importBook(db, JSON.parse(process.argv[2]), 'desk')
       if (r.errors?.length) throw new Error(JSON.stringify(r.errors.slice(0, 3)))
       db.close()`,
      ledger,
      JSON.stringify({ deals: extra }),
    ],
    { cwd: repoRoot, stdio: 'pipe' },
  )
})

test.afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

function headroom(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['bin/headroom.js', '--db', ledger, 'report', ...args],
      { cwd: repoRoot, env: { ...process.env, HEADROOM_RENDERER_DIR: rendererDir }, timeout: 120_000 },
      (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    )
  })
}

/** Text of each page (pdftotext separates pages with form feeds). */
function pagesOf(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
  const pages = text.split('\f')
  if (pages.at(-1)?.trim() === '') pages.pop()
  return pages
}

const flat = (s: string) => s.replace(/\s+/g, ' ')

/** Writes page 1 as PNG, keeps it under test-results/reports and attaches it to the report. */
async function attachFirstPage(pdf: string, name: string, testInfo: TestInfo): Promise<void> {
  const dir = join(repoRoot, 'test-results', 'reports')
  mkdirSync(dir, { recursive: true })
  const stem = join(dir, name)
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, stem])
  await testInfo.attach(`${name} page 1`, { path: `${stem}.png`, contentType: 'image/png' })
  await testInfo.attach(`${name}.pdf`, { body: readFileSync(pdf), contentType: 'application/pdf' })
}

/** What every report must carry: the marking on every page, page 1 of N, and the pack. */
function expectEveryPage(pages: string[], packId: string) {
  expect(pages.length).toBeGreaterThan(0)
  pages.forEach((page, i) => {
    expect(page, `marking on page ${i + 1}`).toContain(MARKING)
    expect(page, `page number on page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`)
    expect(page, `pack on page ${i + 1}`).toContain(`Pack ${packId}`)
    expect(page, `print date on page ${i + 1}`).toMatch(/Printed \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/)
  })
  expect(pages[0]).toContain(`Page 1 of ${pages.length}`)
}

/** One value from the ledger, read in a child process (better-sqlite3, read-only). */
function ledgerValue(sql: string, ...params: string[]): string {
  return execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import Database from 'better-sqlite3'
       const [path, sql, ...params] = process.argv.slice(1)
       const db = new Database(path, { readonly: true })
       process.stdout.write(String(db.prepare(sql).pluck().get(...params)))`,
      ledger,
      sql,
      ...params,
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  )
}

interface StoredDetermination {
  packId: string
  outcome: string
  steps: Array<{ text: string; citation: string }>
}

function storedDetermination(dealId: string): StoredDetermination {
  return JSON.parse(
    ledgerValue('SELECT body FROM determination WHERE project_id = ? ORDER BY id DESC LIMIT 1', dealId),
  ) as StoredDetermination
}

const ledgerOpenTpp = (): number =>
  Number(
    ledgerValue(
      "SELECT coalesce(sum(tpp), 0) FROM project WHERE status NOT IN ('closed', 'rejected', 'cancelled')",
    ),
  )

const OUTCOME_WORDS: Record<string, string> = {
  allowed: 'Allowed',
  allowed_with_notice: 'Allowed after notice',
  license_required: 'Licence required',
  likely_denied: 'Likely denied',
  not_determinable: 'Not determinable',
}

// eslint-disable-next-line no-empty-pattern
test('@host-only determination memo to PDF: deal, pack, outcome, citations, marking and page numbers', async ({}, testInfo) => {
  const pdf = join(work, 'memo.pdf')
  const run = await headroom(['memo', '--deal', MEMO_DEAL, '--pdf', pdf])
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  expect(run.stdout).toContain(`HR-MEMO-${MEMO_DEAL}-v1`)
  const d = storedDetermination(MEMO_DEAL)
  const pages = pagesOf(pdf)
  const text = flat(pages.join('\n'))
  expectEveryPage(pages, d.packId)
  expect(text).toContain(`Deal ${MEMO_DEAL}`)
  expect(text).toContain(`HR-MEMO-${MEMO_DEAL}-v1`)
  expect(text).toContain(`Outcome: ${OUTCOME_WORDS[d.outcome]}`)
  // Every step's citation, by its opening words (long citations wrap inside their table cell).
  for (const step of d.steps) expect(text).toContain(step.citation.split(/\s+/).slice(0, 3).join(' '))
  // Capacity entries name their buckets in words (the ledger's id is printed under each name).
  expect(text).toContain('Country allocation, Malaysia commit 379,968,000')
  expect(text).toContain('Licence D900101 commit 379,968,000')
  // Steps name buckets in words, as the deal panel does; the caps table keeps the ids for tracing.
  expect(d.steps.some((s) => s.text.startsWith('country:MY: '))).toBe(true)
  expect(text).toContain('Country allocation, Malaysia: ')
  expect(text).not.toContain('country:MY: ')
  expect(text).toContain('Ledger fingerprint.')
  expect(text).toMatch(/Audit chain head [0-9a-f]{64}/)
  expect(text).toContain('Prepared by')
  expect(text).toContain('Reviewed by')
  await attachFirstPage(pdf, 'memo', testInfo)
})

test('@host-only memo on US Letter, and a batch of memos into a folder', async () => {
  const letter = join(work, 'memo-letter.pdf')
  expect((await headroom(['memo', '--deal', MEMO_DEAL, '--paper', 'letter', '--pdf', letter])).code).toBe(0)
  const info = execFileSync('pdfinfo', [letter], { encoding: 'utf8' })
  expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/)

  const folder = join(work, 'batch')
  const run = await headroom(['memo', '--deal', 'SMPL-25-001', '--deal', 'SMPL-25-002', '--pdf', folder])
  expect(run.code).toBe(0)
  expect(existsSync(join(folder, 'HR-MEMO-SMPL-25-001-v1.pdf'))).toBe(true)
  expect(existsSync(join(folder, 'HR-MEMO-SMPL-25-002-v1.pdf'))).toBe(true)
})

// eslint-disable-next-line no-empty-pattern
test('@host-only country headroom statement to PDF', async ({}, testInfo) => {
  const pdf = join(work, 'country.pdf')
  const run = await headroom([
    'country',
    '--country',
    'MY',
    '--pack',
    'us-ai-diffusion-2025',
    '--as-of',
    '2025-12-31',
    '--pdf',
    pdf,
  ])
  expect(run.code).toBe(0)
  const pages = pagesOf(pdf)
  const text = flat(pages.join('\n'))
  expectEveryPage(pages, 'us-ai-diffusion-2025')
  expect(text).toContain('Country headroom statement')
  expect(text).toContain('Malaysia (MY)')
  expect(text).toMatch(/Allocation 790,000,000/)
  expect(text).toMatch(
    /Committed [\d,]+ committed against the allocation by licensed, shipped or closed deals/,
  )
  expect(text).toMatch(/Remaining [\d,]+/)
  // The use-over-time chart ends at the table's committed figure (its last deal's step has a width).
  expect(text).toMatch(/Committed 703,968,000 /)
  expect(text).toContain('704M')
  expect(text).toContain(MEMO_DEAL)
  await attachFirstPage(pdf, 'country', testInfo)
})

// eslint-disable-next-line no-empty-pattern
test("@host-only portfolio report to PDF: total TPP equals the ledger's, long table repeats its header", async ({}, testInfo) => {
  const pdf = join(work, 'portfolio.pdf')
  const run = await headroom(['portfolio', '--as-of', '2025-12-31', '--pdf', pdf])
  expect(run.code).toBe(0)
  const pages = pagesOf(pdf)
  expectEveryPage(pages, 'us-advanced-computing-2025-05')
  expect(pdfPageSize(pdf)).toMatch(/841\.\d+ x 59[45]\.\d+ pts \(A4\)/)
  const text = flat(pages.join('\n'))
  const total = new Intl.NumberFormat('en-US').format(ledgerOpenTpp())
  expect(text).toContain(`Total TPP: ${total}`)

  // The open-deals table: its header row on every page it runs over, and no row cut between pages.
  const header = /Deal\s+Name\s+Consignee\s+Dest\.\s+Tier\s+Status/
  const tablePages = pages.map((p, i) => ({ p, i })).filter(({ p }) => /WIDE-\d{3}/.test(p))
  expect(tablePages.length).toBeGreaterThan(1)
  for (const { p, i } of tablePages) expect(p, `header row on page ${i + 1}`).toMatch(header)
  for (let n = 1; n <= EXTRA_DEALS; n++) {
    const id = `WIDE-${String(n).padStart(3, '0')}`
    const holding = pages.filter((p) => p.includes(id))
    expect(holding, id).toHaveLength(1)
    // The row's last cells (its TPP) are on the same page as its id.
    const tpp = new Intl.NumberFormat('en-US').format((9 + n) * 15_832)
    expect(flat(holding[0]!), `${id} whole on one page`).toContain(tpp)
  }
  await attachFirstPage(pdf, 'portfolio', testInfo)
})

/** Prints a report to `<name>.pdf` and gives its text on one line. */
async function printedText(name: string, args: string[]): Promise<string> {
  const pdf = join(work, `${name}.pdf`)
  expect((await headroom([...args, '--pdf', pdf])).code).toBe(0)
  return flat(pagesOf(pdf).join('\n'))
}

test('@host-only reports under a pack that sets no caps: no cap alert, no alert band; an import is not a review', async () => {
  const pack = 'us-advanced-computing-2026'
  const under = ['--pack', pack, '--as-of', '2026-11-26']
  // The sample's Malaysian allocation (89% used) was recorded under the diffusion framework.
  const portfolio = await printedText('portfolio-2026', ['portfolio', ...under])
  expect(portfolio).toContain(`Threshold alerts on the caps of ${pack}: 0.`)
  expect(portfolio).toContain(`Caps checked: those of rule pack ${pack}`)
  expect(portfolio).not.toContain('Country allocation, Malaysia')

  const country = await printedText('country-2026', ['country', '--country', 'MY', ...under])
  expect(country).toContain('The pack sets no country allocation for Malaysia')
  expect(country).toMatch(/Remaining – no cap under this pack/)
  expect(country).not.toContain('below 80%')
  // Without a cap the committed figure counts shipments under any authorization: not called licensed.
  expect(country).toMatch(
    /Committed [\d,]+ TPP of deals licensed, shipped or closed, under any authorization/,
  )
  // A TPP figure labelled Licensed (a deal's status "Licensed" before its planned date is no figure).
  expect(country).not.toMatch(/Licensed \d{1,3}(,\d{3})+/)

  // Returned in the imported book, reviewer m.lindqvist; 'desk' only imported it.
  const memo = await printedText('memo-returned', ['memo', '--deal', 'SMPL-26-034'])
  expect(memo).toContain('m.lindqvist')
  expect(memo).toContain('no review decision by a reviewer is recorded in this ledger')
  // The two sign-off columns interleave in the PDF's text, so the import's note is read in pieces.
  expect(memo).toMatch(/Imported by desk on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC from import batch 1,/)
  expect(memo).toContain('row 34, with status Returned.')
  expect(memo).toContain('desk (import) imported from batch 1, row 34')
  expect(memo).not.toMatch(/desk — returned/i)
})

// eslint-disable-next-line no-empty-pattern
test('@host-only audit extract to PDF: a deal, a date range, and the chain verification', async ({}, testInfo) => {
  const pdf = join(work, 'audit.pdf')
  const run = await headroom(['audit', '--deal', MEMO_DEAL, '--pdf', pdf])
  expect(run.code).toBe(0)
  const pages = pagesOf(pdf)
  const text = flat(pages.join('\n'))
  for (const [i, page] of pages.entries()) {
    expect(page).toContain(MARKING)
    expect(page).toContain(`Page ${i + 1} of ${pages.length}`)
  }
  expect(text).toContain(`Events for deal ${MEMO_DEAL}`)
  expect(text).toMatch(/Verified: the hash chain of all \d+ events is intact/)
  // The deal came in with the sample portfolio: its extract starts with that import's event, which
  // names the batch keeping the book as given.
  expect(text).toContain('ledger.import')

  const ranged = join(work, 'audit-range.pdf')
  const today = new Date().toISOString().slice(0, 10)
  expect((await headroom(['audit', '--from', '2020-01-01', '--to', today, '--pdf', ranged])).code).toBe(0)
  const rangedText = flat(pagesOf(ranged).join('\n'))
  expect(rangedText).toContain(`Events for all entities, from 2020-01-01, to ${today}`)
  expect(rangedText).toContain('ledger.import')
  await attachFirstPage(pdf, 'audit', testInfo)
})

test('@host-only bad usage exits 2, an unknown deal exits 2, a missing Chromium exits 1 naming CHROMIUM_PATH', async () => {
  expect((await headroom(['memo', '--pdf', join(work, 'x.pdf')])).code).toBe(2)
  expect((await headroom(['country', '--pdf', join(work, 'x.pdf')])).code).toBe(2)
  expect((await headroom(['portfolio', '--deal', 'X', '--pdf', join(work, 'x.pdf')])).code).toBe(2)
  const unknown = await headroom(['memo', '--deal', 'NO-SUCH-DEAL', '--pdf', join(work, 'x.pdf')])
  expect(unknown.code).toBe(2)
  expect(unknown.stderr).toContain('NO-SUCH-DEAL')
  const noChromium = await new Promise<{ code: number; stderr: string }>((done) =>
    execFile(
      process.execPath,
      ['bin/headroom.js', '--db', ledger, 'report', 'portfolio', '--pdf', join(work, 'x.pdf')],
      {
        cwd: repoRoot,
        env: { ...process.env, HEADROOM_RENDERER_DIR: rendererDir, CHROMIUM_PATH: '/nonexistent/chromium' },
      },
      (error, _stdout, stderr) => done({ code: error ? Number(error.code) : 0, stderr }),
    ),
  )
  expect(noChromium.code).toBe(1)
  expect(noChromium.stderr).toContain('set CHROMIUM_PATH')
})

function pdfPageSize(pdf: string): string {
  return /Page size:\s+(.*)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? ''
}
