import { agTestIdFor } from 'ag-grid-community'
import type { Page } from '@playwright/test'
import { expect, gridReady, holdOperation, test } from './fixtures'

// Each test starts its own host, which loads the sample portfolio into a fresh ledger; under two
// workers that start-up and the teardown can take most of the default minute.
test.describe.configure({ timeout: 120_000 })

async function openCountries(app: Page, packId: string) {
  await app.getByRole('link', { name: 'Countries' }).click()
  await app.getByLabel('Rule pack').selectOption(packId)
  await gridReady(app, 'countries')
}

const cell = (app: Page, iso2: string, colId: string) => app.getByTestId(agTestIdFor.cell(iso2, colId))

test('the diffusion pack shows groups, tier and the country allocation', async ({ app }, testInfo) => {
  await openCountries(app, 'us-ai-diffusion-2025')
  await expect(app.getByTestId('countries-pack')).toContainText(/diffusion/i)
  // Pinned, the figures still depend on the date (tier, groups, allocation): the line says which.
  await expect(app.getByTestId('countries-pack')).toContainText(/\(pinned\), on \d{4}-\d{2}-\d{2}$/)
  const grid = app.getByTestId('grid-countries')
  for (const header of ['EAR groups', 'Tier', 'Allocation (TPP)', 'Remaining (TPP)', '% used'])
    await expect(grid.getByRole('columnheader', { name: header })).toBeVisible()
  // Bring India into view through the search box (the grid virtualises rows; nothing counts DOM rows).
  await app.getByLabel('Find countries').fill('India')
  await expect(cell(app, 'IN', 'tier')).toHaveText('2')
  await expect(cell(app, 'IN', 'allocation')).toHaveText('790,000,000')
  await expect(cell(app, 'IN', 'pctUsed')).toContainText('%')
  await app.getByLabel('Find countries').fill('China')
  await expect(cell(app, 'CN', 'groups')).toContainText('D:5')
  await expect(cell(app, 'CN', 'tier')).toHaveText('3')
  await testInfo.attach('countries-diffusion', {
    body: await app.screenshot({ fullPage: true }),
    contentType: 'image/png',
  })
})

test('a click on Malaysia on the map filters the grid to Malaysia', async ({ app }, testInfo) => {
  await openCountries(app, 'us-ai-diffusion-2025')
  const map = app.getByTestId('world-map')
  await expect(map).toHaveAttribute('data-map-ready', 'true')
  await expect(cell(app, 'AF', 'name')).toHaveText('Afghanistan')
  // The first path of a country is its largest polygon (peninsular Malaysia), so the click lands on land.
  await app.getByTestId('map-country-MY').locator('path').first().click()
  await expect(app.getByTestId('country-filter-chip')).toHaveText(/Filtered to Malaysia/)
  await expect(app.getByTestId('countries-shown')).toHaveText(/^1 of \d{3} shown$/)
  await expect(cell(app, 'MY', 'name')).toHaveText('Malaysia')
  await expect(cell(app, 'AF', 'name')).toHaveCount(0)
  await expect(app.getByTestId('map-country-MY')).toHaveAttribute('aria-pressed', 'true')
  await expect(app.getByTestId('country-card')).toContainText('Malaysia')
  await testInfo.attach('countries-malaysia', {
    body: await app.screenshot({ fullPage: true }),
    contentType: 'image/png',
  })

  await app.getByRole('button', { name: 'Clear the Malaysia filter' }).click()
  await expect(app.getByTestId('country-filter-chip')).toHaveCount(0)
  await expect(cell(app, 'AF', 'name')).toHaveText('Afghanistan')
})

test('under the enforced advanced-computing pack the tier column disappears', async ({ app }, testInfo) => {
  await openCountries(app, 'us-ai-diffusion-2025')
  const grid = app.getByTestId('grid-countries')
  await expect(grid.getByRole('columnheader', { name: 'Tier' })).toBeVisible()
  await app.getByLabel('Rule pack').selectOption('us-advanced-computing-2025-05')
  await expect(app.getByTestId('countries-pack')).toContainText(/advanced/i)
  await expect(grid.getByRole('columnheader', { name: 'Tier' })).toHaveCount(0)
  await expect(grid.getByRole('columnheader', { name: 'EAR groups' })).toBeVisible()
  // No allocations under this pack: the card promises only what it will show.
  await expect(app.getByRole('complementary', { name: 'Country detail' })).toHaveText(
    'Click a country on the map or a row in the grid to see its EAR groups under this pack.',
  )
  await app.getByLabel('Find countries').fill('Malaysia')
  await cell(app, 'MY', 'name').click()
  await expect(app.getByTestId('country-card')).toContainText('EAR groupsNone of the groups this pack lists')
  await expect(app.getByTestId('country-card')).not.toContainText('Allocation')
  await app.getByLabel('Find countries').fill('China')
  await expect(cell(app, 'CN', 'groups')).toContainText('D:5')
  await testInfo.attach('countries-enforced', {
    body: await app.screenshot({ fullPage: true }),
    contentType: 'image/png',
  })
})

