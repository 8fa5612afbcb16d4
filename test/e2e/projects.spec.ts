import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import type { Locator, Page } from '@playwright/test'
import { expect, holdOperation, test } from './fixtures'
import { hostCall } from './pages/api'
import { ProjectsPage } from './pages/ProjectsPage'

interface Created {
  id: string
}

const indiaDeal = (name: string, quantity: number) => ({
  name,
  consignee: 'Konkan Compute LLP',
  consigneeHq: 'IN',
  parentHq: null,
  destination: 'IN',
  plannedDate: '2025-03-03',
  lines: [{ chip: 'nvidia-h100-sxm', quantity }],
})

test('the Projects grid exports to CSV as shown, with formula-like cells neutralised', async ({
  app,
}, testInfo) => {
  const projects = new ProjectsPage(app)
  await projects.open()
  // A deal whose name a spreadsheet would run as a formula.
  const deal = await hostCall<Created>(
    app,
    'projects.createDraft',
    indiaDeal('=HYPERLINK("http://example.invalid","open me")', 1000),
  )
  // The quick filter says what it matches, the destination included (by name or code).
  await expect(app.getByLabel('Quick filter')).toHaveAttribute(
    'placeholder',
    'Id, name, consignee, end user, destination, site, chip',
  )
  await expect(app.getByLabel('Quick filter')).toHaveAttribute('title', /destination by its name or its code/)
  // The sample ships to Japan twice; its name and its code find both.
  await app.getByLabel('Quick filter').fill('Japan')
  await expect(projects.total).toHaveText('2 projects')
  await expect(await projects.cell('SMPL-25-018', 'destination')).toHaveText('Japan (JP)')
  await app.getByLabel('Quick filter').fill('jp')
  await expect(projects.total).toHaveText('2 projects')
  await projects.filterTo(deal.id)
  await expect(await projects.cell(deal.id, 'name')).toHaveText(
    '=HYPERLINK("http://example.invalid","open me")',
  )
  await expect(await projects.cell(deal.id, 'tpp')).toHaveText('15,832,000')
  await testInfo.attach('projects grid', { body: await app.screenshot(), contentType: 'image/png' })

  const downloadPromise = app.waitForEvent('download')
  await app.getByRole('button', { name: 'Export CSV' }).click()
  const download = await downloadPromise
  expect(download.suggestedFilename()).toMatch(/^projects \d{4}-\d{2}-\d{2}\.csv$/)
  const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '')
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  expect(parsed.meta.fields).toEqual(
    expect.arrayContaining([
      'Deal',
      'Name',
      'Status',
      'Consignee',
      'Destination',
      'Chips',
      'TPP',
      'H100e',
      'Licence needed',
      'Outcome',
      'Review policy',
      'Preparer',
      'Last change',
    ]),
  )
  // The export holds what the filter shows (all of it, fetched from the ledger), formatted for people.
  expect(parsed.data).toHaveLength(1)
  const row = parsed.data[0]!
  expect(row.Deal).toBe(deal.id)
  expect(row.Name).toBe(`'=HYPERLINK("http://example.invalid","open me")`)
  expect(row.Status).toBe('Draft')
  expect(row.Destination).toBe('India (IN)')
  expect(row.TPP).toBe('15,832,000')
  expect(row.H100e).toBe('1,000.0')
  await testInfo.attach('projects.csv', { body: text, contentType: 'text/csv' })
})

test('pinning another pack hides the tier column and changes the licence reasons', async ({
  app,
}, testInfo) => {
  const projects = new ProjectsPage(app)
  await projects.open()
  const deal = await hostCall<Created>(app, 'projects.createDraft', indiaDeal('Pune training cluster', 2000))

  await projects.header.pinPack('us-ai-diffusion-2025')
  await projects.filterTo(deal.id)
  await expect(projects.headerCell('Tier')).toBeVisible()
  await expect(await projects.cell(deal.id, 'tier')).toHaveText('Tier 2')
  await expect(await projects.cell(deal.id, 'licenseRequired')).toHaveText('Yes')

  await (await projects.cell(deal.id, 'name')).click()
  await expect(app.getByTestId('det-pack')).toContainText('Pinned in the header: us-ai-diffusion-2025')
  await expect(app.getByTestId('det-licence')).toHaveText('Yes')
  await expect(app.getByTestId('det-reasons')).toContainText('Worldwide licence requirement')
  await testInfo.attach('deal under us-ai-diffusion-2025', {
    body: await app.screenshot(),
    contentType: 'image/png',
  })

  await projects.header.pinPack('us-advanced-computing-2025-05')
  // No tiers in the enforced 2025-05 regime: the column goes, and India needs no licence for this deal.
  await expect(projects.headerCell('Tier')).toHaveCount(0)
  await expect(app.getByTestId('det-pack')).toContainText(
    'Pinned in the header: us-advanced-computing-2025-05',
  )
  await expect(app.getByTestId('det-licence')).toHaveText('No')
  await expect(app.getByTestId('det-reasons')).toHaveCount(0)
  await expect(await projects.cell(deal.id, 'licenseRequired')).toHaveText('No')
  await testInfo.attach('deal under us-advanced-computing-2025-05', {
    body: await app.screenshot(),
    contentType: 'image/png',
  })
})

