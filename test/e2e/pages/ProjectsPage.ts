import { expect, type Locator, type Page } from '@playwright/test'
import { agTestIdFor } from 'ag-grid-community'
import type { DeskRole } from '../../../shared/domain/user'

/** The workspace header: pack, as-of date, acting user. */
export class HeaderBar {
  readonly pack: Locator
  readonly asOf: Locator
  readonly user: Locator
  readonly inForce: Locator
  constructor(readonly page: Page) {
    this.pack = page.getByLabel('Rule pack')
    this.asOf = page.getByLabel('As of')
    this.user = page.getByLabel('Acting as')
    this.inForce = page.getByTestId('pack-in-force')
  }
  async pinPack(id: string) {
    await this.pack.selectOption(id)
    await expect(this.inForce).toContainText(id)
    await expect(this.inForce).toContainText('Pinned')
  }
  async setAsOf(date: string) {
    await this.asOf.fill(date)
  }
  async actAs(userName: string) {
    await this.user.selectOption(userName)
    await expect(this.user).toHaveValue(userName)
  }
  /** Adds a desk user from the header's dialog: a write the session learns of, as any screen's is. */
  async addDeskUser(userName: string, role: DeskRole = 'reviewer') {
    await this.page.getByRole('button', { name: 'Add desk user…' }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Add a desk user' })
    await dialog.getByLabel('User name').fill(userName)
    await dialog.getByLabel('Role').selectOption(role)
    await dialog.getByRole('button', { name: 'Add user' }).click()
    await expect(dialog).toBeHidden()
  }
}

/** The deal editor side panel. */
export class DealEditorPanel {
  readonly root: Locator
  readonly determination: Locator
  readonly close: Locator
  /** The question asked before unsaved edits are thrown away. */
  readonly discardDialog: Locator
  constructor(readonly page: Page) {
    this.root = page.locator('aside.deal-panel')
    this.determination = page.getByTestId('determination')
    this.close = this.root.getByRole('button', { name: 'Close deal editor' })
    this.discardDialog = page.getByRole('dialog', { name: 'Discard unsaved changes?' })
  }
  heading() {
    return this.root.getByRole('heading', { level: 2 }).first()
  }
  field(label: string | RegExp) {
    return this.root.getByLabel(label, { exact: typeof label === 'string' })
  }
  async fillDeal(deal: {
    name: string
    consignee: string
    hq: string
    destination: string
    chip: string
    quantity: number
  }) {
    await this.field('Deal name').fill(deal.name)
    await this.field('Consignee').fill(deal.consignee)
    await this.field('Consignee HQ').selectOption(deal.hq)
    await this.field('Ultimate parent HQ').selectOption('none')
    await this.field('Destination').selectOption(deal.destination)
    await this.field('Chip (line 1)').selectOption(deal.chip)
    await this.field('Quantity (line 1)').fill(String(deal.quantity))
  }
  cap(bucket: string) {
    return this.page.getByTestId(`cap-${bucket}`)
  }
  async transition(action: string, reason?: string) {
    await this.root.getByRole('group', { name: 'Lifecycle' }).getByRole('button', { name: action }).click()
    const dialog = this.page.getByRole('dialog')
    if (reason) await dialog.getByLabel(/Reason/).fill(reason)
    await dialog
      .getByRole('button', { name: action === 'Submit for review' ? 'Submit for review' : action })
      .click()
    return dialog
  }
}

/** The Projects screen: grid, toolbar and editor. Cells are found by deal id and column id, never by counting rows. */
export class ProjectsPage {
  readonly header: HeaderBar
  readonly editor: DealEditorPanel
  readonly grid: Locator
  readonly total: Locator
  constructor(readonly page: Page) {
    this.header = new HeaderBar(page)
    this.editor = new DealEditorPanel(page)
    this.grid = page.getByTestId('grid-projects')
    this.total = page.getByTestId('projects-total')
  }
  async open() {
    await this.page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('link', { name: 'Projects' })
      .click()
    await expect(this.grid).toHaveAttribute('data-grid-ready', 'true')
    await expect(this.total).toHaveText(/\d+ projects?$/)
  }
  /** A cell by deal id and column id, scrolled into view through the grid first (virtualised columns are not in the DOM). */
  async cell(dealId: string, colId: string) {
    await this.grid.evaluate(
      (el, detail) => el.dispatchEvent(new CustomEvent('headroom:ensure-visible', { detail })),
      { rowId: dealId, colId },
    )
    return this.page.getByTestId(agTestIdFor.cell(dealId, colId))
  }
  headerCell(name: string) {
    return this.grid.getByRole('columnheader', { name })
  }
  /** Brings a deal to the top of the grid through the ledger's quick filter (not by scrolling and counting). */
  async filterTo(text: string) {
    await this.page.getByLabel('Quick filter').fill(text)
    await expect(this.total).toHaveText(/^1 project$/)
  }
}
