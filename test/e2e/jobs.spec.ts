import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { expect, recordButtonStates, test } from './fixtures'
import { ProjectsPage } from './pages/ProjectsPage'

const DEALS = 20_000

// 80 progress steps of 100 ms: every import or re-evaluation runs for at least 8 s, so the test's
// reloads and cancels meet a job that is still running however fast the machine is.
test.use({ hostArgs: ['--job-pace-ms', '100'] })

/**
 * `generateBook` from bench/rules.ts, run under tsx: the rule packs it loads are JSON modules that
 * Playwright's own loader will not import without an import attribute.
 */
function generatedBook(deals: number): Buffer {
  return execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `const { generateBook } = await import('./bench/rules.ts'); process.stdout.write(JSON.stringify(generateBook(${deals})))`,
    ],
    { cwd: resolve(import.meta.dirname, '..', '..'), maxBuffer: 512 * 1024 * 1024 },
  )
}

/**
 * Long work as a background job: a 20,000-deal import shows a determinate progress bar and can be
 * cancelled without writing anything; imported again, it completes; re-evaluating the book under
 * another pack reports what changed. Counts are read from the screen's own total, never from rows.
 */
test('a large import shows progress and cancels cleanly, then completes; the book re-evaluates under another pack', async ({
  app,
}, testInfo) => {
  test.setTimeout(300_000)
  const projects = new ProjectsPage(app)
  await projects.open()
  const totalBefore = await projects.total.textContent()
  const book = {
    name: 'large-book.json',
    mimeType: 'application/json',
    buffer: generatedBook(DEALS),
  }
  const fileInput = app.getByLabel('Deal book file')
  const importing = app.getByRole('dialog', { name: 'Importing large-book.json' })
  const outcome = app.getByRole('status').filter({ hasText: /import/i })

  // Started, then cancelled while it writes.
  await fileInput.setInputFiles(book)
  await expect(importing).toBeVisible()
  await expect(importing).toContainText(/Writing [\d,]+ of 20,000 deals/, { timeout: 60_000 })
  const bar = importing.getByRole('progressbar', { name: 'Importing large-book.json' })
  await expect(bar).toHaveAttribute('max', String(DEALS))
  await testInfo.attach('import in progress', { body: await app.screenshot(), contentType: 'image/png' })
  const buttonStates = await recordButtonStates(importing)
  await importing.getByRole('button', { name: 'Cancel' }).click()
  await expect(importing).toBeHidden({ timeout: 30_000 })
  // The rollback may end before the next poll: the record shows the button said so and took no click.
  expect(await buttonStates()).toContainEqual({ text: 'Cancelling…', disabled: true })
  await expect(outcome).toHaveText(/Import cancelled; nothing was written\./)
  await app.getByRole('button', { name: 'Dismiss' }).click()
  await app.reload()
  await projects.open()
  await expect(projects.total).toHaveText(totalBefore!)

  // Started, then the window is reloaded: it finds the running job again and can still cancel it.
  await fileInput.setInputFiles(book)
  await expect(importing).toContainText(/Writing [\d,]+ of 20,000 deals/, { timeout: 60_000 })
  await app.reload()
  const found = app.getByRole('dialog', { name: 'An import is running' })
  await expect(found).toContainText(/Writing [\d,]+ of 20,000 deals/, { timeout: 30_000 })
  await testInfo.attach('running import found after a reload', {
    body: await app.screenshot(),
    contentType: 'image/png',
  })
  await found.getByRole('button', { name: 'Cancel' }).click()
  await expect(found).toBeHidden({ timeout: 30_000 })
  await expect(app.getByRole('status').filter({ hasText: 'background job' })).toHaveText(
    /The background job was cancelled; nothing was written\./,
  )
  await app.getByRole('button', { name: 'Dismiss' }).click()
  await projects.open()
  await expect(projects.total).toHaveText(totalBefore!)

  // The same book again, left to finish.
  await fileInput.setInputFiles(book)
  await expect(importing).toBeVisible()
  await expect(outcome).toHaveText(/Imported 20,000 deals/, { timeout: 120_000 })
  const before = Number(totalBefore!.replace(/\D/g, ''))
  await expect(projects.total).toHaveText(`${(before + DEALS).toLocaleString('en-US')} projects`)
  await app.getByRole('button', { name: 'Dismiss' }).click()

  // Re-evaluated under a pinned pack other than the timeline's; Escape cancels the first run.
  await projects.header.pinPack('us-ai-diffusion-2025')
  const reevaluate = app.getByRole('button', { name: 'Re-evaluate book…' })
  const confirm = app.getByRole('dialog', { name: 'Re-evaluate the book' })
  const running = app.getByRole('dialog', { name: 'Re-evaluating the book' })
  const summary = app.getByRole('status').filter({ hasText: /Re-evaluat/ })

  await reevaluate.click()
  await expect(confirm.getByTestId('reevaluate-pack')).toHaveText('us-ai-diffusion-2025')
  await confirm.getByRole('button', { name: 'Re-evaluate' }).click()
  await expect(running).toContainText(/Re-evaluating [\d,]+ of [\d,]+ deals/, { timeout: 60_000 })
  // A browser that closes the dialog anyway (one without `closedby`) does not hide the running work.
  await running.evaluate((dialog: HTMLDialogElement) => dialog.close())
  await expect(running).toBeVisible()
  await expect(running).toContainText(/Re-evaluating [\d,]+ of [\d,]+ deals/)
  await app.keyboard.press('Escape')
  await expect(running).toBeHidden({ timeout: 30_000 })
  await expect(summary).toHaveText(/Re-evaluation cancelled; nothing was written\./)

  await reevaluate.click()
  await confirm.getByRole('button', { name: 'Re-evaluate' }).click()
  await expect(running).toBeVisible()
  await expect(summary).toHaveText(
    /Re-evaluated [\d,]+ deals not yet shipped under us-ai-diffusion-2025: [\d,]+ outcomes changed/,
    { timeout: 120_000 },
  )
  await expect(summary.getByRole('list', { name: 'Open deals by outcome' })).toContainText('Licence required')
  await testInfo.attach('re-evaluation summary', { body: await app.screenshot(), contentType: 'image/png' })
})