test('Ctrl+K jumps to a project by id, name or consignee', async ({ app }, testInfo) => {
  const projects = new ProjectsPage(app)
  await projects.open()
  const deal = await hostCall<Created>(app, 'projects.createDraft', indiaDeal('Chennai edge racks', 100))

  await app.keyboard.press('Control+k')
  const dialog = app.getByRole('dialog', { name: 'Jump to project' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Jump to project').fill('Chennai edge')
  await expect(dialog.getByRole('option').first()).toContainText(deal.id)
  await testInfo.attach('jump to project', { body: await app.screenshot(), contentType: 'image/png' })
  await app.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(
    projects.editor.root.getByRole('heading', { name: `${deal.id} · Chennai edge racks` }),
  ).toBeVisible()
  await expect(projects.editor.field('Quantity (line 1)')).toHaveValue('100')

  // Enter pressed before the matches for the typed text arrive waits for them: it opens the match,
  // not the first of the recent deals listed when the dialog opened.
  await app.keyboard.press('Control+k')
  await expect(dialog.getByRole('option').first()).toBeVisible()
  await expect(dialog.getByRole('option').first()).not.toContainText('SMPL-25-002')
  await dialog.getByLabel('Jump to project').fill('SMPL-25-002')
  await app.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(projects.editor.root.getByRole('heading', { name: /^SMPL-25-002 · / })).toBeVisible()
})

test('a sample deal says which row of which import batch it came from', async ({ app }) => {
  const projects = new ProjectsPage(app)
  await projects.open()
  await app.keyboard.press('Control+k')
  const dialog = app.getByRole('dialog', { name: 'Jump to project' })
  await dialog.getByLabel('Jump to project').fill('SMPL-25-002')
  await expect(dialog.getByRole('option').first()).toContainText('SMPL-25-002')
  await app.keyboard.press('Enter')
  await expect(app.getByTestId('imported-from')).toContainText(
    /row 2 of import batch \d+ \(JSON, SHA-256 [0-9a-f]{16}…\), kept as given/,
  )
  // Licensed: the determination's "licence required" is met, and says by which licence.
  await expect(app.getByTestId('licence-granted')).toHaveText('Licence D900117 granted')
  await expect(app.getByTestId('determination')).toContainText(
    'A licence has been granted for this deal: it ships under the licence.',
  )

  // Shipped under LPP without a licence: evaluated as what it was, not as a licence application.
  await app.keyboard.press('Control+k')
  await dialog.getByLabel('Jump to project').fill('SMPL-25-004')
  await expect(dialog.getByRole('option').first()).toContainText('SMPL-25-004')
  await app.keyboard.press('Enter')
  await expect(app.getByTestId('determination')).toContainText('Allowed')
  await expect(app.getByTestId('licence-granted')).toHaveCount(0)
  await expect(app.getByTestId('determination')).not.toContainText('A licence has been granted')
})

/**
 * An approved deal planned to ship on 2099-03-01, open in the deal panel, with the reviewer acting.
 * The session's clock is the real one here, so the dates are far enough ahead to stay in the future.
 * `before` runs before the page reloads (to record what the panel should find).
 */
async function approvedDealOpen(app: Page, name: string, before: () => Promise<unknown> = async () => {}) {
  await hostCall(app, 'users.create', { name: 'e.prep', role: 'preparer' })
  await hostCall(app, 'users.create', { name: 'e.rev', role: 'reviewer' })
  await hostCall(app, 'users.switch', { name: 'e.prep' })
  const deal = await hostCall<Created>(app, 'projects.createDraft', {
    ...indiaDeal(name, 10),
    plannedDate: '2099-03-01',
  })
  await hostCall(app, 'projects.transition', { id: deal.id, to: 'in_review' })
  await hostCall(app, 'users.switch', { name: 'e.rev' })
  await hostCall(app, 'projects.transition', { id: deal.id, to: 'approved', reason: 'checked' })
  await before()
  await app.reload()
  const projects = new ProjectsPage(app)
  await projects.open()
  await app.keyboard.press('Control+k')
  const jump = app.getByRole('dialog', { name: 'Jump to project' })
  await jump.getByLabel('Jump to project').fill(deal.id)
  await expect(jump.getByRole('option').first()).toContainText(deal.id)
  await app.keyboard.press('Enter')
  const lifecycle = projects.editor.root.getByRole('group', { name: 'Lifecycle' })
  return { projects, lifecycle }
}

/**
 * Confirms Record licence, waits for the deal to show as licensed and returns the deal panel's one
 * licence, which must say `line` (the licence, what the deal drew and what is left of it).
 */
async function recordLicence(dialog: Locator, projects: ProjectsPage, line: string): Promise<Locator> {
  await dialog.getByRole('button', { name: 'Record licence' }).click()
  await expect(projects.editor.root.locator('.panel-header .chip')).toHaveText('Licensed')
  const drawn = projects.editor.root.getByTestId('deal-licence')
  await expect(drawn).toHaveCount(1)
  await expect(drawn).toContainText(line)
  return drawn
}

test('the deal panel warns that a licence expires before the deal ships, typed and once recorded', async ({
  app,
}, testInfo) => {
  const { projects, lifecycle } = await approvedDealOpen(app, 'Pune licence racks', () =>
    hostCall(app, 'licences.create', {
      number: 'EXP-2098',
      consignee: 'Konkan Compute LLP',
      destination: 'IN',
      authorizedTpp: 10_000_000,
      authorizedUnits: 100,
      expiresOn: '2098-12-31',
    }),
  )

  // Typed at Record licence, before anything is recorded: the licence's expiry against the ship date.
  await lifecycle.getByRole('button', { name: 'Record licence' }).click()
  const dialog = app.getByRole('dialog')
  await dialog.getByLabel('Licence number').fill('EXP-2098')
  const warning =
    "Licence EXP-2098 expires on 2098-12-31, before the deal's planned ship date 2099-03-01: shipping on that date needs a licence in force. Ship by 2098-12-31, or have the licence renewed."
  await expect(dialog.getByTestId('licence-candidate')).toHaveText(warning)
  await testInfo.attach('record licence: expiry before the ship date', {
    body: await app.screenshot(),
    contentType: 'image/png',
  })
  // Recorded: the deal panel names the licence, what the deal drew, and the same warning.
  const drawn = await recordLicence(
    dialog,
    projects,
    'Licence EXP-2098 · granted for this deal, which drew 158,320 TPP and 10 units · 9,841,680 TPP and 90 units left of 10,000,000 TPP and 100 units',
  )
  await expect(drawn.getByRole('alert')).toHaveText(warning)
  await drawn.scrollIntoViewIfNeeded()
  await testInfo.attach('deal panel: the licence drawn and its expiry', {
    body: await app.screenshot(),
    contentType: 'image/png',
  })
})

test('Record licence records a new licence with the expiry given, and the panel reads it', async ({
  app,
}) => {
  const { projects, lifecycle } = await approvedDealOpen(app, 'Pune new licence racks')
  await lifecycle.getByRole('button', { name: 'Record licence' }).click()
  const dialog = app.getByRole('dialog')
  await dialog.getByLabel('Licence number').fill('NEW-2099')
  await expect(dialog.getByTestId('licence-candidate')).toContainText(
    "Licence NEW-2099 is not in the ledger yet: recording it here records it with the terms given below (a date left empty is recorded as none; figures left empty are the deal's own).",
  )
  await dialog.getByLabel('Expires on').fill('2099-01-15')
  await dialog.getByRole('button', { name: 'Record licence' }).click()
  await expect(projects.editor.root.locator('.panel-header .chip')).toHaveText('Licensed')
  const drawn = projects.editor.root.getByTestId('deal-licence')
  await expect(drawn.getByRole('alert')).toHaveText(
    "Licence NEW-2099 expires on 2099-01-15, before the deal's planned ship date 2099-03-01: shipping on that date needs a licence in force. Ship by 2099-01-15, or have the licence renewed.",
  )
})

test('Record licence records a new licence with its own terms, above the deal’s, checked before it is sent', async ({
  app,
}, testInfo) => {
  const { projects, lifecycle } = await approvedDealOpen(app, 'Pune multi-shipment racks', () =>
    hostCall(app, 'licences.create', {
      number: 'REC-2099',
      consignee: 'Konkan Compute LLP',
      destination: 'IN',
      authorizedTpp: 10_000_000,
      authorizedUnits: 100,
      issuedOn: '2025-01-06',
      expiresOn: '2099-12-31',
    }),
  )
  await lifecycle.getByRole('button', { name: 'Record licence' }).click()
  const dialog = app.getByRole('dialog')

  // A recorded number: its terms are shown as recorded, not asked for (the ledger refuses others).
  await dialog.getByLabel('Licence number').fill('REC-2099')
  const recorded = dialog.getByTestId('licence-recorded-terms')
  await expect(recorded.locator('dd')).toHaveText([
    '2025-01-06',
    '2099-12-31',
    '10,000,000 TPP and 100 units',
    '10,000,000 TPP and 100 units',
  ])
  await expect(dialog.getByLabel('Authorized TPP')).toHaveCount(0)

  // A new number: its terms are asked for, the figures defaulting to the deal's own.
  await dialog.getByLabel('Licence number').fill('MULTI-2099')
  const tpp = dialog.getByLabel('Authorized TPP')
  const units = dialog.getByLabel('Authorized units')
  await expect(tpp).toHaveAttribute('placeholder', '158,320')
  await expect(units).toHaveAttribute('placeholder', '10')
  await expect(dialog.getByTestId('licence-terms-default')).toContainText(
    "Authorized TPP and units left empty default to the deal's own: 158,320 TPP and 10 units.",
  )
  await expect(recorded).toHaveCount(0)

  // Below the deal's own TPP: said before sending, in the ledger's words, and nothing is sent.
  await tpp.fill('100,000')
  await expect(tpp).toHaveAttribute('aria-invalid', 'true')
  await expect(tpp).toHaveAccessibleDescription(
    "Authorized TPP: 100,000 is below the deal's own 158,320 TPP.",
  )
  await expect(dialog.getByTestId('licence-terms-refusal')).toHaveText(
    "Recording the licence draws the deal's TPP and units on it at once, and the ledger would refuse: Licence MULTI-2099 has 100,000 TPP and 10 units left; 158,320 TPP and 10 units were asked for.",
  )
  await testInfo.attach('record licence: terms below the deal’s', {
    body: await app.screenshot(),
    contentType: 'image/png',
  })
  await dialog.getByRole('button', { name: 'Record licence' }).click()
  await expect(dialog.getByRole('alert')).toHaveText(
    'Correct the licence terms marked above: nothing was recorded.',
  )
  await expect(projects.editor.root.locator('.panel-header .chip')).toHaveText('Approved')
  await expect(hostCall(app, 'licences.get', { number: 'MULTI-2099' })).rejects.toThrow(
    'No licence MULTI-2099 in the ledger.',
  )

  // An issue date after the expiry is named on its field.
  const issued = dialog.getByLabel('Issued on')
  await issued.fill('2100-01-01')
  await dialog.getByLabel('Expires on').fill('2099-12-31')
  await expect(issued).toHaveAccessibleDescription(
    'Issued on: 2100-01-01 is after the expiry date 2099-12-31; a licence is issued before it expires.',
  )

  // The licence's real terms: it covers more than this deal's shipment.
  await issued.fill('2025-01-10')
  await tpp.fill('1,000,000')
  await units.fill('60')
  await expect(dialog.getByTestId('licence-term-error')).toHaveCount(0)
  await expect(dialog.getByTestId('licence-terms-refusal')).toHaveCount(0)
  // The deal drew its own figures on the licence; the rest stays on it for later shipments.
  const drawn = await recordLicence(
    dialog,
    projects,
    'Licence MULTI-2099 · granted for this deal, which drew 158,320 TPP and 10 units · 841,680 TPP and 50 units left of 1,000,000 TPP and 60 units',
  )
  const { licence } = await hostCall<{ licence: Record<string, unknown> }>(app, 'licences.get', {
    number: 'MULTI-2099',
  })
  expect(licence).toMatchObject({
    issuedOn: '2025-01-10',
    expiresOn: '2099-12-31',
    authorizedTpp: 1_000_000,
    authorizedUnits: 60,
    usedTpp: 158_320,
    usedUnits: 10,
    remainingTpp: 841_680,
    remainingUnits: 50,
  })
  await drawn.scrollIntoViewIfNeeded()
  await testInfo.attach('deal panel: the new licence drawn down by the deal', {
    body: await app.screenshot(),
    contentType: 'image/png',
  })
})

test('@host-only Record licence sends nothing before the ledger has read the number, nor with a date typed in part', async ({
  app,
}) => {
  const { projects, lifecycle } = await approvedDealOpen(app, 'Pune unread licence racks')
  const unrecorded = () =>
    expect(hostCall(app, 'licences.get', { number: 'RACE-2099' })).rejects.toThrow(
      'No licence RACE-2099 in the ledger.',
    )
  await lifecycle.getByRole('button', { name: 'Record licence' }).click()
  const dialog = app.getByRole('dialog')
  // The ledger's answer for the number is held: sent now, a new number would be recorded with no
  // terms asked (no expiry, the deal's own figures).
  const release = await holdOperation(app, 'licences.forDeal')
  const number = dialog.getByLabel('Licence number')
  await number.fill('RACE-2099')
  await number.press('Enter')
  await expect(dialog.getByRole('alert')).toHaveText(
    'Licence RACE-2099 is still being looked up in the ledger: record it once the dialog shows what the ledger holds for it.',
  )
  await expect(projects.editor.root.locator('.panel-header .chip')).toHaveText('Approved')
  await unrecorded()
  // Once the ledger has answered, the terms are asked and the words about waiting go.
  release()
  const expires = dialog.getByLabel('Expires on')
  await expect(expires).toBeVisible()
  await expect(dialog.getByRole('alert')).toHaveCount(0)

  // A date typed in part reads as no date in the browser: it is named, and nothing is sent.
  await expires.click()
  await app.keyboard.type('12')
  await expect(expires).toHaveValue('')
  await dialog.getByRole('button', { name: 'Record licence' }).click()
  await expect(expires).toHaveAccessibleDescription(
    'Expires on: the date is incomplete or not a real day; complete it or clear the field.',
  )
  await expect(projects.editor.root.locator('.panel-header .chip')).toHaveText('Approved')
  await unrecorded()
})

test('the column layout (here: the sort) is kept across restarts until reset', async ({ app }) => {
  const projects = new ProjectsPage(app)
  await projects.open()
  await projects.headerCell('Name').click()
  await expect(projects.headerCell('Name')).toHaveAttribute('aria-sort', 'ascending')
  await app.reload()
  await projects.open()
  await expect(projects.headerCell('Name')).toHaveAttribute('aria-sort', 'ascending')
  await app.getByRole('button', { name: 'Reset layout' }).click()
  await expect(projects.headerCell('Name')).toHaveAttribute('aria-sort', 'none')
})

test('the deal panel says what is missing and names caps in the form’s words, not the engine’s ids', async ({
  app,
}, testInfo) => {
  const projects = new ProjectsPage(app)
  await projects.open()
  const det = projects.editor.determination

  // An incomplete sample draft: the engine lacks the destination and both headquarters.
  await projects.filterTo('SMPL-26-040')
  await (await projects.cell('SMPL-26-040', 'name')).click()
  await expect(det.locator('.not-determinable')).toHaveText(
    'Not determinable — missing: destination, consignee headquarters, ultimate parent headquarters (or "No ultimate parent")',
  )
  await expect(det).not.toContainText('consigneeHq')
  await expect(det).not.toContainText('parentHq')

  // A UVEU deal shipped under a licence, seen under the diffusion framework: the UVEU's share in
  // India is not counted on the licence route, so its card is shown for contrast, as a share.
  await projects.header.pinPack('us-ai-diffusion-2025')
  await projects.filterTo('SMPL-26-032')
  await (await projects.cell('SMPL-26-032', 'name')).click()
  const uveu = projects.editor.cap('uveu:UVEU-US-0003:IN')
  await expect(uveu.getByTestId('cap-name')).toHaveText('UVEU UVEU-US-0003, share in India')
  await expect(uveu.getByTestId('cap-contrast')).toHaveText(
    "not counted on this deal's route: shown for contrast",
  )
  await expect(uveu).not.toContainText('Exceeded')
  await expect(uveu).not.toContainText('Used')
  await expect(uveu.getByTestId('cap-after')).toHaveText('12.9%')
  await expect(uveu).toContainText('Maximum7.0%')
  await expect(uveu).toContainText('Would be over the maximum by')
  await expect(uveu.getByTestId('cap-remaining')).toHaveText('5.9 points')
  await expect(projects.editor.cap('country:IN').getByTestId('cap-name')).toHaveText(
    'Country allocation, India',
  )
  const warnings = det.locator('.warnings')
  await expect(warnings).toContainText(
    "UVEU UVEU-US-0003, share in India: 12.9% would exceed the limit of 7.0%. Not counted on this deal's route: shown for contrast.",
  )
  await expect(det).not.toContainText('uveu:UVEU-US-0003')
  await testInfo.attach('UVEU share shown for contrast', {
    body: await app.screenshot(),
    contentType: 'image/png',
  })

  // The grid's "Headroom after" names the bucket in words too.
  await projects.header.pack.selectOption('auto')
  await projects.filterTo('SMPL-25-004')
  await expect(await projects.cell('SMPL-25-004', 'headroomImpact')).toHaveText(
    '14,234,400 TPP left (LPP 2025, Tanjong Analytics Sdn Bhd)',
  )
})

test('on the licence route the country allocation is the deal’s own cap, projected, with its breach', async ({
  app,
}, testInfo) => {
  const projects = new ProjectsPage(app)
  await projects.open()
  const det = projects.editor.determination
  // A licence sought for Malaysia past its allocation: denied because of that cap, so the cap is
  // this deal's breach (counted once licensed, reserved from submission), not a contrast.
  await projects.header.pinPack('us-ai-diffusion-2025')
  await projects.filterTo('SMPL-26-037')
  await (await projects.cell('SMPL-26-037', 'name')).click()
  await expect(det).toContainText('Likely denied')
  const my = projects.editor.cap('country:MY')
  await expect(my.getByTestId('cap-name')).toHaveText('Country allocation, Malaysia')
  await expect(my.getByTestId('cap-projected')).toHaveText(
    'projected: counts once licensed; reserved from submission',
  )
  await expect(my.getByTestId('cap-contrast')).toHaveCount(0)
  await expect(my).toContainText('Exceeded')
  await expect(my).toHaveClass(/alert-over/)
  await expect(my).toContainText('Used195.4%')
  await expect(my).not.toContainText('If counted')
  // Its warning is this deal's own; the LPP cap, which the licence route does not draw on, stays contrast.
  const warnings = det.locator('.warnings li')
  await expect(warnings.filter({ hasText: /^Country allocation, Malaysia:/ })).toHaveText(
    'Country allocation, Malaysia: 1,543,968,000 would exceed the limit of 790,000,000.',
  )
  await expect(warnings.filter({ hasText: /^LPP 2026/ })).toContainText('shown for contrast')
  await expect(
    projects.editor.cap('lpp:Meridian Cloud Sdn Bhd:2026').getByTestId('cap-contrast'),
  ).toBeVisible()
  await testInfo.attach('country allocation projected on the licence route', {
    body: await app.screenshot(),
    contentType: 'image/png',
  })
})

test('a preparer sees review steps disabled with the reason, before typing one; a pinned pack not in force holds the recording steps', async ({
  app,
}) => {
  const projects = new ProjectsPage(app)
  await projects.open()
  await projects.header.actAs('a.okafor')
  await projects.filterTo('SMPL-26-035')
  await (await projects.cell('SMPL-26-035', 'name')).click()
  const lifecycle = projects.editor.root.getByRole('group', { name: 'Lifecycle' })
  const why =
    'You act as A. Okafor (sample preparer), a preparer: only a reviewer may approve, return or reject a deal.'
  for (const step of ['Approve', 'Return to preparer', 'Reject']) {
    const button = lifecycle.getByRole('button', { name: step })
    await expect(button).toBeDisabled()
    await expect(button).toHaveAccessibleDescription(why)
  }
  await expect(projects.editor.root.getByTestId('lifecycle-unavailable')).toHaveText(why)
  await expect(lifecycle.getByRole('button', { name: 'Cancel deal' })).toBeEnabled()
  // A reviewer who did not prepare it may approve.
  await projects.header.actAs('m.lindqvist')
  await expect(lifecycle.getByRole('button', { name: 'Approve' })).toBeEnabled()
  await expect(projects.editor.root.getByTestId('lifecycle-unavailable')).toHaveCount(0)
  // A pinned pack other than the one in force on the deal's date is a way of looking: the steps that
  // record a determination wait for Auto; the others do not.
  await projects.header.pinPack('us-ai-diffusion-2025')
  await expect(lifecycle.getByRole('button', { name: 'Approve' })).toBeDisabled()
  await expect(lifecycle.getByRole('button', { name: 'Return to preparer' })).toBeEnabled()
  await expect(projects.editor.root.getByTestId('lifecycle-pack-blocked')).toHaveText(
    "The header pins us-ai-diffusion-2025, but us-advanced-computing-2026 is in force on 2026-08-17: lifecycle steps are recorded under the pack in force. Set the header's rule pack to Auto to take them.",
  )
  await projects.header.pack.selectOption('auto')
  await expect(lifecycle.getByRole('button', { name: 'Approve' })).toBeEnabled()
  await expect(projects.editor.root.getByTestId('lifecycle-pack-blocked')).toHaveCount(0)
})

test('a refused book says how many problems it has and which of them are listed, ids already in the ledger included', async ({
  app,
}) => {
  const projects = new ProjectsPage(app)
  await projects.open()
  const deal = (id: string, quantity = 10) => ({
    id,
    date: '2025-03-10',
    consignee: 'Acme Cloud India',
    destination: 'IN',
    lines: [{ chip: 'H100', quantity }],
  })
  const fileInput = app.getByLabel('Deal book file')
  const refused = app.getByRole('alert').filter({ hasText: 'Nothing was imported' })

  // 25 bad rows: the window lists 20 and says so.
  const bad = Array.from({ length: 25 }, (_, i) => deal(`BAD-${i + 1}`, 0))
  await fileInput.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ deals: bad })),
  })
  await expect(refused).toContainText('Nothing was imported: 25 problems in bad.json. The first 20 of 25:')
  await expect(refused.getByRole('listitem')).toHaveCount(20)
  await expect(refused.getByRole('listitem').first()).toHaveText(
    'Row 1, lines.0.quantity: must be at least 1',
  )
  await app.getByRole('button', { name: 'Dismiss' }).click()

  // A duplicate in the book and an id the ledger already has: both reported.
  await fileInput.setInputFiles({
    name: 'dup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ deals: [deal('NEW-1'), deal('NEW-1'), deal('SMPL-25-002')] })),
  })
  await expect(refused).toContainText('Nothing was imported: 2 problems in dup.json.')
  await expect(refused).not.toContainText('The first')
  await expect(refused.getByRole('listitem')).toHaveText([
    'Row 2, id: duplicate deal id "NEW-1"',
    'Row 3, id: deal SMPL-25-002 is already in the ledger',
  ])
})

