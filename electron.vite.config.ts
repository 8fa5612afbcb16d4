import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const dependencies = Object.keys(
  (JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as { dependencies: object })
    .dependencies,
)

/**
 * The main bundle leaves dependencies to Node (loaded from node_modules), as electron-vite does by
 * default, except a dependency's JSON file: Node refuses an ES import of JSON without an import
 * attribute, which the bundler drops, so the main process would not start. Such a file is inlined
 * like the app's own JSON instead.
 */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const nodeLoadsIt = new RegExp(`^(${dependencies.map(escape).join('|')})(/(?!.*\\.json$).*)?$`)

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: false,
      rollupOptions: {
        external: [nodeLoadsIt],
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // Background jobs' thread (electron/jobs/job-runner.ts finds it beside index.js).
          'job-worker': resolve(__dirname, 'electron/jobs/job-worker.ts'),
          // The import's evaluation thread (electron/db/import-thread.ts finds it beside its caller).
          'import-worker': resolve(__dirname, 'electron/db/import-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require a handful of modules, so it is one self-contained bundle.
      externalizeDeps: false,
      // package.json says "type": "module", but a sandboxed preload must be CommonJS.
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
})
