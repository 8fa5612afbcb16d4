import { expect, gridReady, test } from './fixtures'
import { columnShown } from './pages/gridLayout'

test('make a what-if scenario and compare the sample book under it', async ({ app }, testInfo) => {
  await app.getByRole('link', { name: 'Scenarios' }).click()
  await expect(app.getByRole('heading', { name: 'Scenarios and comparison' })).toBeVisible()

  // A scenario halving the LPP allowance under the diffusion framework.
  await app.getByLabel('Based on').selectOption('us-ai-diffusion-2025')
  await app.getByLabel('Title').fill('LPP halved')
  await app.getByLabel('Edit 1 kind').selectOption('lpp_limit')
  await app.getByLabel('Edit 1 TPP').fill('13,450,000')
  await app.getByRole('button', { name: 'Create scenario' }).click()
  await gridReady(app, 'scenarios')
  await expect(app.getByTestId('grid-scenarios').getByText('scn-lpp-halved')).toBeVisible()
  // At 1440 × 900 the list shows id, title, edits and base whole (title and edits wrap), not "LPP h…".
  for (const col of ['id', 'title', 'edits', 'basedOn']) {
    expect(await columnShown(app.getByTestId('grid-scenarios'), col), col).toEqual({ inView: true, cut: [] })
  }

  // A bad edit is refused with the field named, and nothing is stored.
  await app.getByLabel('Title').fill('Tierless')
  await app.getByLabel('Based on').selectOption('us-advanced-computing-2026')
  await app.getByLabel('Edit 1 kind').selectOption('move_tier')
  await app.getByLabel('Edit 1 country').fill('IN')
  await app.getByRole('button', { name: 'Create scenario' }).click()
  await expect(app.getByRole('alert')).toContainText('edits.0.tier')

  // The whole book under the framework as written versus the enforced regime.
  await app.getByLabel('Pack A').selectOption('us-ai-diffusion-2025')
  await app.getByLabel('Pack B').selectOption('us-advanced-computing-2025-05')
  await app.getByRole('button', { name: 'Compare' }).click()
  const summary = app.getByTestId('compare-summary')
  await expect(summary).toContainText(
    /\d+ of \d+ deals get a different answer under us-advanced-computing-2025-05/,
  )
  const [, changed] = /(\d+) of/.exec((await summary.textContent()) ?? '') ?? []
  expect(Number(changed)).toBeGreaterThan(0)
  await gridReady(app, 'compare')
  await testInfo.attach('scenarios', {
    body: await app.screenshot({ fullPage: true }),
    contentType: 'image/png',
  })

  // The scenario is offered as a pack everywhere, e.g. in the comparison.
  await app.getByLabel('Pack B').selectOption('scn-lpp-halved')
  await app.getByRole('button', { name: 'Compare' }).click()
  await expect(summary).toContainText('under scn-lpp-halved than under us-ai-diffusion-2025')
})
