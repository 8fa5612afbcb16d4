/**
 * The README's screenshots, taken from the real app: the browser host with the sample portfolio in a
 * fresh ledger, in Debian's Chromium at 1600 × 960. Run after `npm run build`:
 *
 *   node --import tsx scripts/readme-screenshots.ts
 *
 * writes docs/images/projects.png, countries.png and headroom.png.
 */
import { chromium } from '@playwright/test'
import { join, resolve } from 'node:path'
import { CHROMIUM_ARGS, chromiumPath } from '../electron/reports/chromium'
import { startHostProcess } from '../test/e2e/host-process'

const images = resolve(import.meta.dirname, '..', 'docs', 'images')
const host = await startHostProcess()
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 960 } })
  await page.goto(host.url)
  const ready = (grid: string) =>
    page.getByTestId(`grid-${grid}`).and(page.locator('[data-grid-ready="true"]')).waitFor()

  // A licensed deal open in the editor, with its live determination.
  await page.getByRole('link', { name: 'Projects' }).click()
  await ready('projects')
  await page.getByLabel('Quick filter').fill('SMPL-25-006')
  await page.getByRole('gridcell', { name: 'SMPL-25-006' }).click()
  await page.getByTestId('determination').waitFor()
  await page.getByLabel('Quick filter').fill('')
  await page
    .getByTestId('projects-total')
    .getByText(/^\d{2,} projects$/)
    .waitFor()
  await page.getByRole('gridcell', { name: 'SMPL-25-016' }).waitFor()
  await page.screenshot({ path: join(images, 'projects.png') })

  await page.getByRole('link', { name: 'Countries' }).click()
  await ready('countries')
  await page.getByTestId('world-map').and(page.locator('[data-map-ready="true"]')).waitFor()
  await page.screenshot({ path: join(images, 'countries.png') })

  await page.getByRole('link', { name: 'Headroom' }).click()
  await ready('headroom-buckets')
  // Charts animate in; a still frame after they settle.
  await page.waitForTimeout(1_500)
  await page.screenshot({ path: join(images, 'headroom.png') })
} finally {
  await browser.close()
  await host.stop()
}
