#!/usr/bin/env node
// `npm start`: build if needed, then open the workstation in Electron. Where the Electron binary is
// missing (it cannot be downloaded on an offline desk), try Electron's own installer once; if that
// fails too, say why in one sentence and serve the same app through the loopback browser host.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const forceHost = args.includes('--host')
const passThrough = args.filter((a) => a !== '--host')

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs)
  }
  return newest
}

function buildIfNeeded() {
  const built = join(root, 'out', 'renderer', 'index.html')
  const sources = ['renderer', 'shared', 'electron'].map((d) => join(root, d)).filter(existsSync)
  const stale = !existsSync(built) || sources.some((d) => newestMtime(d) > statSync(built).mtimeMs)
  if (!stale) return
  console.log('Building Headroom…')
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  )
  if (result.status !== 0) process.exit(result.status ?? 1)
}

function electronBinary() {
  try {
    const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
    const pathFile = join(pkgDir, 'path.txt')
    if (!existsSync(pathFile)) return null
    const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim())
    return existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

function tryElectronInstaller() {
  try {
    const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
    const result = spawnSync(process.execPath, [join(pkgDir, 'install.js')], {
      cwd: pkgDir,
      encoding: 'utf8',
      timeout: 120_000,
    })
    return result.status === 0
  } catch {
    return false
  }
}

function startHost() {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'electron', 'host', 'main.ts'), ...passThrough],
    {
      cwd: root,
      stdio: 'inherit',
    },
  )
  child.on('exit', (code) => process.exit(code ?? 0))
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
}

buildIfNeeded()
if (forceHost) {
  startHost()
} else {
  let binary = electronBinary()
  if (!binary && tryElectronInstaller()) binary = electronBinary()
  if (binary) {
    const child = spawn(binary, [join(root, 'out', 'main', 'index.js'), ...passThrough], {
      cwd: root,
      stdio: 'inherit',
    })
    child.on('exit', (code) => process.exit(code ?? 0))
  } else {
    console.log(
      'The Electron binary is not installed and could not be downloaded here, so Headroom opens in your browser through its local host instead.',
    )
    startHost()
  }
}
