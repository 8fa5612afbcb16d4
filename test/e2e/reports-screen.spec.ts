import { expect, test } from './fixtures'

test('the marking banner is set per ledger and every report prints it', async ({ app }, testInfo) => {
  await app.getByRole('link', { name: 'Reports' }).click()
  await expect(app.locator('[data-report-ready="true"]')).toBeVisible()
  await expect(app.locator('.report-banner').first()).toHaveText('CONFIDENTIAL — EXPORT CONTROLLED')
  await app.getByLabel('Marking banner').fill('SECRET // EXPORT CONTROLLED — DESK COPY')
  await app.getByRole('button', { name: 'Save marking' }).click()
  await expect(app.getByRole('status').filter({ hasText: 'Marking saved' })).toBeVisible()
  await expect(app.locator('[data-report-ready="true"] .report-banner').first()).toHaveText(
    'SECRET // EXPORT CONTROLLED — DESK COPY',
  )
  await testInfo.attach('reports screen', {
    body: await app.screenshot({ fullPage: true }),
    contentType: 'image/png',
  })
})
