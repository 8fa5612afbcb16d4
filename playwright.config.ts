import { defineConfig, type PlaywrightTestProject } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
// The same system Chromium and offline flags the CLI's PDF reports use (`CHROMIUM_PATH` overrides).
import { CHROMIUM_ARGS, chromiumPath } from './electron/reports/chromium'

function electronBinaryPresent(): boolean {
  const pathFile = join(import.meta.dirname, 'node_modules/electron/path.txt')
  if (!existsSync(pathFile)) return false
  return existsSync(
    join(import.meta.dirname, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim()),
  )
}

const projects: PlaywrightTestProject[] = [
  {
    name: 'chromium-host',
    use: {
      launchOptions: {
        executablePath: chromiumPath(),
        args: CHROMIUM_ARGS,
      },
    },
  },
]

if (electronBinaryPresent()) {
  // The same specs, through the desktop shell; specs tagged @host-only need the HTTP host.
  projects.push({ name: 'electron', grepInvert: /@host-only/ })
} else if (!process.env.PLAYWRIGHT_QUIET_ELECTRON) {
  process.env.PLAYWRIGHT_QUIET_ELECTRON = '1'
  console.log(
    'Electron binary not installed: the "electron" e2e project is skipped; the same specs run in Chromium.',
  )
}

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 2,
  // Each test starts its own host, which loads the sample portfolio into a new ledger first.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1440, height: 900 },
  },
  projects,
})
