import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { agTestIdFor } from 'ag-grid-community'
import Papa from 'papaparse'
import { expect, gridReady, holdOperation, test } from './fixtures'
import { hostCall } from './pages/api'
import { columnShown } from './pages/gridLayout'
import { HeaderBar } from './pages/ProjectsPage'

// Each test starts its own host, which loads the sample portfolio into a fresh ledger; under two
// workers that start-up and the teardown can take most of the default minute.
test.describe.configure({ timeout: 120_000 })

test('the headroom board shows the buckets and draws its charts', async ({ app }, testInfo) => {
  await app.getByRole('link', { name: 'Headroom' }).click()
  await expect(app.getByRole('heading', { name: 'Headroom', level: 1 })).toBeVisible()
  await gridReady(app, 'headroom-buckets')
  // The summary line comes from the ledger's bucket list, not from counting DOM rows.
  await expect(app.getByTestId('headroom-summary')).toHaveText(
    /^\d+ regulatory buckets \(all periods\): \d+ at 80% or more of the limit, \d+ used up · \d+ licences: \d+ drawn down in full$/,
  )
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
  // The history names its bucket in words, places each entry at its deal's planned ship date (the
  // sample records every entry on one day), and the allocation legend says "Committed", as the grid's
  // column does.
  const history = app.getByTestId('chart-country-history')
  await expect(history.locator('.chart-caption')).toContainText(
    'Running TPP by planned ship date · Country allocation, Malaysia · 2 entries',
  )
  await expect(history).not.toContainText('country:MY')
  await expect(history).toContainText('Planned ship date of the deal (one point per ledger entry)')
  // Under auto the board lists every pack's buckets: each chart names the pack whose limit it draws
  // (the sample's caps are all recorded under the framework as written).
  for (const [id, words] of [
    ['country-usage', 'Tier-2 allocations in TPP, the most used first · limits of us-ai-diffusion-2025'],
    ['country-history', '· limit 790,000,000 TPP of us-ai-diffusion-2025'],
    ['lpp', 'Against 26,900,000 TPP per consignee per year · limit of us-ai-diffusion-2025'],
    ['nveu', 'NVEU-IN-0007 in India · caps of us-ai-diffusion-2025'],
    ['uveu', '· limits and tiers of us-ai-diffusion-2025'],
  ] as const)
    await expect(app.getByTestId(`chart-${id}`).locator('.chart-caption')).toContainText(words)
  await expect(history).toContainText('Limit (us-ai-diffusion-2025), Legend item 3 of 3')
  const usage = app.getByTestId('chart-country-usage')
  await expect(usage).toContainText('Committed, Legend item 1 of 3')
  await expect(usage).not.toContainText('Licensed')
  await expect(app.getByTestId('chart-uveu')).toContainText(/tier 1 \d+\.\d%/)
  await testInfo.attach('headroom', {
    body: await app.screenshot({ fullPage: true }),
    contentType: 'image/png',
  })
})

test('sorting the Bucket and Kind columns orders the rows by the words they show', async ({ app }) => {
  await app.getByRole('link', { name: 'Headroom' }).click()
  const grid = await gridReady(app, 'headroom-buckets')
  await expect(app.getByTestId('headroom-shown')).toHaveText(/^18 shown/)
  /** The texts of one column, in the order the grid shows its rows. */
  const shown = (colId: string) =>
    grid.locator(`[role="row"][row-index]:has([col-id="${colId}"])`).evaluateAll(
      (rows, col) =>
        rows
          .map((r) => ({
            at: Number(r.getAttribute('row-index')),
            text: r.querySelector(`[col-id="${col}"]`)?.textContent ?? '',
          }))
          .sort((a, b) => a.at - b.at)
          .map((r) => r.text),
      colId,
    )
  for (const [header, colId] of [
    ['Bucket', 'label'],
    ['Kind', 'kind'],
  ] as const) {
    const cell = grid.getByRole('columnheader', { name: header, exact: true })
    await cell.click()
    await expect(cell).toHaveAttribute('aria-sort', 'ascending')
    const texts = await shown(colId)
    expect(texts).toHaveLength(18)
    // AG Grid's default order for text: by code unit, as Array.prototype.sort.
    expect(texts).toEqual([...texts].sort())
  }
})