test('@host-only while another pack is resolved, the screen names no pack rather than the previous one', async ({
  app,
}) => {
  await openCountries(app, 'us-ai-diffusion-2025')
  const line = app.getByTestId('countries-pack')
  await expect(line).toContainText(/diffusion/i)
  const release = await holdOperation(app, 'packs.resolve')
  await app.getByLabel('Rule pack').selectOption('us-advanced-computing-2025-05')
  // The line went on saying "under" the framework as written until the new pack was resolved.
  await expect(line).toHaveCount(0)
  release()
  await expect(line).toContainText(/advanced/i)
})

test('on a date no pack governs, the header and the grid say so instead of naming a pack or spinning', async ({
  app,
}, testInfo) => {
  await app.getByRole('link', { name: 'Countries' }).click()
  await gridReady(app, 'countries')
  await expect(app.getByTestId('pack-in-force')).toContainText('Auto')
  // Before the timeline's first period (2024-05-30).
  await app.getByLabel('As of').fill('2024-01-01')
  const inForce = app.getByTestId('pack-in-force')
  await expect(inForce).toHaveText('No rule pack governs 2024-01-01; pin a pack to analyse that date')
  await expect(inForce).not.toContainText('us-')
  await expect(app.getByLabel('Rule pack').locator('option:checked')).toHaveText('Auto (timeline) → no pack')
  const grid = app.getByTestId('grid-countries')
  await expect(grid).toContainText('No rule pack governs 2024-01-01; pin a pack to analyse that date')
  await expect(grid).not.toContainText('Loading')
  await testInfo.attach('countries-no-pack', {
    body: await app.screenshot({ fullPage: true }),
    contentType: 'image/png',
  })
  // The Chips grid, which classifies under the pack, says so too.
  await app.getByRole('link', { name: 'Chips' }).click()
  await expect(app.getByTestId('grid-chips')).toContainText('No rule pack governs 2024-01-01')
  await expect(app.getByTestId('grid-chips')).not.toContainText('Loading')
  // Pinning a pack brings the rows back.
  await openCountries(app, 'us-ai-diffusion-2025')
  await expect(inForce).toContainText('Pinned')
  await expect(cell(app, 'AF', 'name')).toHaveText('Afghanistan')
})

test('an allocation nothing has drawn on is said in words; a drawn one is charted by ship date', async ({
  app,
}) => {
  await openCountries(app, 'us-ai-diffusion-2025')
  await app.getByLabel('Filter to a country').selectOption('IL')
  await cell(app, 'IL', 'name').click()
  const israel = app.getByTestId('country-card').getByTestId('chart-country-history')
  await expect(israel).toContainText('Nothing reserved or committed against Country allocation, Israel yet.')
  await expect(israel).not.toContainText('country:IL')
  await expect(israel).not.toContainText('No history')

  await app.getByLabel('Filter to a country').selectOption('MY')
  await cell(app, 'MY', 'name').click()
  const malaysia = app.getByTestId('country-card').getByTestId('chart-country-history')
  await expect(malaysia.locator('.chart-caption')).toContainText(
    'Running TPP by planned ship date · Country allocation, Malaysia · 2 entries, now 703,968,000 TPP',
  )
  await expect(malaysia).toContainText('Planned ship date of the deal (one point per ledger entry)')
  // The card and the grid name the figure as the Headroom board does: committed, not "licensed".
  const card = app.getByTestId('country-card')
  await expect(card).toContainText('Committed703,968,000 TPP')
  await expect(card).not.toContainText('Licensed')
  const grid = app.getByTestId('grid-countries')
  await expect(grid.getByRole('columnheader', { name: 'Committed (TPP)' })).toBeVisible()
  await expect(grid.getByRole('columnheader', { name: 'Licensed (TPP)' })).toHaveCount(0)
  await expect(cell(app, 'MY', 'licensed')).toHaveText('703,968,000')
})
