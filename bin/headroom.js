#!/usr/bin/env node
// The `headroom` command runs the TypeScript core directly through tsx, so `npx headroom` works
// right after `npm ci` without a build step.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../electron/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