test('the summary and the footer count the rows the grid shows, licences apart from caps', async ({
  app,
}, testInfo) => {
  await app.getByRole('link', { name: 'Headroom' }).click()
  await gridReady(app, 'headroom-buckets')
  const summary = app.getByTestId('headroom-summary')
  const shown = app.getByTestId('headroom-shown')
  // All packs: Malaysia's allocation (89.1%) and NVEU-IN-0007's two 2025 quarters (88.2%, 92.2%) are
  // the caps at 80% or more; the seven licences at 100% are drawn down, not caps used up.
  await expect(summary).toHaveText(
    '11 regulatory buckets (all periods): 3 at 80% or more of the limit, 0 used up · 7 licences: 7 drawn down in full',
  )
  await expect(shown).toHaveText('18 shown · committed 3,235,024,000 TPP · reserved 0 TPP')
  // The Bucket column names buckets in words; the quick filter finds them by those words, and the
  // footer follows the filter.
  await expect(app.getByTestId(agTestIdFor.cell('country:MY', 'label'))).toHaveText(
    'Country allocation, Malaysia',
  )
  await app.getByLabel('Find buckets').fill('Malaysia')
  await expect(shown).toHaveText('1 shown · committed 703,968,000 TPP · reserved 0 TPP')
  await app.getByLabel('Find buckets').fill('')

  // Pinned to the 2026 controls the board holds only the licences, and says so.
  await app.getByLabel('Rule pack').selectOption('us-advanced-computing-2026')
  await expect(summary).toHaveText(
    '0 regulatory buckets (all periods): 0 at 80% or more of the limit, 0 used up · 7 licences: 7 drawn down in full',
  )
  // 379,968,000 + 189,984,000 + 83,676,000 + 324,000,000 + 94,992,000 + 360,000,000 + 23,748,000.
  await expect(shown).toHaveText('7 shown · committed 1,456,368,000 TPP · reserved 0 TPP')
  await expect(app.getByTestId(agTestIdFor.cell('licence:D900101', 'pctUsed'))).toContainText('100.0%')
  await testInfo.attach('headroom pinned to 2026', {
    body: await app.screenshot({ fullPage: true }),
    contentType: 'image/png',
  })
})

/**
 * Creates a what-if scenario of the diffusion framework under which Malaysia's allocation doubles from
 * `from` (a government arrangement), pins it in the header (after a reload, so the header lists it),
 * optionally on `asOf`, and opens the board.
 */
async function boardUnderMalaysiaG2g(app: Page, title: string, from: string, asOf?: string) {
  const { id } = await hostCall<{ id: string }>(app, 'scenarios.create', {
    basedOn: 'us-ai-diffusion-2025',
    title,
    edits: [{ kind: 'government_arrangement', country: 'MY', from }],
  })
  await app.reload()
  await app.getByLabel('Rule pack').selectOption(id)
  if (asOf) await app.getByLabel('As of').fill(asOf)
  await app.getByRole('link', { name: 'Headroom' }).click()
  return gridReady(app, 'headroom-buckets')
}

