import type { Locator } from '@playwright/test'
import { agTestIdFor } from 'ag-grid-community'
import type { AuditPage } from '../../shared/domain/audit'
import { expect, gridReady, holdOperation, test } from './fixtures'
import { hostCall } from './pages/api'
import { columnShown } from './pages/gridLayout'
import { HeaderBar } from './pages/ProjectsPage'

// Each test starts its own host, which loads the sample portfolio into a fresh ledger; under two
// workers that start-up and the teardown can take most of the default minute.
test.describe.configure({ timeout: 120_000 })

test('Chips: a custom chip is classified live and added to the catalogue', async ({ app }, testInfo) => {
  await app.getByRole('link', { name: 'Chips' }).click()
  await gridReady(app, 'chips')
  await expect(app.getByTestId(agTestIdFor.cell('nvidia-h100-sxm', 'tpp'))).toHaveText('15,832')
  // At 1440 × 900, beside the custom-chip panel, the columns a classification turns on are in view.
  const chipsGrid = app.getByTestId('grid-chips')
  for (const col of ['name', 'tpp', 'pd', 'eccn', 'h100e']) {
    expect((await columnShown(chipsGrid, col)).inView, col).toBe(true)
  }
  expect((await columnShown(chipsGrid, 'eccn')).cut).not.toContain('Not 3A090')

  const form = app.getByRole('form', { name: 'Add a custom chip' })
  await form.getByLabel('Name').fill('Acme Test X1')
  await form.getByRole('textbox', { name: 'TPP', exact: true }).fill('1600')
  await form.getByLabel('Die area (mm²)').fill('500')
  const live = app.getByTestId('live-classification')
  await expect(live.getByTestId('live-tpp')).toHaveText('1,600')
  await expect(live.getByTestId('live-pd')).toHaveText('3.20')
  await expect(live.getByTestId('live-eccn')).toHaveText('3A090.b (b.2)')
  // Without a die area the classifier cannot tell .b from not-3A090 and says what is missing, in the
  // screen's words.
  const dieArea = form.getByLabel('Die area (mm²)')
  await dieArea.fill('')
  await expect(live.getByTestId('live-eccn')).toHaveText('Not determinable: missing die area')
  // A die area given but not positive is refused by name, not read as "not given": no figures are
  // computed from it and the chip cannot be added.
  await dieArea.fill('-500')
  await expect(dieArea).toHaveAttribute('aria-invalid', 'true')
  await expect(dieArea).toHaveAccessibleDescription('Die area: a positive number of mm²')
  await expect(live.getByTestId('live-eccn')).toHaveCount(0)
  await expect(form.getByRole('button', { name: 'Add to the desk catalogue' })).toBeDisabled()
  await expect(form.getByTestId('custom-chip-refused')).toHaveText(
    'Not saved until this figure is corrected: die area.',
  )
  await form.getByRole('textbox', { name: 'TPP', exact: true }).fill('0')
  await expect(form.getByRole('textbox', { name: 'TPP', exact: true })).toHaveAccessibleDescription(
    'TPP: a positive number',
  )
  await form.getByLabel('DRAM bandwidth (GB/s)').fill('-1')
  await expect(form.getByLabel('DRAM bandwidth (GB/s)')).toHaveAccessibleDescription(
    'DRAM bandwidth: a positive number of GB/s',
  )
  await testInfo.attach('chips-refused', { body: await app.screenshot(), contentType: 'image/png' })
  // Throughput as dense TOPS and bit length: the inputs are labelled in the words their messages and
  // the refusal use.
  await form.getByRole('radio', { name: 'Dense TOPS × bit length' }).check()
  await expect(form.getByLabel('Dense TOPS (or TFLOPS)', { exact: true })).toBeVisible()
  const bitLength = form.getByLabel('Bit length', { exact: true })
  await bitLength.fill('129')
  await expect(bitLength).toHaveAccessibleDescription('Bit length: a whole number from 1 to 128')
  await expect(form.getByTestId('custom-chip-refused')).toHaveText(
    'Not saved until these figures are corrected: bit length, die area, DRAM bandwidth.',
  )
  await bitLength.fill('16')
  await form.getByRole('radio', { name: 'TPP', exact: true }).check()
  await form.getByRole('textbox', { name: 'TPP', exact: true }).fill('1600')
  await form.getByLabel('DRAM bandwidth (GB/s)').fill('')
  await dieArea.fill('500')
  await expect(dieArea).not.toHaveAttribute('aria-invalid', 'true')
  await expect(live.getByTestId('live-eccn')).toHaveText('3A090.b (b.2)')
  await testInfo.attach('chips-live', {
    body: await app.screenshot({ fullPage: true }),
    contentType: 'image/png',
  })

  await form.getByRole('button', { name: 'Add to the desk catalogue' }).click()
  await expect(form.getByRole('status')).toHaveText('Added Acme Test X1.')
  const grid = app.getByTestId('grid-chips')
  await expect(grid.getByRole('gridcell', { name: 'Acme Test X1' })).toBeVisible()
  await expect(grid.getByRole('gridcell', { name: '3A090.b (b.2)' })).toBeVisible()

  // A name the shipped catalogue has is refused by the core; the refusal is shown beside the form,
  // in place of the earlier "Added", and goes when the name is changed.
  await form.getByLabel('Name').fill('h100')
  await form.getByRole('textbox', { name: 'TPP', exact: true }).fill('1600')
  await form.getByRole('button', { name: 'Add to the desk catalogue' }).click()
  await expect(form.getByTestId('custom-chip-save-refused')).toHaveText(
    "h100 is already in the shipped catalogue; use it, or give the desk's chip another name.",
  )
  await expect(form.getByRole('alert')).toBeVisible()
  await expect(form.getByRole('status')).toHaveCount(0)
  await form.getByLabel('Name').fill('Acme Test X2')
  await expect(form.getByTestId('custom-chip-save-refused')).toHaveCount(0)
})

