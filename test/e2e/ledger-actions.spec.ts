import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { expect, gridReady, test } from './fixtures'

// The sample portfolio the host loads on a first start (electron/sample/portfolio.json).
const SAMPLE = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'electron', 'sample', 'portfolio.json'), 'utf8'),
) as { deals: Array<{ id: string; lines: unknown[] }> }
const SAMPLE_DEALS = SAMPLE.deals.length
const SAMPLE_LINES = SAMPLE.deals.reduce((n, d) => n + d.lines.length, 0)

test('the Ledger screen backs up, removes the sample, restores, and refuses a damaged backup', async ({
  app,
}, testInfo) => {
  // A first start: the sample portfolio is loaded and said so above the deals.
  await gridReady(app, 'projects')
  await expect(app.getByTestId('projects-total')).toHaveText(`${SAMPLE_DEALS} projects`)
  const banner = app.getByTestId('sample-banner')
  await expect(banner).toContainText(`Sample portfolio loaded — ${SAMPLE_DEALS} fictitious deals`)

  // Back up into the folder beside the ledger; the backup is listed.
  await app.getByRole('link', { name: 'Ledger', exact: true }).click()
  await expect(app.getByRole('heading', { name: 'Ledger', exact: true })).toBeVisible()
  await expect(app.getByTestId('ledger-fingerprint')).toHaveText(/^[0-9a-f]{64}$/)
  await expect(app.getByTestId('ledger-sample')).toContainText(`${SAMPLE_DEALS} fictitious deals`)
  await app.getByRole('button', { name: 'Back up now' }).click()
  const outcome = app.getByTestId('ledger-outcome')
  await expect(outcome).toContainText('Backed up to ')
  const backupPath = /Backed up to (.+\.sqlite) \(/.exec((await outcome.textContent()) ?? '')![1]!
  const backups = app.getByRole('table', { name: 'Backups' })
  await expect(backups.getByRole('row')).toHaveCount(2) // header + the backup
  const backupName = backupPath.split(/[\\/]/).at(-1)!
  await expect(backups).toContainText(backupName)

  // Remove the sample data, from the banner's link, after a confirmation that says what goes.
  await app.getByRole('link', { name: 'Projects', exact: true }).click()
  await banner.getByRole('link', { name: 'Remove sample data…' }).click()
  const removeDialog = app.getByRole('dialog', { name: 'Remove the sample data?' })
  await expect(removeDialog).toContainText(`${SAMPLE_DEALS} sample deals`)
  await expect(removeDialog).toContainText('the removal is recorded as one more')
  await testInfo.attach('remove-sample', { body: await app.screenshot(), contentType: 'image/png' })
  await removeDialog.getByRole('button', { name: 'Remove sample data' }).click()
  await expect(outcome).toContainText(`Sample data removed: ${SAMPLE_DEALS} deals`)
  await expect(app.getByTestId('ledger-sample')).toHaveText('No sample data in this ledger.')

  await app.getByRole('link', { name: 'Projects', exact: true }).click()
  await gridReady(app, 'projects')
  await expect(app.getByTestId('projects-total')).toHaveText('0 projects')
  await expect(app.getByTestId('grid-projects').getByText(/^SMPL-/)).toHaveCount(0)
  await expect(banner).toHaveCount(0)

  await app.getByRole('link', { name: 'Audit' }).click()
  await gridReady(app, 'audit')
  await expect(
    app.getByTestId('grid-audit').getByRole('gridcell', { name: 'ledger.removeSample' }),
  ).toHaveCount(1)

  // A truncated copy of the backup is refused in words, and nothing changes.
  const bytes = readFileSync(backupPath)
  const damaged = join(backupPath, '..', 'damaged.sqlite')
  writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)))
  await app.getByRole('link', { name: 'Ledger', exact: true }).click()
  const fingerprint = await app.getByTestId('ledger-fingerprint').textContent()
  await backups.getByRole('button', { name: 'Restore from damaged.sqlite…' }).click()
  const restoreDialog = app.getByRole('dialog', { name: 'Restore the ledger from a backup?' })
  await expect(restoreDialog).toContainText('ledger.sqlite.before-restore-')
  await restoreDialog.getByRole('button', { name: 'Restore', exact: true }).click()
  await expect(app.getByRole('alert')).toContainText('Restore refused:')
  await expect(app.getByRole('alert')).toContainText('The current ledger was not touched.')
  await expect(app.getByTestId('ledger-fingerprint')).toHaveText(fingerprint!)
  await expect(app.getByTestId('ledger-sample')).toHaveText('No sample data in this ledger.')

  // The good backup brings the sample back, on every screen.
  await backups.getByRole('button', { name: `Restore from ${backupName}…` }).click()
  await restoreDialog.getByRole('button', { name: 'Restore', exact: true }).click()
  await expect(outcome).toContainText(`Restored from ${backupPath}. The ledger it replaced is kept as `)
  await expect(outcome).toContainText('.before-restore-')
  await expect(app.getByTestId('ledger-sample')).toContainText(`${SAMPLE_DEALS} fictitious deals`)
  await expect(app.getByTestId('ledger-fingerprint')).not.toHaveText(fingerprint!)

  await app.getByRole('link', { name: 'Projects', exact: true }).click()
  await gridReady(app, 'projects')
  await expect(app.getByTestId('projects-total')).toHaveText(`${SAMPLE_DEALS} projects`)
  await expect(
    app
      .getByTestId('grid-projects')
      .getByText(/^SMPL-/)
      .first(),
  ).toBeVisible()
  await expect(banner).toBeVisible()
})

test('the deal book downloads as interchange JSON', async ({ app }) => {
  await app.getByRole('link', { name: 'Ledger', exact: true }).click()
  const download = app.waitForEvent('download')
  await app.getByRole('button', { name: 'Export deal book…' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^headroom-deal-book-\d{4}-\d{2}-\d{2}\.json$/)
  const book = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { deals: unknown[] }
  expect(book.deals).toHaveLength(SAMPLE_DEALS)
  await expect(app.getByTestId('ledger-outcome')).toContainText(`Exported ${SAMPLE_DEALS} deals`)
})

test('the deal book downloads as interchange CSV, one row per deal line, when CSV is chosen', async ({
  app,
}) => {
  await app.getByRole('link', { name: 'Ledger', exact: true }).click()
  const formats = app.getByRole('radiogroup', { name: 'Deal book format' })
  await expect(formats.getByRole('radio', { name: 'JSON' })).toBeChecked()
  await formats.getByText('CSV', { exact: true }).click()
  await expect(formats.getByRole('radio', { name: 'CSV' })).toBeChecked()
  const download = app.waitForEvent('download')
  await app.getByRole('button', { name: 'Export deal book…' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^headroom-deal-book-\d{4}-\d{2}-\d{2}\.csv$/)
  const text = readFileSync((await file.path())!, 'utf8')
  const { data } = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  })
  expect(data).toHaveLength(SAMPLE_LINES)
  expect(new Set(data.map((r) => r.id))).toEqual(new Set(SAMPLE.deals.map((d) => d.id)))
  // Deals and lines only: no ledger status column, and the window says what the CSV leaves out.
  expect(Object.keys(data[0]!)).not.toContain('status')
  const outcome = app.getByTestId('ledger-outcome')
  await expect(outcome).toContainText(`Exported ${SAMPLE_DEALS} deals (${SAMPLE_LINES} lines)`)
  await expect(outcome).toContainText('it leaves out their statuses')
  await expect(outcome).toContainText('The JSON export carries them.')
})