test('an imported book of one deal says "1 deal", in the singular', async ({ app }) => {
  const projects = new ProjectsPage(app)
  await projects.open()
  await app.getByLabel('Deal book file').setInputFiles({
    name: 'one.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        deals: [
          {
            id: 'ONE-1',
            date: '2025-03-10',
            consignee: 'Acme Cloud India',
            destination: 'IN',
            lines: [{ chip: 'H100', quantity: 10 }],
          },
        ],
      }),
    ),
  })
  const done = app.getByRole('status').filter({ hasText: 'Imported' })
  await expect(done).toContainText('Imported 1 deal, 0 parties, 0 chips.')
  await expect(done).not.toContainText('1 deals')
})

test('a shipped deal’s allocation is committed, not projected, in the live determination', async ({
  app,
}) => {
  const projects = new ProjectsPage(app)
  await projects.open()
  // Shipped in 2025 under the pack of its date; under the diffusion framework it is on the licence
  // route, where the engine leaves the allocation uncounted until a licence: the ledger committed it.
  await projects.header.pinPack('us-ai-diffusion-2025')
  await projects.filterTo('SMPL-25-023')
  await (await projects.cell('SMPL-25-023', 'name')).click()
  await expect(projects.editor.root.locator('.panel-header .chip')).toHaveText('Shipped')
  const my = projects.editor.cap('country:MY')
  await expect(my.getByTestId('cap-name')).toHaveText('Country allocation, Malaysia')
  await expect(my.getByTestId('cap-projected')).toHaveText('committed: counted since the deal shipped')
  await expect(projects.editor.determination).not.toContainText('counts once licensed;')
})

