import { agTestIdFor } from 'ag-grid-community'
import { expect, gridReady, test } from './fixtures'

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

test("reports follow the header's pack, agree with each other, and print words, not ids", async ({
  app,
}, testInfo) => {
  await app.getByRole('link', { name: 'Reports' }).click()
  const controls = app.locator('.reports-controls')
  const ready = app.locator('[data-report-ready="true"]')
  const fingerprint = ready.getByLabel('Ledger fingerprint')
  const headerPack = app.getByRole('banner', { name: 'Workspace' }).getByLabel('Rule pack')

  // The Malaysia statement under the diffusion framework, pinned in the header.
  await headerPack.selectOption('us-ai-diffusion-2025')
  await controls.getByLabel(/^Report/).selectOption('country')
  await controls.getByLabel(/^Country/).selectOption('MY')
  await expect(fingerprint).toContainText('Rule pack us-ai-diffusion-2025 “')
  // Each deal under the statement's pack, as the portfolio lists it: the shipped deal saved as allowed
  // under the pack of its date is likely denied under the diffusion framework's Malaysian allocation.
  await expect(ready.getByTestId('country-outcome-basis')).toHaveText(
    'Outcome and Auth.: each deal evaluated under rule pack us-ai-diffusion-2025.',
  )
  await expect(ready.getByRole('row').filter({ hasText: 'SMPL-25-023' }).last()).toContainText(
    'Shipped2025-08-11432,000,000Likely deniedLICENSE',
  )
  await expect(ready).toContainText('committed against the allocation by licensed, shipped or closed deals')
  // The allocation's bucket in the words the headroom board and the deal panel use, not the ledger's
  // stored label.
  await expect(
    ready.getByRole('cell', { name: 'Country allocation, Malaysia', exact: true }).first(),
  ).toBeVisible()
  await expect(ready).not.toContainText('Country allocation MY')

  // The header changes: the statement follows it at once, with no other control touched.
  await headerPack.selectOption('us-advanced-computing-2025-05')
  await expect(fingerprint).toContainText('Rule pack us-advanced-computing-2025-05 “')
  await expect(app).toHaveURL(/pack=us-advanced-computing-2025-05/)
  await headerPack.selectOption('auto')
  await expect(ready.locator('.report-header, header').first()).toContainText('(timeline)')
  await expect(fingerprint).not.toContainText('us-advanced-computing-2025-05')
  await expect(app).not.toHaveURL(/pack=/)

  // The portfolio under the same pack: statuses and buckets in words, the outcome under the pack.
  await headerPack.selectOption('us-ai-diffusion-2025')
  await controls.getByLabel(/^Report/).selectOption('portfolio')
  const deals = ready.getByTestId('portfolio-deals')
  await expect(deals.getByRole('row').filter({ hasText: 'SMPL-25-023' })).toContainText(
    'Likely deniedLICENSE-345.97M Country allocation, Malaysia',
  )
  await expect(ready.getByTestId('portfolio-outcome-basis')).toHaveText(
    'Outcome, Auth. and Headroom after: each deal evaluated under rule pack us-ai-diffusion-2025.',
  )
  await expect(deals).not.toContainText(/country:|lpp:|nveu:|uveu:/)
  await expect(ready).toContainText('In review')
  await expect(ready).not.toContainText(/\bin review\b/)

  // The determination memo: the deal picker picks the only match on Enter.
  await controls.getByLabel(/^Report/).selectOption('memo')
  const picker = app.getByRole('combobox', { name: 'Deal' })
  await picker.fill('SMPL-26-034')
  await picker.press('Enter')
  await expect(picker).toHaveValue('SMPL-26-034')
  await expect(app).toHaveURL(/project=SMPL-26-034/)
  await expect(ready).toContainText('Requested authorizationIndividual licence')
  await expect(ready).toContainText('TransactionExport from the US')
  await expect(ready).toContainText('StatusReturned')
  await testInfo.attach('memo picked with Enter', {
    body: await app.screenshot({ fullPage: true }),
    contentType: 'image/png',
  })
})

