import { agTestIdFor } from 'ag-grid-community'
import type { Page } from '@playwright/test'
import { expect, gridReady, test } from './fixtures'
import { hostCall } from './pages/api'
import { ProjectsPage } from './pages/ProjectsPage'

/**
 * An officer prepares a deal to India while the AI diffusion framework governed (as-of 2025-03-03:
 * the timeline picks us-ai-diffusion-2025), watches the live determination move from LPP to a licence,
 * submits it, is refused when approving their own work, and a second reviewer approves.
 */
test('deal flow: LPP with remaining allowance, over the limit, submit, four eyes, approve', async ({
  app,
}, testInfo) => {
  test.setTimeout(120_000)
  // Two reviewers: the preparer is a reviewer too, so the refusal below is four eyes, not a role check.
  await hostCall(app, 'users.create', { name: 'm.chen', displayName: 'Maya Chen', role: 'reviewer' })
  await hostCall(app, 'users.create', { name: 'd.okafor', displayName: 'David Okafor', role: 'reviewer' })
  await app.reload()

  const projects = new ProjectsPage(app)
  await projects.open()
  await projects.header.actAs('m.chen')
  await projects.header.setAsOf('2025-03-03')
  const indiaBefore = await indiaReserved(app)
  await projects.open()
  // The header says which rules are in force, and that the timeline chose them.
  await expect(projects.header.inForce).toContainText('us-ai-diffusion-2025')
  await expect(projects.header.inForce).toContainText('Auto')

  await app.getByRole('button', { name: 'New deal' }).click()
  const editor = projects.editor
  // A new deal ships on the as-of date unless the officer says otherwise.
  await expect(editor.field('Planned ship date')).toHaveValue('2025-03-03')
  await editor.fillDeal({
    name: 'Mumbai inference cluster',
    consignee: 'Sahyadri AI Labs Pvt',
    hq: 'IN',
    destination: 'IN',
    chip: 'nvidia-h100-sxm',
    quantity: 1000,
  })

  // 1,000 × 15,832 TPP = 15,832,000 of the consignee's 26,900,000 LPP allowance for 2025.
  await expect(app.getByTestId('det-pack')).toContainText(
    'us-ai-diffusion-2025 governs the ship date 2025-03-03',
  )
  await expect(app.getByTestId('det-authorization')).toContainText('LPP')
  await expect(app.getByTestId('det-licence')).toHaveText('No')
  const lpp = editor.cap('lpp:Sahyadri AI Labs Pvt:2025')
  await expect(lpp.getByTestId('cap-name')).toHaveText('LPP 2025, Sahyadri AI Labs Pvt')
  await expect(lpp.getByTestId('cap-remaining')).toHaveText('11,068,000 TPP')
  await testInfo.attach('deal editor: LPP within the allowance', {
    body: await app.screenshot(),
    contentType: 'image/png',
  })

  // 2,000 H100 = 31,664,000 TPP: over the allowance, so LPP is gone and a licence is needed.
  await editor.field('Quantity (line 1)').fill('2000')
  await expect(app.getByTestId('det-licence')).toHaveText('Yes')
  await expect(app.getByTestId('det-authorization')).toContainText('LICENSE')
  await expect(editor.determination.getByRole('status').first()).toContainText('Licence required')
  await expect(app.getByTestId('det-reasons')).toContainText('Worldwide licence requirement')
  await expect(lpp.getByTestId('cap-remaining')).toHaveText('-4,764,000 TPP')
  await testInfo.attach('deal editor: over the LPP limit', {
    body: await app.screenshot(),
    contentType: 'image/png',
  })

  await editor.root.getByRole('button', { name: 'Save draft' }).click()
  await expect(editor.root.getByRole('heading', { level: 2 }).first()).toContainText(
    'Mumbai inference cluster',
  )
  await expect(editor.root.locator('.panel-header .chip')).toHaveText('Draft')
  const dealId = new URL(app.url()).hash.match(/id=([^&]+)/)![1]!

  await editor.transition('Submit for review')
  await expect(editor.root.locator('.panel-header .chip')).toHaveText('In review')

  // Four eyes: the preparer cannot approve. The panel says so before any reason is typed (Approve is
  // disabled and described by the reason), and the ledger still refuses the step if asked directly.
  const lifecycle = editor.root.getByRole('group', { name: 'Lifecycle' })
  const approve = lifecycle.getByRole('button', { name: 'Approve' })
  await expect(approve).toBeDisabled()
  await expect(approve).toHaveAccessibleDescription(
    'You prepared this deal: approval needs another reviewer (four eyes).',
  )
  // Returning or rejecting one's own deal stays open to a reviewer.
  await expect(lifecycle.getByRole('button', { name: 'Return to preparer' })).toBeEnabled()
  await testInfo.attach('four eyes: self-approval unavailable', {
    body: await app.screenshot(),
    contentType: 'image/png',
  })
  await expect(
    hostCall(app, 'projects.transition', {
      id: dealId,
      to: 'approved',
      reason: 'LPP exceeded; licence application to follow',
    }),
  ).rejects.toThrow('Approval refused')
  await expect(editor.root.locator('.panel-header .chip')).toHaveText('In review')

  await projects.header.actAs('d.okafor')
  await editor.transition('Approve', 'Checked against the diffusion pack; licence application to follow')
  await expect(editor.root.locator('.panel-header .chip')).toHaveText('Approved')
  await expect(editor.root.getByRole('table', { name: 'Status changes' })).toContainText(
    'In review → Approved',
  )
  await expect(editor.root.getByRole('table', { name: 'Status changes' })).toContainText('d.okafor')
  // Approval is not a licence: this deal needs one, so Mark shipped waits for Record licence and says
  // why, as the ledger would if asked.
  const ship = lifecycle.getByRole('button', { name: 'Mark shipped' })
  await expect(ship).toBeDisabled()
  await expect(ship).toHaveAccessibleDescription(
    'This deal needs a licence (its latest determination says one is required) and none is recorded: record the licence first, then mark it shipped.',
  )
  await expect(lifecycle.getByRole('button', { name: 'Record licence' })).toBeEnabled()
  await expect(hostCall(app, 'projects.transition', { id: dealId, to: 'shipped' })).rejects.toThrow(
    'record the licence first',
  )

  // The grid shows the new status for the deal (found by id through the quick filter).
  await projects.filterTo(dealId)
  await expect(await projects.cell(dealId, 'status')).toHaveText('Approved')
  await testInfo.attach('projects grid after approval', {
    body: await app.screenshot(),
    contentType: 'image/png',
  })

  // Approval keeps the reservation the submission made: India's allocation shows it, in the grid,
  // in the country card and in the allocation chart.
  const indiaAfter = await indiaReserved(app)
  expect(indiaAfter.reserved - indiaBefore.reserved).toBe(31_664_000)
  expect(indiaAfter.entries).toBeGreaterThan(indiaBefore.entries)
  await testInfo.attach('countries: India after approval', {
    body: await app.screenshot(),
    contentType: 'image/png',
  })
})

/** India under the diffusion pack on the Countries screen: the grid's reserved TPP and the chart's entry count. */
async function indiaReserved(app: Page): Promise<{ reserved: number; entries: number }> {
  await app.getByRole('link', { name: 'Countries' }).click()
  await app.getByLabel('Rule pack').selectOption('us-ai-diffusion-2025')
  await gridReady(app, 'countries')
  await app.getByLabel('Filter to a country').selectOption('IN')
  const grid = app.getByTestId(agTestIdFor.cell('IN', 'reserved'))
  await expect(grid).toBeVisible()
  const card = app.getByTestId('country-card')
  const chart = card.getByTestId('chart-country-history')
  await expect(chart).toContainText('India: allocation over time')
  const caption = chart.locator('.chart-caption')
  await expect(caption).toContainText('entries')
  const reservedText = (await grid.textContent()) ?? ''
  const entries = Number(/(\d+) entries/.exec((await caption.textContent()) ?? '')?.[1] ?? '0')
  const reserved = reservedText.trim() === '–' ? 0 : Number(reservedText.replace(/[^\d-]/g, ''))
  await app.getByLabel('Rule pack').selectOption('auto')
  return { reserved, entries }
}
