import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const repo = fileURLToPath(new URL('../../../', import.meta.url))
const electronDir = join(repo, 'electron')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(c|m)?(t|j)sx?$/.test(entry.name) ? [path] : []
  })
}

const files = sourceFiles(electronDir).map((path) => ({
  path: relative(repo, path).split(sep).join('/'),
  text: readFileSync(path, 'utf8'),
}))

/** Settings that switch off a process-isolation boundary; none may appear anywhere under electron/. */
const WEAKENED: readonly RegExp[] = [
  /\bsandbox\s*:\s*false\b/,
  /\bcontextIsolation\s*:\s*false\b/,
  /\bwebSecurity\s*:\s*false\b/,
  /\bnodeIntegration(InWorker|InSubFrames)?\s*:\s*true\b/,
  /\bwebviewTag\s*:\s*true\b/,
  /\ballowRunningInsecureContent\s*:\s*true\b/,
]

const IMPORTS_ELECTRON =
  /(\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]electron(\/[^'"]*)?['"]/m
const MAY_IMPORT_ELECTRON = /^electron\/(main|preload)\//

const weakenings = (text: string) => WEAKENED.filter((re) => re.test(text)).map(String)

describe('electron/ source rules', () => {
  it('finds the source files', () => {
    expect(files.map((f) => f.path)).toEqual(
      expect.arrayContaining(['electron/main/index.ts', 'electron/preload/index.ts']),
    )
  })

  it('the patterns catch what they are meant to catch', () => {
    expect(weakenings('webPreferences: { sandbox: false }')).toHaveLength(1)
    expect(weakenings('{ nodeIntegration:true, contextIsolation : false, webSecurity: false }')).toHaveLength(
      3,
    )
    expect(weakenings('{ sandbox: true, nodeIntegration: false }')).toEqual([])
    for (const line of [
      "import { app } from 'electron'",
      'import type { Session } from "electron"',
      "import 'electron'",
      "const e = require('electron')",
      "await import('electron')",
      "import { ipcRenderer } from 'electron/renderer'",
    ]) {
      expect(IMPORTS_ELECTRON.test(line), line).toBe(true)
    }
    expect(IMPORTS_ELECTRON.test("import { x } from '../electron/y'")).toBe(false)
    expect(IMPORTS_ELECTRON.test("import { x } from 'electron-vite'")).toBe(false)
  })

  it('never weakens sandboxing, context isolation, web security or Node integration', () => {
    const offenders = files.flatMap((f) => weakenings(f.text).map((re) => `${f.path}: ${re}`))
    expect(offenders).toEqual([])
  })

  it("imports 'electron' only from electron/main and electron/preload", () => {
    const offenders = files
      .filter((f) => IMPORTS_ELECTRON.test(f.text) && !MAY_IMPORT_ELECTRON.test(f.path))
      .map((f) => f.path)
    expect(offenders).toEqual([])
  })
})
