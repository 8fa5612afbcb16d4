import { isAppEntryUrl, type UrlMatchOptions } from './app-url'
import { CONTENT_SECURITY_POLICY, withCspHeader, type ResponseHeaders } from './csp'
import { isAllowedRequest, type ResourceType } from './request-filter'

/*
 * Structural slices of Electron's Session and WebContents. This folder may not import 'electron'
 * (only electron/main and electron/preload may), and taking plain objects lets the tests hand in
 * fakes and check that every installed handler denies.
 */

interface Preventable {
  preventDefault(): void
}

interface FrameNavigation extends Preventable {
  readonly url: string
  readonly isMainFrame: boolean
}

export interface HardenableWebContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
  on(event: 'will-navigate' | 'will-redirect', listener: (event: Preventable, url: string) => void): unknown
  on(event: 'will-frame-navigate', listener: (event: FrameNavigation) => void): unknown
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown
}

export interface HardenableSession {
  setPermissionRequestHandler(
    handler:
      | ((
          webContents: unknown,
          permission: string,
          callback: (granted: boolean) => void,
          details: unknown,
        ) => void)
      | null,
  ): void
  setPermissionCheckHandler(
    handler: ((webContents: unknown, permission: string, origin: string, details: unknown) => boolean) | null,
  ): void
  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void
  setSpellCheckerEnabled(enable: boolean): void
  readonly webRequest: {
    onBeforeRequest(
      listener: (
        details: { url: string; resourceType: ResourceType },
        callback: (response: { cancel?: boolean }) => void,
      ) => void,
    ): void
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: ResponseHeaders }) => void,
      ) => void,
    ): void
  }
}

export interface HardenOptions extends UrlMatchOptions {
  /** `file://` URL of the renderer's entry file: the one page the window may show. */
  entryUrl: string
  /** Folder the renderer's files are loaded from; no other file may be read by the renderer. */
  rendererRoot: string
  /** Development build: allows `devtools://` requests. */
  dev?: boolean
  /** Told about each blocked action, for the log. */
  onBlocked?: (what: string, url: string) => void
}

/** Installs the session-wide guards. Idempotent: each setter replaces what an earlier call installed. */
export function hardenSession(session: HardenableSession, options: HardenOptions): void {
  const blocked = options.onBlocked ?? (() => {})

  // Clear first so any handler installed earlier (by us or a library) cannot linger and grant.
  session.setPermissionRequestHandler(null)
  session.setPermissionCheckHandler(null)
  session.setDevicePermissionHandler(null)
  // The workstation needs no camera, notifications, clipboard-read, geolocation, USB or the like.
  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    blocked(`permission ${permission}`, '')
    callback(false)
  })
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)

  // The spell checker downloads dictionaries from Google's CDN; an offline desk must not phone out.
  session.setSpellCheckerEnabled(false)

  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, options.rendererRoot, {
      dev: options.dev,
      resourceType: details.resourceType,
    })
    if (!allowed) blocked(`request (${details.resourceType})`, details.url)
    callback({ cancel: !allowed })
  })

  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders, CONTENT_SECURITY_POLICY) })
  })
}

/** Installs the per-window guards: no pop-ups, no navigation away, no sub-frame navigation, no <webview>. */
export function hardenWebContents(contents: HardenableWebContents, options: HardenOptions): void {
  const blocked = options.onBlocked ?? (() => {})
  const isEntry = (url: string): boolean => isAppEntryUrl(url, options.entryUrl, options)

  contents.setWindowOpenHandler(({ url }) => {
    blocked('window.open', url)
    return { action: 'deny' }
  })

  const guardTopLevel = (kind: string) => (event: Preventable, url: string) => {
    if (isEntry(url)) return
    event.preventDefault()
    blocked(kind, url)
  }
  contents.on('will-navigate', guardTopLevel('navigation'))
  contents.on('will-redirect', guardTopLevel('redirect'))

  // The app has no frames; any sub-frame navigation is something we did not build.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return
    event.preventDefault()
    blocked('sub-frame navigation', event.url)
  })

  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    blocked('webview', '')
  })
}

/** Both installers, for one window and the session it runs in. */
export function harden(
  session: HardenableSession,
  contents: HardenableWebContents,
  options: HardenOptions,
): void {
  hardenSession(session, options)
  hardenWebContents(contents, options)
}