test("a window opened at a report's address starts the header at its pack and date; then the report follows the header", async ({
  app,
}) => {
  // Opened at the address `headroom report country --country MY --pack … --as-of …` prints from (a
  // reload at it is a fresh page at that address; the session's own frame, if any, gives way to it).
  await app.evaluate(() =>
    history.replaceState(
      null,
      '',
      '#/reports?kind=country&paper=a4&orientation=portrait&country=MY&pack=us-ai-diffusion-2025&asOf=2025-09-30',
    ),
  )
  await app.reload()
  const workspace = app.getByRole('banner', { name: 'Workspace' })
  const headerPack = workspace.getByLabel('Rule pack')
  const ready = app.locator('[data-report-ready="true"]')
  const fingerprint = ready.getByLabel('Ledger fingerprint')

  // The header and the report agree from the start.
  await expect(headerPack).toHaveValue('us-ai-diffusion-2025')
  await expect(workspace.getByLabel('As of')).toHaveValue('2025-09-30')
  await expect(fingerprint).toContainText('Rule pack us-ai-diffusion-2025 “')
  await expect(ready.locator('header').first()).toContainText('2025-09-30 (pinned)')
  await expect(app.locator('.reports-controls').getByLabel(/^Country/)).toHaveValue('MY')

  // Another screen keeps that frame, across a reload, as it keeps a header choice.
  await app.getByRole('link', { name: 'Countries' }).click()
  await app.reload()
  await expect(headerPack).toHaveValue('us-ai-diffusion-2025')
  await expect(workspace.getByLabel('As of')).toHaveValue('2025-09-30')
  await app.goBack()
  await expect(fingerprint).toContainText('Rule pack us-ai-diffusion-2025 “')

  // The header moves on: the report and its address follow, rewritten in place, so the Countries page
  // is still ahead (a new entry would have dropped it) and no entry is added.
  const entries = await app.evaluate(() => history.length)
  await headerPack.selectOption('us-advanced-computing-2025-05')
  await expect(fingerprint).toContainText('Rule pack us-advanced-computing-2025-05 “')
  await expect(ready.locator('header').first()).toContainText('As of2025-09-30')
  await expect(app).toHaveURL(/#\/reports\?.*country=MY&pack=us-advanced-computing-2025-05&asOf=2025-09-30/)
  expect(await app.evaluate(() => history.length)).toBe(entries)
  await app.goForward()
  await expect(app).toHaveURL(/#\/countries$/)
  await app.goBack()
  await expect(app).toHaveURL(/pack=us-advanced-computing-2025-05&asOf=2025-09-30/)
  await expect(fingerprint).toContainText('Rule pack us-advanced-computing-2025-05 “')
})

test('the portfolio’s bucket tables show the installed base, as the Headroom board does, so an NVEU row adds up', async ({
  app,
}, testInfo) => {
  // The board: NVEU-IN-0007's first quarter in India, its installed base in its own column.
  const bucket = 'nveu:NVEU-IN-0007:IN:2025-Q1'
  await app.getByRole('link', { name: 'Headroom' }).click()
  const board = await gridReady(app, 'headroom-buckets')
  await board.evaluate(
    (el, detail) => el.dispatchEvent(new CustomEvent('headroom:ensure-visible', { detail })),
    { rowId: bucket, colId: 'installedBase' },
  )
  await expect(board.getByRole('columnheader', { name: 'Installed base (TPP)' })).toBeVisible()
  await expect(app.getByTestId(agTestIdFor.cell(bucket, 'installedBase'))).toHaveText('400,000,000')
  await expect(app.getByTestId(agTestIdFor.cell(bucket, 'remaining'))).toHaveText('74,680,000')

  // The portfolio under the pack that recorded it, in that quarter: the same figures, in the same words.
  await app.getByRole('link', { name: 'Reports' }).click()
  const workspace = app.getByRole('banner', { name: 'Workspace' })
  await workspace.getByLabel('Rule pack').selectOption('us-ai-diffusion-2025')
  await workspace.getByLabel('As of').fill('2025-03-31')
  await app
    .locator('.reports-controls')
    .getByLabel(/^Report/)
    .selectOption('portfolio')
  const ready = app.locator('[data-report-ready="true"]')
  const row = ready.getByRole('row').filter({ hasText: 'NVEU NVEU-IN-0007, India, 2025-Q1' }).first()
  // 633,000,000 − 400,000,000 − 158,320,000 − 0 = 74,680,000.
  await expect(row.getByRole('cell')).toHaveText([
    'NVEU NVEU-IN-0007, India, 2025-Q1',
    '2025-Q1',
    '633,000,000',
    '400,000,000',
    '158,320,000',
    '0',
    '74,680,000',
    '88.2%',
    '80%',
  ])
  const table = ready.getByRole('table').filter({ hasText: 'NVEU NVEU-IN-0007, India, 2025-Q1' }).first()
  await expect(table.getByRole('columnheader')).toHaveText([
    'Bucket',
    'Period',
    'Limit',
    'Installed base',
    'Committed',
    'Reserved',
    'Remaining',
    'Used',
    'Alert',
  ])
  // A row of another kind has no installed base: a dash, not a 0 that would read as "none in place".
  const allocation = ready.getByRole('row').filter({ hasText: 'Country allocation, Malaysia' }).first()
  await expect(allocation.getByRole('cell').nth(3)).toHaveText('–')
  await testInfo.attach('portfolio alerts with the installed base', {
    body: await app.screenshot({ fullPage: true }),
    contentType: 'image/png',
  })
})
