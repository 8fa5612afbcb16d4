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