test("under a pinned scenario the board reads the scenario's limits on the header's date, as Countries does", async ({
  app,
}) => {
  // Malaysia's allocation doubles from 2026-06-01 under the scenario. Read on 2025-03-01 it is still
  // 790,000,000: the board used today's date and said 1,580,000,000 (44.6% used) beside Countries' 89.1%.
  await boardUnderMalaysiaG2g(app, 'Malaysia G2G from mid 2026', '2026-06-01', '2025-03-01')
  await expect(app.getByTestId('headroom-pack')).toHaveText(
    'scenario scn-malaysia-g2g-from-mid-2026: what-if limits on 2025-03-01, use as recorded',
  )
  await expect(app.getByTestId(agTestIdFor.cell('country:MY', 'limit'))).toHaveText('790,000,000')
  await expect(app.getByTestId(agTestIdFor.cell('country:MY', 'pctUsed'))).toContainText('89.1%')
  // The charts name the scenario where they draw its limits, and the recorded pack where they do not.
  const caption = (id: string) => app.getByTestId(`chart-${id}`).locator('.chart-caption')
  await expect(caption('country-usage')).toContainText('limits of scenario scn-malaysia-g2g-from-mid-2026')
  await expect(caption('country-history')).toContainText(
    '· limit 790,000,000 TPP of scenario scn-malaysia-g2g-from-mid-2026',
  )
  await expect(app.getByTestId('chart-country-history')).toContainText(
    'Limit (scenario scn-malaysia-g2g-from-mid-2026), Legend item 3 of 3',
  )
  await expect(caption('nveu')).toContainText(
    "caps of us-ai-diffusion-2025 (as recorded: scenario scn-malaysia-g2g-from-mid-2026's limits apply to allocations and LPP only)",
  )

  await app.getByRole('link', { name: 'Countries' }).click()
  await gridReady(app, 'countries')
  await app.getByLabel('Find countries').fill('Malaysia')
  await expect(app.getByTestId(agTestIdFor.cell('MY', 'allocation'))).toHaveText('790,000,000')

  // After the arrangement's date both read the doubled allocation.
  await app.getByLabel('As of').fill('2026-07-01')
  await expect(app.getByTestId(agTestIdFor.cell('MY', 'allocation'))).toHaveText('1,580,000,000')
  // The country card's allocation over time draws the scenario's doubled limit too, not the stored one.
  await app.getByTestId(agTestIdFor.cell('MY', 'allocation')).click()
  await expect(caption('country-history')).toContainText(
    '· limit 1,580,000,000 TPP of scenario scn-malaysia-g2g-from-mid-2026',
  )
  await app.getByRole('link', { name: 'Headroom' }).click()
  await expect(app.getByTestId(agTestIdFor.cell('country:MY', 'limit'))).toHaveText('1,580,000,000')
  // So does the board's: the chart drew the stored 790,000,000 while the grid said 1,580,000,000.
  await expect(caption('country-history')).toContainText(
    '· limit 1,580,000,000 TPP of scenario scn-malaysia-g2g-from-mid-2026',
  )
  await expect(caption('country-history')).toContainText('now 703,968,000 TPP committed or reserved')
})

test('under a pinned scenario the grid names the scenario as the source of the limit beside it, and the pack recorded under apart', async ({
  app,
}) => {
  // Malaysia's allocation doubles under the scenario: the grid showed 1,580,000,000 beside "Rule pack
  // us-ai-diffusion-2025", the pack whose own limit is 790,000,000.
  const grid = await boardUnderMalaysiaG2g(app, 'Malaysia G2G', '2025-01-01')
  await expect(app.getByTestId('headroom-pack')).toContainText('scenario scn-malaysia-g2g: what-if limits')
  const cell = async (rowId: string, colId: string) => {
    // Columns off to the right are not in the DOM until scrolled into view (column virtualisation).
    await grid.evaluate(
      (el, detail) => el.dispatchEvent(new CustomEvent('headroom:ensure-visible', { detail })),
      { rowId, colId },
    )
    return app.getByTestId(agTestIdFor.cell(rowId, colId))
  }
  await expect(await cell('country:MY', 'limit')).toHaveText('1,580,000,000')
  await expect(await cell('country:MY', 'limitFrom')).toHaveText('scenario scn-malaysia-g2g')
  await expect(grid.getByRole('columnheader', { name: 'Limit from' })).toBeVisible()
  expect(await columnShown(grid, 'limitFrom')).toMatchObject({ cut: [] })
  // The scenario edits allocations and LPP only: a VEU cap stays the recorded pack's, and says so.
  await expect(await cell('nveu:NVEU-IN-0007:IN:2025-Q1', 'limit')).toHaveText('633,000,000')
  await expect(await cell('nveu:NVEU-IN-0007:IN:2025-Q1', 'limitFrom')).toHaveText('us-ai-diffusion-2025')
  await expect(await cell('licence:D900101', 'limitFrom')).toHaveText('the licence')
  // The entries are still recorded under the pack the scenario copies, in a column named for that.
  await expect(await cell('country:MY', 'packId')).toHaveText('us-ai-diffusion-2025')
  await expect(grid.getByRole('columnheader', { name: 'Recorded under' })).toBeVisible()
  await expect(grid.getByRole('columnheader', { name: 'Rule pack' })).toHaveCount(0)

  // The CSV export carries the column: Malaysia's row names the scenario beside the scenario's limit.
  const downloading = app.waitForEvent('download')
  await app.getByRole('button', { name: 'Export CSV' }).click()
  const text = readFileSync(await (await downloading).path(), 'utf8').replace(/^\uFEFF/, '')
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  const my = parsed.data.find((r) => r.Bucket === 'Country allocation, Malaysia')
  expect(my).toMatchObject({
    'Limit (TPP)': '1,580,000,000',
    'Limit from': 'scenario scn-malaysia-g2g',
    'Recorded under': 'us-ai-diffusion-2025',
  })
})