test('unsaved edits to a draft are thrown away only when the officer says so, from another row or the ✕', async ({
  app,
}, testInfo) => {
  const projects = new ProjectsPage(app)
  await projects.open()
  const a = await hostCall<Created>(app, 'projects.createDraft', indiaDeal('Konkan hall A', 100))
  const b = await hostCall<Created>(app, 'projects.createDraft', indiaDeal('Konkan hall B', 200))
  await app.getByLabel('Quick filter').fill('Konkan hall')
  await expect(projects.total).toHaveText('2 projects')
  const editor = projects.editor
  const name = editor.field('Deal name')
  const dialog = editor.discardDialog

  await (await projects.cell(a.id, 'name')).click()
  await expect(editor.heading()).toHaveText(`${a.id} · Konkan hall A`)
  await name.fill('Konkan hall A, renamed')
  await expect(editor.root.getByText('Unsaved changes')).toBeVisible()

  // Another row: asked first; Escape keeps editing, with the edit and the deal where they were.
  await (await projects.cell(b.id, 'name')).click()
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText(`Deal ${a.id} has changes that are not saved.`)
  await expect(dialog).toContainText(`discard them and open deal ${b.id}`)
  await expect(dialog.getByRole('button', { name: 'Keep editing' })).toBeFocused()
  await testInfo.attach('asked before discarding', { body: await app.screenshot(), contentType: 'image/png' })
  await app.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(editor.heading()).toHaveText(`${a.id} · Konkan hall A`)
  await expect(name).toHaveValue('Konkan hall A, renamed')
  await expect(app).toHaveURL(new RegExp(`id=${a.id}$`))

  // The ✕: asked too; "Keep editing" leaves the panel open and focus on the ✕ it came from.
  await editor.close.click()
  await expect(dialog).toContainText('discard them and close the deal editor')
  await dialog.getByRole('button', { name: 'Keep editing' }).click()
  await expect(dialog).toBeHidden()
  await expect(editor.close).toBeFocused()
  await expect(name).toHaveValue('Konkan hall A, renamed')

  // Escape in the form asks as the ✕ does, and Escape on the question gives the field its focus back.
  await name.focus()
  await app.keyboard.press('Escape')
  await expect(dialog).toBeVisible()
  await app.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(name).toBeFocused()
  await expect(editor.root).toBeVisible()

  // Discard: the other deal opens, and the first keeps its saved name.
  await (await projects.cell(b.id, 'name')).click()
  await dialog.getByRole('button', { name: 'Discard changes' }).click()
  await expect(dialog).toBeHidden()
  await expect(editor.heading()).toHaveText(`${b.id} · Konkan hall B`)
  await (await projects.cell(a.id, 'name')).click()
  await expect(editor.heading()).toHaveText(`${a.id} · Konkan hall A`)
  await expect(name).toHaveValue('Konkan hall A')
  // Nothing unsaved: no question on the way out.
  await editor.close.click()
  await expect(editor.root).toHaveCount(0)
  await expect(dialog).toBeHidden()

  // Ctrl+K to another deal while editing asks too, and "Keep editing" puts the address back.
  await (await projects.cell(a.id, 'name')).click()
  await name.fill('Konkan hall A, again')
  await app.keyboard.press('Control+k')
  const jump = app.getByRole('dialog', { name: 'Jump to project' })
  await jump.getByLabel('Jump to project').fill(b.id)
  await expect(jump.getByRole('option').first()).toContainText(b.id)
  await app.keyboard.press('Enter')
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Keep editing' }).click()
  await expect(app).toHaveURL(new RegExp(`id=${a.id}$`))
  await expect(name).toHaveValue('Konkan hall A, again')
})

