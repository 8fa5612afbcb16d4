import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * File name electron-vite gives the preload bundle. It must be CommonJS: a sandboxed preload is
 * evaluated as a plain script and cannot use `import`.
 */
export const PRELOAD_FILE_NAME = 'index.cjs'

export interface AppPaths {
  preloadFile: string
  /** The only folder the renderer may load files from (see the request filter). */
  rendererRoot: string
  entryFile: string
  /** `file://` URL of `entryFile`: the one page windows may show and IPC may come from. */
  entryUrl: string
}

/** Paths of the built app, from the folder of the built main bundle (`out/main`). */
export function appPaths(mainDir: string): AppPaths {
  const rendererRoot = join(mainDir, '..', 'renderer')
  const entryFile = join(rendererRoot, 'index.html')
  return {
    preloadFile: join(mainDir, '..', 'preload', PRELOAD_FILE_NAME),
    rendererRoot,
    entryFile,
    entryUrl: pathToFileURL(entryFile).href,
  }
}
