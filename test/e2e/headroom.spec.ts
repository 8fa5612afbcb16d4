import { agTestIdFor } from 'ag-grid-community'
import { expect, gridReady, test } from './fixtures'

// Each test starts its own host, which loads the sample portfolio into a fresh ledger; under two
// workers that start-up and the teardown can take most of the default minute.
test.describe.configure({ timeout: 120_000 })

test('the headroom board shows the buckets and draws its charts', async ({ app }, testInfo) => {
  await app.getByRole('link', { name: 'Headroom' }).click()
  await expect(app.getByRole('heading', { name: 'Headroom', level: 1 })).toBeVisible()
  await gridReady(app, 'headroom-buckets')
  // The summary line comes from the ledger's bucket list, not from counting DOM rows.
  await expect(app.getByTestId('headroom-summary')).toHaveText(/^\d+ buckets · \d+ at 80% or more/)
  // The sample portfolio draws Malaysia's allocation to 89.1%: the most used country comes first.
  await expect(app.getByTestId(agTestIdFor.cell('country:MY', 'pctUsed'))).toContainText('89.1%')

  for (const [id, title] of [
    ['country-usage', 'Country allocations: use by country'],
    ['country-history', 'allocation over time'],
    ['lpp', 'Consignee LPP use by calendar year'],
    ['nveu', 'NVEU country-quarter caps against installed base'],
    ['uveu', 'UVEU distribution'],
  ] as const) {
    const chart = app.getByTestId(`chart-${id}`)
    await expect(chart.locator('figcaption')).toContainText(title)
    // AG Charts draws on a canvas; its presence (and size) says the chart rendered.
    await expect(chart.locator('canvas').first()).toBeVisible()
  }
  await expect(app.getByTestId('chart-country-history')).toContainText('Malaysia')
  await expect(app.getByTestId('chart-uveu')).toContainText(/tier 1 \d+\.\d%/)
  await testInfo.attach('headroom', {
    body: await app.screenshot({ fullPage: true }),
    contentType: 'image/png',
  })
})