test('a half-typed new deal is not lost on the ✕ without asking', async ({ app }) => {
  const projects = new ProjectsPage(app)
  await projects.open()
  const editor = projects.editor
  const newDeal = app.getByRole('button', { name: 'New deal' })
  await newDeal.click()
  await expect(editor.heading()).toHaveText('New deal')
  await editor.field('Deal name').fill('Half-typed Hyderabad deal')
  await editor.field('Consignee').fill('Sahyadri')

  await editor.close.click()
  await expect(editor.discardDialog).toContainText('The new deal has not been saved.')
  await app.keyboard.press('Escape')
  await expect(editor.discardDialog).toBeHidden()
  await expect(editor.field('Deal name')).toHaveValue('Half-typed Hyderabad deal')
  await expect(editor.field('Consignee')).toHaveValue('Sahyadri')
  await expect(editor.close).toBeFocused()

  await editor.close.click()
  await editor.discardDialog.getByRole('button', { name: 'Discard changes' }).click()
  await expect(editor.root).toHaveCount(0)
  // No row to go back to: focus returns to the control that opened the panel, not to the page body.
  await expect(newDeal).toBeFocused()
  // An untouched new deal closes without a question.
  await newDeal.click()
  await editor.close.click()
  await expect(editor.root).toHaveCount(0)
  await expect(editor.discardDialog).toBeHidden()
})

