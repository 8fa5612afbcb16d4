import { expect, test } from './fixtures'

test('a new desk adds a reviewer from the header and acts as them', async ({ app }) => {
  const actingAs = app.getByLabel('Acting as')
  await expect(actingAs).toBeVisible()
  // The sample portfolio brings its own preparer and reviewer, so four eyes works out of the box.
  await expect(
    actingAs.locator('option', { hasText: 'M. Lindqvist (sample reviewer) (reviewer)' }),
  ).toHaveCount(1)
  await app.getByRole('button', { name: 'Add desk user…' }).click()
  const dialog = app.getByRole('dialog', { name: 'Add a desk user' })
  await dialog.getByLabel('User name').fill('j.doe')
  await dialog.getByLabel('Display name').fill('J. Doe')
  await dialog.getByLabel('Role').selectOption('reviewer')
  await dialog.getByRole('button', { name: 'Add user' }).click()
  await expect(dialog).toBeHidden()
  await actingAs.selectOption('j.doe')
  await expect(actingAs).toHaveValue('j.doe')
  // A duplicate is refused with the reason, and nothing changes.
  await app.getByRole('button', { name: 'Add desk user…' }).click()
  await dialog.getByLabel('User name').fill('j.doe')
  await dialog.getByRole('button', { name: 'Add user' }).click()
  await expect(dialog.getByRole('alert')).toContainText('already exists')
})

test('the Acting as list keeps one order and one label per user across switches', async ({ app }) => {
  const actingAs = app.getByLabel('Acting as')
  const options = actingAs.locator('option')
  // The OS user has not written yet (unregistered): it acts as a preparer, labelled as every user is,
  // and listed in its place by name, not first because it is acting.
  const osUser = await actingAs.inputValue()
  const values = await options.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
  expect(values).toEqual([...values].sort())
  expect(values).toEqual(expect.arrayContaining(['a.okafor', 'm.lindqvist', osUser]))
  await expect(actingAs.locator(`option[value="${osUser}"]`)).toHaveText(`${osUser} (preparer)`)
  const registered = (await options.allTextContents()).filter((_, i) => values[i] !== osUser)
  expect(registered).toEqual([
    'A. Okafor (sample preparer) (preparer)',
    'M. Lindqvist (sample reviewer) (reviewer)',
  ])
  // Switching changes the selection, not the order or the labels (the unregistered OS user, who
  // cannot be switched back to, leaves the list).
  await actingAs.selectOption('m.lindqvist')
  await expect(actingAs).toHaveValue('m.lindqvist')
  await expect(options).toHaveText(registered)
  await actingAs.selectOption('a.okafor')
  await expect(actingAs).toHaveValue('a.okafor')
  await expect(options).toHaveText(registered)
})

test('removing the sample while acting as its reviewer returns the desk to its own user', async ({ app }) => {
  const actingAs = app.getByLabel('Acting as')
  const osUser = await actingAs.inputValue()
  await actingAs.selectOption('m.lindqvist')
  await expect(actingAs).toHaveValue('m.lindqvist')

  await app.getByRole('link', { name: 'Ledger', exact: true }).click()
  await app.getByRole('button', { name: 'Remove sample data…' }).click()
  await app
    .getByRole('dialog', { name: 'Remove the sample data?' })
    .getByRole('button', { name: 'Remove sample data' })
    .click()
  await expect(app.getByTestId('ledger-outcome')).toContainText(
    `The sample's users can no longer act: you now act as ${osUser}.`,
  )
  // The header follows, and the sample's users are no longer offered.
  await expect(actingAs).toHaveValue(osUser)
  await expect(actingAs.locator('option[value="m.lindqvist"]')).toHaveCount(0)
  await expect(actingAs.locator('option[value="a.okafor"]')).toHaveCount(0)
})
