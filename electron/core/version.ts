import { createRequire } from 'node:module'

// Read at run time rather than imported, so the TypeScript projects need not include package.json.
const pkg = createRequire(import.meta.url)('../../package.json') as { version: string }

export const APP_VERSION: string = pkg.version