/**
 * Records every text the element with `testId` inside `container` shows from now on (null while there
 * is none), so a test can say a late answer never reached the screen, not only that it is gone.
 */
async function recordShown(container: Locator, testId: string): Promise<() => Promise<(string | null)[]>> {
  const handle = await container.evaluateHandle((root, testId) => {
    const seen: (string | null)[] = []
    const note = () => {
      const text = root.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null
      if (seen.length === 0 || seen.at(-1) !== text) seen.push(text)
    }
    note()
    new MutationObserver(note).observe(root, { subtree: true, childList: true, characterData: true })
    return seen
  }, testId)
  return () => handle.jsonValue()
}

test('@host-only Chips: while new figures are classified, the earlier classification is never shown as theirs', async ({
  app,
}, testInfo) => {
  await app.getByRole('link', { name: 'Chips' }).click()
  await gridReady(app, 'chips')
  const form = app.getByRole('form', { name: 'Add a custom chip' })
  const live = app.getByTestId('live-classification')
  const tpp = form.getByRole('textbox', { name: 'TPP', exact: true })
  const add = form.getByRole('button', { name: 'Add to the desk catalogue' })
  const pending = live.getByTestId('live-classification-pending')
  const previous = live.getByTestId('live-classification-previous')
  await form.getByLabel('Name').fill('Acme Test X3')
  await tpp.fill('1600')
  await form.getByLabel('Die area (mm²)').fill('500')
  await expect(live.getByTestId('live-eccn')).toHaveText('3A090.b (b.2)')
  await expect(live).toHaveAttribute('aria-busy', 'false')
  await expect(add).toBeEnabled()

  // The answer for the next figures is held: the panel showed 3A090.b as the classification of a TPP
  // of 4,800 (3A090.a) until it came, and would add the chip on it.
  const release = await holdOperation(app, 'rules.classify')
  await tpp.fill('4800')
  await expect(live.getByTestId('live-eccn')).toHaveCount(0)
  await expect(live.getByTestId('live-tpp')).toHaveCount(0)
  await expect(add).toBeDisabled()
  await expect(pending).toHaveText(
    'Classifying the figures now typed… The classification shown, dimmed, is for the previous figures (TPP 1,600, die area 500 mm²), not for these.',
  )
  await expect(live).toHaveAttribute('aria-busy', 'true')
  await expect(previous).toHaveClass(/is-stale/)
  await expect(previous.getByTestId('previous-eccn')).toHaveText('3A090.b (b.2)')
  await testInfo.attach('chips-classifying', { body: await form.screenshot(), contentType: 'image/png' })
  release()
  await expect(live.getByTestId('live-eccn')).toHaveText('3A090.a (a.1)')
  await expect(live.getByTestId('live-tpp')).toHaveText('4,800')
  await expect(pending).toHaveCount(0)
  await expect(previous).toHaveCount(0)
  await expect(add).toBeEnabled()

  // Answers out of order: the one for TPP 1,600 is held until the one for 6,000, typed after it, has
  // come. Arriving last, it must not replace the answer for the figures in the form.
  await app.unroute('**/api/rules.classify')
  let releaseOld: () => void = () => {}
  const oldHeld = new Promise<void>((resolve) => (releaseOld = resolve))
  let oldAsked: () => void = () => {}
  const oldSent = new Promise<void>((resolve) => (oldAsked = resolve))
  await app.route('**/api/rules.classify', async (route) => {
    const input = route.request().postDataJSON() as { chip: { tpp?: number } }
    if (input.chip.tpp === 1600) {
      oldAsked()
      await oldHeld
    }
    await route.continue()
  })
  await tpp.fill('1600')
  await oldSent
  await tpp.fill('6000')
  await expect(live.getByTestId('live-tpp')).toHaveText('6,000')
  await expect(live.getByTestId('live-eccn')).toHaveText('3A090.a (a.1)')
  const shownTpp = await recordShown(live, 'live-tpp')
  const oldAnswer = app.waitForResponse(
    (r) => r.url().endsWith('/api/rules.classify') && r.request().postDataJSON().chip.tpp === 1600,
  )
  releaseOld()
  await oldAnswer
  // The late answer has reached the page; give its handlers a moment to run before saying it changed nothing.
  await app.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)))
  expect(await shownTpp()).toEqual(['6,000'])
  await expect(live.getByTestId('live-eccn')).toHaveText('3A090.a (a.1)')
  await expect(pending).toHaveCount(0)
  await expect(add).toBeEnabled()

  // While the chip is added the fields are read-only: a saved chip clears the form, and whatever was
  // typed meanwhile would go with it, unsaved.
  await app.unroute('**/api/rules.classify')
  const releaseCreate = await holdOperation(app, 'chips.create')
  await add.click()
  await expect(form.getByRole('button', { name: 'Adding…' })).toBeDisabled()
  await expect(tpp).toBeDisabled()
  await expect(form.getByLabel('Name')).toBeDisabled()
  releaseCreate()
  await expect(form.getByLabel('Name')).toHaveValue('')
  await expect(tpp).toBeEnabled()
})

