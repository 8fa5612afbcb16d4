import { agTestIdFor } from 'ag-grid-community'
import { expect, gridReady, test } from './fixtures'

test('the app opens and the countries grid shows rows from the ledger', async ({ app }, testInfo) => {
  await app.getByRole('link', { name: 'Countries' }).click()
  await gridReady(app, 'countries')
  await expect(app.getByRole('heading', { name: 'Countries' })).toBeVisible()
  // The count comes from the ledger through the contract, not from counting DOM rows.
  await expect(app.getByText(/^\d{3} countries$/)).toBeVisible()
  await expect(app.getByTestId(agTestIdFor.cell('AF', 'name'))).toHaveText('Afghanistan')
  await testInfo.attach('countries', { body: await app.screenshot(), contentType: 'image/png' })
})

test('the app loads with no failed request and no console error @host-only', async ({ host, page }) => {
  const failures: string[] = []
  page.on('response', (r) => {
    if (r.status() >= 400) failures.push(`${r.status()} ${new URL(r.url()).pathname}`)
  })
  page.on('requestfailed', (r) => failures.push(`failed ${new URL(r.url()).pathname}`))
  page.on('console', (m) => {
    if (m.type() === 'error') failures.push(`console: ${m.text()}`)
  })
  await page.goto(host.url)
  await page.getByRole('link', { name: 'Countries' }).click()
  await gridReady(page, 'countries')
  await page.waitForLoadState('networkidle')
  expect(failures).toEqual([])
})

test('the token is required on every request @host-only', async ({ host, request }) => {
  const page = await request.get(`${host.origin}/`)
  expect(page.status()).toBe(401)
  const api = await request.post(`${host.origin}/api/system.ping`, { data: { echo: 'x' } })
  expect(api.status()).toBe(401)
  const wrong = await request.post(`${host.origin}/api/system.ping`, {
    data: { echo: 'x' },
    headers: { 'X-Headroom-Token': 'not-the-token' },
  })
  expect(wrong.status()).toBe(401)
  const right = await request.post(`${host.origin}/api/system.ping`, {
    data: { echo: 'x' },
    headers: { 'X-Headroom-Token': host.token },
  })
  expect(await right.json()).toEqual({ ok: true, value: { echo: 'x' } })
})

test('a foreign Host header is refused @host-only', async ({ host, request }) => {
  const response = await request.post(`${host.origin}/api/system.ping`, {
    data: { echo: 'x' },
    headers: { 'X-Headroom-Token': host.token, Host: `evil.example:${host.port}` },
  })
  expect(response.status()).toBe(403)
})

test('a malformed payload is answered with invalid_input naming the field @host-only', async ({
  host,
  request,
}) => {
  const response = await request.post(`${host.origin}/api/system.ping`, {
    data: { echo: 42 },
    headers: { 'X-Headroom-Token': host.token },
  })
  const body = await response.json()
  expect(body.ok).toBe(false)
  expect(body.error.code).toBe('invalid_input')
  expect(body.error.message).toContain('echo')
})
