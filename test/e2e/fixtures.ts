import { test as base, expect, _electron, type Locator, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startHostProcess, type HostProcess } from './host-process'

export { expect }

interface Options {
  /**
   * Extra flags for the browser host the `app` fixture starts, e.g. `['--job-pace-ms', '100']` so a
   * background job is certainly still running when the test reloads the window or cancels it.
   */
  hostArgs: string[]
}

interface Fixtures {
  /** The real browser host with a fresh ledger of its own. Host-only specs use it for HTTP checks. */
  host: HostProcess
  /** The app, opened and ready: in Chromium through the browser host, or in Electron. */
  app: Page
}

const repoRoot = resolve(import.meta.dirname, '..', '..')

export const test = base.extend<Fixtures & Options>({
  hostArgs: [[], { option: true }],
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const host = await startHostProcess()
    await use(host)
    await host.stop()
  },
  app: async ({ page, hostArgs }, use, testInfo) => {
    if (testInfo.project.name === 'electron') {
      const dataDir = mkdtempSync(join(tmpdir(), 'headroom-electron-'))
      const electronApp = await _electron.launch({
        args: [join(repoRoot, 'out/main/index.js'), '--db', join(dataDir, 'ledger.sqlite'), ...hostArgs],
        cwd: repoRoot,
      })
      const window = await electronApp.firstWindow()
      await use(window)
      await electronApp.close()
      rmSync(dataDir, { recursive: true, force: true })
      return
    }
    const host = await startHostProcess({ extraArgs: hostArgs })
    await page.goto(host.url)
    await use(page)
    await host.stop()
  },
})

/** Waits for a grid to have loaded its rows (the DataGrid sets the marker). */
export async function gridReady(page: Page, gridId: string) {
  const grid = page.getByTestId(`grid-${gridId}`)
  await expect(grid).toHaveAttribute('data-grid-ready', 'true')
  return grid
}

/**
 * Records every state the buttons inside `container` pass through, from now on. A state that lasts
 * only until the next poll (a "Cancelling…" shown while a fast rollback ends) can be gone before an
 * `expect` first looks; the record keeps it, so the test asserts that it was shown, not how long.
 */
export async function recordButtonStates(container: Locator): Promise<() => Promise<ButtonState[]>> {
  const key = `__buttonStates${Math.random().toString(36).slice(2)}`
  await container.evaluate((root, key) => {
    const seen: ButtonState[] = []
    const note = () => {
      for (const b of Array.from(root.querySelectorAll('button'))) {
        const state = { text: b.textContent ?? '', disabled: b.disabled }
        const last = seen.at(-1)
        if (!last || last.text !== state.text || last.disabled !== state.disabled) seen.push(state)
      }
    }
    note()
    new MutationObserver(note).observe(root, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    })
    ;(window as unknown as Record<string, ButtonState[]>)[key] = seen
  }, key)
  return () =>
    container.page().evaluate((key) => (window as unknown as Record<string, ButtonState[]>)[key], key)
}

export interface ButtonState {
  text: string
  disabled: boolean
}

/**
 * Holds the app's calls to one operation of the browser host (`/api/<op>`) until the returned
 * `release` lets them through, so a test sees what a screen shows while an answer is on its way
 * without sleeping. A later hold of the same operation takes over from this one (Playwright runs the
 * newest route first). Host-only: Electron's calls do not travel over HTTP.
 */
export async function holdOperation(page: Page, op: string): Promise<() => void> {
  let release: () => void = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(`**/api/${op}`, async (route) => {
    await held
    await route.continue()
  })
  return release
}