test('Parties: the sample consignees with headquarters and VEU status', async ({ app }, testInfo) => {
  await app.getByRole('link', { name: 'Parties' }).click()
  await gridReady(app, 'parties')
  await expect(app.getByText(/^\d+ parties$/)).toBeVisible()
  await app.getByLabel('Find parties').fill('UVEU')
  await expect(
    app.getByTestId('grid-parties').getByRole('gridcell', { name: /UVEU UVEU-US-0003/ }),
  ).toBeVisible()
  await gridReady(app, 'installed-base')
  await testInfo.attach('parties', {
    body: await app.screenshot({ fullPage: true }),
    contentType: 'image/png',
  })
})

test('Parties: one party is "1 party"; a refused duplicate replaces the earlier "Saved"', async ({ app }) => {
  await hostCall(app, 'ledger.removeSample', {})
  await app.getByRole('link', { name: 'Parties' }).click()
  await gridReady(app, 'parties')
  await expect(app.getByText(/^0 parties$/)).toBeVisible()
  const form = app.getByRole('form', { name: 'Add a party' })
  await form.getByLabel('Name', { exact: true }).fill('Acme Cloud')
  await form.getByRole('button', { name: 'Save party' }).click()
  await expect(form.getByRole('status')).toHaveText('Saved Acme Cloud.')
  await expect(app.getByText(/^1 party$/)).toBeVisible()
  await form.getByLabel('Name', { exact: true }).fill('ACME cloud')
  await form.getByRole('button', { name: 'Save party' }).click()
  await expect(form.getByRole('alert')).toHaveText('A party named Acme Cloud already exists.')
  await expect(form.getByRole('status')).toHaveCount(0)
  // And the other way round: a save after a refusal shows only the save.
  await form.getByLabel('Name', { exact: true }).fill('Beta Compute')
  await form.getByRole('button', { name: 'Save party' }).click()
  await expect(form.getByRole('status')).toHaveText('Saved Beta Compute.')
  await expect(form.getByRole('alert')).toHaveCount(0)
  await expect(app.getByText(/^2 parties$/)).toBeVisible()
})

