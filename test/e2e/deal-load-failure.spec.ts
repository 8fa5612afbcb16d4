import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { startHostProcess } from './host-process'
import { ProjectsPage } from './pages/ProjectsPage'

/**
 * A deal whose record cannot be read (here: its stored determination's JSON was damaged on disk) is
 * shown as a locked error, never as an empty editable form that could be saved over the record.
 * Host-only: it damages a ledger file and starts its own browser host on it.
 */
test('@host-only deal editor: a deal that cannot be read shows the error, no form and no determination', async ({
  page,
}) => {
  const ledgerPath = join(mkdtempSync(join(tmpdir(), 'headroom-e2e-garbled-')), 'ledger.sqlite')
  // A first start creates the ledger with the sample portfolio; then a stored body is damaged.
  await (await startHostProcess({ ledgerPath })).stop()
  const db = new Database(ledgerPath)
  const dealId = db
    .prepare('SELECT project_id FROM determination ORDER BY id LIMIT 1')
    .pluck()
    .get() as string
  db.pragma('ignore_check_constraints = 1')
  db.exec('DROP TRIGGER determination_no_update')
  db.prepare("UPDATE determination SET body = 'XXXXXXXXXXXXXXXX' || body WHERE project_id = ?").run(dealId)
  db.close()

  const host = await startHostProcess({ ledgerPath })
  try {
    await page.goto(host.url)
    const projects = new ProjectsPage(page)
    await projects.open()
    await (await projects.cell(dealId, 'name')).click()
    const editor = projects.editor.root
    await expect(editor.getByRole('alert')).toContainText(
      `Deal ${dealId} could not be read from the ledger, so it is not shown and cannot be edited`,
    )
    await expect(editor.getByRole('button', { name: 'Retry' })).toBeVisible()
    await expect(editor.getByRole('form', { name: 'Deal' })).toHaveCount(0)
    await expect(editor.getByRole('textbox')).toHaveCount(0)
    await expect(projects.editor.determination).toHaveCount(0)
    await expect(editor.getByRole('button', { name: /Save|Submit|Delete/ })).toHaveCount(0)
    await expect(editor).not.toContainText('Not determinable')
    // Retry reads again and fails again; Close closes the panel.
    await editor.getByRole('button', { name: 'Retry' }).click()
    await expect(editor.getByRole('alert')).toContainText(`Deal ${dealId} could not be read`)
    await editor.getByRole('button', { name: 'Close', exact: true }).click()
    await expect(editor).toHaveCount(0)
  } finally {
    await host.stop()
  }
})
