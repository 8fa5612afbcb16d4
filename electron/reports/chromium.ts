/**
 * The system Chromium and its flags, shared by the CLI's PDF reports and the e2e tests. Kept free of
 * imports so the Playwright config can load it without the app's module graph.
 */

/** Offline desk: no Google services, no GPU, and root in containers needs --no-sandbox. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** `CHROMIUM_PATH`, else Debian's Chromium (Playwright cannot download its own here). */
export const chromiumPath = (env: NodeJS.ProcessEnv = process.env): string =>
  env.CHROMIUM_PATH || '/usr/bin/chromium'