test('closing the deal editor with the ✕ or Escape puts keyboard focus back on the deal’s row', async ({
  app,
}) => {
  const projects = new ProjectsPage(app)
  await projects.open()
  const deal = await hostCall<Created>(app, 'projects.createDraft', indiaDeal('Focus return racks', 10))
  await projects.filterTo(deal.id)
  const editor = projects.editor
  const name = await projects.cell(deal.id, 'name')

  await name.click()
  await expect(editor.heading()).toHaveText(`${deal.id} · Focus return racks`)
  await editor.close.click()
  await expect(editor.root).toHaveCount(0)
  await expect(name).toBeFocused()
  expect(await app.evaluate(() => document.activeElement === document.body)).toBe(false)

  // By keyboard: Enter on the row opens the deal, Escape from a field closes it, focus is on the row.
  await app.keyboard.press('Enter')
  await expect(editor.heading()).toHaveText(`${deal.id} · Focus return racks`)
  await editor.field('Site').focus()
  await app.keyboard.press('Escape')
  await expect(editor.root).toHaveCount(0)
  await expect(name).toBeFocused()

  // Opened from elsewhere (Ctrl+K), the deal's row still takes the focus when the grid has it.
  await app.keyboard.press('Control+k')
  const jump = app.getByRole('dialog', { name: 'Jump to project' })
  await jump.getByLabel('Jump to project').fill(deal.id)
  await expect(jump.getByRole('option').first()).toContainText(deal.id)
  await app.keyboard.press('Enter')
  await expect(editor.heading()).toHaveText(`${deal.id} · Focus return racks`)
  await editor.close.click()
  await expect(app.locator(`[row-id="${deal.id}"] [role="gridcell"]:focus`)).toHaveCount(1)
})