test('@host-only a board whose buckets cannot be read says so, with no empty charts or zero totals', async ({
  app,
}) => {
  // The ledger's answer is held back, then refused: neither state may read as "nothing drawn on".
  let release: () => void = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await app.route('**/api/headroom.buckets', async (route) => {
    await held
    await route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        ok: false,
        error: { code: 'internal', message: 'The ledger could not be read' },
      }),
    })
  })
  await app.getByRole('link', { name: 'Headroom' }).click()
  const notLoaded = app.getByTestId('headroom-not-loaded')
  await expect(notLoaded).toHaveText('Reading the buckets from the ledger…')
  await expect(app.getByText('No LPP shipments recorded.')).toHaveCount(0)
  await expect(app.getByTestId('headroom-shown')).toHaveCount(0)
  release()
  await expect(app.getByRole('alert')).toContainText('The ledger could not be read')
  await expect(notLoaded).toContainText('could not be read from the ledger, so no headroom is shown')
  for (const empty of [
    'No country allocation has been drawn on.',
    'No LPP shipments recorded.',
    'No NVEU deployments recorded.',
    'No UVEU deployments recorded.',
  ])
    await expect(app.getByText(empty)).toHaveCount(0)
  await expect(app.getByTestId('headroom-shown')).toHaveCount(0)
  await expect(app.getByTestId('grid-headroom-buckets')).toContainText('The ledger could not be read')
})

test('@host-only while the board reads the next answer, the figures shown are dimmed and said to be the earlier ones', async ({
  app,
}) => {
  await app.getByRole('link', { name: 'Headroom' }).click()
  await gridReady(app, 'headroom-buckets')
  const summary = app.getByTestId('headroom-summary')
  const board = app.getByTestId('headroom-board')
  const stale = app.getByTestId('headroom-stale')
  const allPacks =
    '11 regulatory buckets (all periods): 3 at 80% or more of the limit, 0 used up · 7 licences: 7 drawn down in full'
  await expect(summary).toHaveText(allPacks)
  await expect(board).toHaveAttribute('aria-busy', 'false')
  await expect(stale).toHaveCount(0)

  // The ledger's next answers are held back until the test lets them through.
  let release = await holdOperation(app, 'headroom.buckets')
  // Another pack: the figures for all packs stay in view, dimmed and named as such, never as the
  // pinned pack's (the board showed them under "pack us-advanced-computing-2026" as if current).
  await app.getByLabel('Rule pack').selectOption('us-advanced-computing-2026')
  await expect(stale).toHaveText(
    'Updating for pack us-advanced-computing-2026: the figures shown, dimmed, are still those for all packs.',
  )
  await expect(board).toHaveAttribute('aria-busy', 'true')
  await expect(board).toHaveClass(/is-stale/)
  await expect(summary).toHaveClass(/is-stale/)
  await expect(app.getByTestId('headroom-pack')).toHaveText('pack us-advanced-computing-2026')
  release()
  await expect(stale).toHaveCount(0)
  await expect(board).toHaveAttribute('aria-busy', 'false')
  await expect(summary).not.toHaveClass(/is-stale/)
  await expect(summary).toHaveText(
    '0 regulatory buckets (all periods): 0 at 80% or more of the limit, 0 used up · 7 licences: 7 drawn down in full',
  )

  // A change to the session's data (here a desk user added from the header) reads the board again by
  // itself, shown the same way while it is read.
  release = await holdOperation(app, 'headroom.buckets')
  await new HeaderBar(app).addDeskUser('j.doe')
  await expect(stale).toHaveText(
    'Reading pack us-advanced-computing-2026 again: the figures shown, dimmed, are those read before.',
  )
  await expect(board).toHaveAttribute('aria-busy', 'true')
  release()
  await expect(stale).toHaveCount(0)
  await expect(board).toHaveAttribute('aria-busy', 'false')
})