test('Rule packs: the diffusion pack reads with citations and confidence', async ({ app }, testInfo) => {
  await app.getByRole('link', { name: 'Rule packs' }).click()
  await gridReady(app, 'packs')
  const timeline = app.getByTestId('pack-timeline')
  await expect(timeline).toContainText('governs today')
  // One badge a row: with the as-of date today, the period holding it says "governs today", once; with
  // another as-of date in it, it gives that date instead.
  await expect(
    timeline
      .getByRole('listitem')
      .filter({ hasText: 'governs today' })
      .getByText(/^governs /),
  ).toHaveText(['governs today'])
  const current = timeline.getByTestId('timeline-2026-01-15')
  await app.getByLabel('As of').fill('2026-03-01')
  await expect(current.getByText(/^governs /)).toHaveText(['governs 2026-03-01'])
  // A pack used before its own effective date says so on the row.
  await expect(timeline.getByTestId('timeline-2024-05-30')).toContainText(
    'Effective 2025-05-13; the timeline also uses it for these earlier dates (see the note below).',
  )
  await expect(timeline.getByTestId('timeline-2025-05-13')).not.toContainText('earlier dates')
  await app.getByLabel('Open a pack').selectOption('us-ai-diffusion-2025')
  const contents = app.getByTestId('pack-contents-us-ai-diffusion-2025')
  await expect(
    contents.getByRole('heading', { name: 'AI diffusion framework as written (January 2025)' }),
  ).toBeVisible()
  const allocation = contents.getByTestId('cited-caps.countryAllocation.limitTpp')
  await expect(allocation).toContainText('790,000,000 TPP')
  await expect(allocation).toContainText('15 CFR 742.6(b)(10)(iii)(B)(1)')
  await expect(allocation.locator('.badge')).toHaveText('primary')
  await allocation.scrollIntoViewIfNeeded()
  await testInfo.attach('rule-pack', {
    body: await app.screenshot({ fullPage: false }),
    contentType: 'image/png',
  })
})

test('Audit: the events and the chain verification status', async ({ app }, testInfo) => {
  await app.getByRole('link', { name: 'Audit' }).click()
  await gridReady(app, 'audit')
  await expect(app.getByTestId('audit-chain-status')).toContainText(/Chain verified: [\d,]+ events/)
  await expect(app.getByTestId('audit-total')).toHaveText(/^[\d,]+ events$/)
  // At 1440 × 900, before an event is opened, every column up to the rule pack is in view and whole.
  const auditGrid = app.getByTestId('grid-audit')
  await expect(auditGrid.locator('.ag-cell[col-id="at"]').first()).toBeVisible()
  for (const col of ['id', 'at', 'actor', 'operation', 'entity', 'entityId', 'packId']) {
    expect(await columnShown(auditGrid, col), col).toEqual({ inView: true, cut: [] })
  }
  // An import is one event about its batch (the book kept as given).
  await app.getByLabel('Entity').selectOption('import_batch')
  await expect(app.getByTestId('audit-total')).toHaveText(/^[\d,]+ matching events$/)
  await app.getByTestId('grid-audit').getByRole('gridcell', { name: 'ledger.import' }).first().click()
  await expect(app.getByTestId('audit-event-detail')).toContainText('ledger.import')
  await testInfo.attach('audit', { body: await app.screenshot({ fullPage: true }), contentType: 'image/png' })
})