test('edits on screen survive a reload of the ledger, and a version saved elsewhere waits for the officer', async ({
  app,
}, testInfo) => {
  const projects = new ProjectsPage(app)
  await projects.open()
  const deal = await hostCall<Created>(app, 'projects.createDraft', indiaDeal('Nashik GPU hall', 300))
  await projects.filterTo(deal.id)
  const editor = projects.editor
  const name = editor.field('Deal name')
  await (await projects.cell(deal.id, 'name')).click()
  await expect(editor.heading()).toHaveText(`${deal.id} · Nashik GPU hall`)
  await name.fill('Nashik GPU hall, phase 2')

  // Adding a desk user changes the ledger, and every open screen reads it again: the edit stays.
  const addUser = async (user: string) => {
    await app.getByRole('button', { name: 'Add desk user…' }).click()
    const dialog = app.getByRole('dialog', { name: 'Add a desk user' })
    await dialog.getByLabel('User name').fill(user)
    await dialog.getByRole('button', { name: 'Add user' }).click()
    await expect(dialog).toBeHidden()
  }
  await addUser('r.iyer')
  await expect(app.getByLabel('Acting as').locator('option[value="r.iyer"]')).toHaveCount(1)
  await expect(name).toHaveValue('Nashik GPU hall, phase 2')
  await expect(editor.root.getByText('Unsaved changes')).toBeVisible()

  // Saved elsewhere (another window, the CLI) while the edit is on screen: the next read holds the
  // newer version back, says so, and the edit stays with the version it started from.
  await hostCall(app, 'projects.updateDraft', {
    id: deal.id,
    version: 1,
    ...indiaDeal('Nashik GPU hall (rescoped)', 250),
  })
  await addUser('s.menon')
  const newer = editor.root.locator('.deal-newer')
  await expect(newer).toContainText(`Deal ${deal.id} was saved elsewhere while you were editing`)
  await expect(newer).toContainText('now holds version 2')
  await expect(name).toHaveValue('Nashik GPU hall, phase 2')
  await testInfo.attach('a newer version waits', { body: await app.screenshot(), contentType: 'image/png' })

  // Saving the edit would write over version 2: refused, nothing written.
  await editor.root.getByRole('button', { name: 'Save changes' }).click()
  await expect(
    editor.root
      .getByRole('alert')
      .filter({ hasText: `Deal ${deal.id} was changed by someone else (version 2` }),
  ).toBeVisible()
  const stored = await hostCall<{ project: { name: string; version: number } }>(app, 'projects.get', {
    id: deal.id,
  })
  expect(stored.project).toMatchObject({ name: 'Nashik GPU hall (rescoped)', version: 2 })

  // The officer takes the newer version: the form shows it and the notice goes.
  await newer.getByRole('button', { name: 'Load version 2 (discards your edits)' }).click()
  await expect(newer).toHaveCount(0)
  await expect(name).toHaveValue('Nashik GPU hall (rescoped)')
  await expect(editor.root.getByText('Unsaved changes')).toHaveCount(0)
})