test('Audit: the event of a change says which fields it altered, before the whole record', async ({
  app,
}) => {
  const deal = {
    name: 'Audit diff check',
    consignee: 'Konkan Compute LLP',
    consigneeHq: 'IN',
    parentHq: null,
    destination: 'IN',
    plannedDate: '2025-03-03',
    lines: [{ chip: 'nvidia-h100-sxm', quantity: 100 }],
  }
  const created = await hostCall<{ id: string; version: number }>(app, 'projects.createDraft', deal)
  await hostCall(app, 'projects.updateDraft', {
    id: created.id,
    version: created.version,
    ...deal,
    lines: [{ chip: 'nvidia-h100-sxm', quantity: 120 }],
  })
  await app.getByRole('link', { name: 'Audit' }).click()
  const grid = await gridReady(app, 'audit')
  await app.getByLabel('Entity').selectOption('project')
  await grid.getByRole('gridcell', { name: 'project.update' }).first().click()
  const changes = app.getByTestId('audit-event-detail').getByTestId('audit-changes')
  await expect(changes.getByRole('row', { name: /lines\.0\.quantity/ })).toHaveText(
    /lines\.0\.quantity\s*100\s*120/,
  )
  await expect(changes.getByRole('row', { name: /^version/ })).toHaveText(/version\s*1\s*2/)
  // A creation has no before to compare: its record is shown whole, with no change table.
  await grid.getByRole('gridcell', { name: 'project.create' }).first().click()
  await expect(app.getByTestId('audit-event-detail')).toContainText('project.create')
  await expect(app.getByTestId('audit-changes')).toHaveCount(0)
})

test('@host-only Audit: a filter’s count is never another filter’s, even while its first page is on its way', async ({
  app,
}) => {
  await app.getByRole('link', { name: 'Audit' }).click()
  await gridReady(app, 'audit')
  const total = app.getByTestId('audit-total')
  await expect(total).toHaveText(/^[\d,]+ events$/)
  // The first page under the new filter is held: the whole log's count would read as its matches.
  const release = await holdOperation(app, 'audit.list')
  await app.getByLabel('Entity').selectOption('user')
  await expect(total).toHaveCount(0)
  release()
  const users = await hostCall<AuditPage>(app, 'audit.list', { entity: 'user', offset: 0, limit: 1 })
  await expect(total).toHaveText(`${users.total} matching events`)
})

test('@host-only Audit: an event written while the screen is open appears in it, under the same filter and chosen event', async ({
  app,
}) => {
  const userEvents = () => hostCall<AuditPage>(app, 'audit.list', { entity: 'user', offset: 0, limit: 1 })
  await app.getByRole('link', { name: 'Audit' }).click()
  const grid = await gridReady(app, 'audit')
  const total = app.getByTestId('audit-total')
  const entity = app.getByLabel('Entity')
  await entity.selectOption('user')
  const before = await userEvents()
  await expect(total).toHaveText(`${before.total} matching events`)
  // The officer opens the newest user event.
  const chosen = before.rows[0]!
  await grid.getByTestId(agTestIdFor.cell(String(chosen.id), 'operation')).click()
  const detail = app.getByTestId('audit-event-detail')
  await expect(detail).toHaveAccessibleName(`Event ${chosen.id}`)
  await expect(grid.getByTestId(agTestIdFor.rowNode(String(chosen.id)))).toHaveClass(/ag-row-selected/)

  // Another part of the app writes while Audit is open: a desk user added from the header.
  await new HeaderBar(app).addDeskUser('j.doe')

  // The new event appears without reopening the screen (the grid kept its first read until then),
  // still under the officer's filter, with the chosen event still chosen and open.
  const after = await userEvents()
  expect(after.total).toBe(before.total + 1)
  const added = after.rows[0]!
  expect(added).toMatchObject({ operation: 'user.create', entityId: 'j.doe' })
  await expect(grid.getByTestId(agTestIdFor.cell(String(added.id), 'entityId'))).toHaveText('j.doe')
  await expect(total).toHaveText(`${after.total} matching events`)
  await expect(entity).toHaveValue('user')
  await expect(grid.locator('.ag-cell[col-id="entity"]').filter({ hasNotText: /^user$/ })).toHaveCount(0)
  await expect(detail).toHaveAccessibleName(`Event ${chosen.id}`)
  await expect(grid.getByTestId(agTestIdFor.rowNode(String(chosen.id)))).toHaveClass(/ag-row-selected/)
})