// @host-only: in Electron the page's refusal to unload becomes a native question from the main process
// (test/unit/electron/unsaved-prompt.test.ts), which a browser dialog handler cannot answer.
test('leaving the Projects screen, or the page, with unsaved edits asks first @host-only', async ({
  app,
}) => {
  const projects = new ProjectsPage(app)
  await projects.open()
  const deal = await hostCall<Created>(app, 'projects.createDraft', indiaDeal('Nagpur inference pods', 120))
  await projects.filterTo(deal.id)
  const editor = projects.editor
  const name = editor.field('Deal name')
  await (await projects.cell(deal.id, 'name')).click()
  await name.fill('Nagpur inference pods, enlarged')
  const nav = app.getByRole('navigation', { name: 'Screens' })
  const dialog = app.getByRole('dialog', { name: 'Discard unsaved changes?' })

  // Another screen from the navigation: asked; "Keep editing" stays, with the edit and the address.
  await nav.getByRole('link', { name: 'Headroom' }).click()
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText(`Deal ${deal.id} has changes that are not saved.`)
  await expect(dialog).toContainText('discard them and open Headroom')
  await expect(dialog).toHaveCount(1)
  await dialog.getByRole('button', { name: 'Keep editing' }).click()
  await expect(dialog).toBeHidden()
  await expect(name).toHaveValue('Nagpur inference pods, enlarged')
  await expect(app).toHaveURL(new RegExp(`#/projects\\?id=${deal.id}$`))
  await expect(nav.getByRole('link', { name: 'Projects' })).toHaveAttribute('aria-current', 'page')

  // Reloading or closing the page: the browser's own question (beforeunload); dismissed, nothing lost.
  const asked: string[] = []
  app.once('dialog', (d) => {
    asked.push(d.type())
    void d.dismiss()
  })
  await app.close({ runBeforeUnload: true })
  await expect.poll(() => asked).toEqual(['beforeunload'])
  await expect(name).toHaveValue('Nagpur inference pods, enlarged')

  // "Discard changes": the other screen opens; the deal keeps its saved name.
  await nav.getByRole('link', { name: 'Headroom' }).click()
  await dialog.getByRole('button', { name: 'Discard changes' }).click()
  await expect(app).toHaveURL(/#\/headroom$/)
  await expect(nav.getByRole('link', { name: 'Headroom' })).toHaveAttribute('aria-current', 'page')
  const stored = await hostCall<{ project: { name: string } }>(app, 'projects.get', { id: deal.id })
  expect(stored.project.name).toBe('Nagpur inference pods')

  // Nothing unsaved: screens change without a question.
  await projects.open()
  await nav.getByRole('link', { name: 'Countries' }).click()
  await expect(app).toHaveURL(/#\/countries$/)
  await expect(dialog).toBeHidden()
})
