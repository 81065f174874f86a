import type { HandlerDetails, OnBeforeRequestListenerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron'
import { isAllowedNavigation, isAllowedRequest, type AppOrigin } from './request-policy'

// The handlers Electron calls to keep the app offline and on its own page, as plain functions of
// plain arguments (only Electron's types are imported), so they are unit-tested with fake session
// and webContents objects — no Electron binary needed. harden.ts wires them up.

type Log = (line: string) => void

/** The part of Electron's Session the hardening uses. */
export type GuardedSession = {
  setPermissionRequestHandler: Session['setPermissionRequestHandler']
  setPermissionCheckHandler: Session['setPermissionCheckHandler']
  webRequest: { onBeforeRequest: Session['webRequest']['onBeforeRequest'] }
}

/** The part of Electron's WebContents the hardening uses. */
export interface GuardedContents {
  on(
    event: 'will-attach-webview' | 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void
  ): unknown
  setWindowOpenHandler: WebContents['setWindowOpenHandler']
}

/** Every permission (camera, notifications, geolocation, …) is denied and logged. */
export function denyPermissionRequest(log: Log) {
  return (_contents: unknown, permission: string, callback: (granted: boolean) => void): void => {
    log(`Denied permission request: ${permission}`)
    callback(false)
  }
}

export function denyPermissionCheck(): boolean {
  return false
}

/** Only the app's own files and in-memory data/blob URLs load; everything else is cancelled and logged. */
export function filterRequest(origin: AppOrigin, log: Log) {
  return (details: Pick<OnBeforeRequestListenerDetails, 'url' | 'method'>, callback: (response: { cancel: boolean }) => void): void => {
    const allowed = isAllowedRequest(details.url, origin)
    if (!allowed) log(`Blocked request: ${details.method} ${details.url}`)
    callback({ cancel: !allowed })
  }
}

/** window.open, target=_blank links and middle-clicks never open a window. */
export function denyWindowOpen(log: Log) {
  return ({ url }: Pick<HandlerDetails, 'url'>): WindowOpenHandlerResponse => {
    log(`Blocked new window: ${url}`)
    return { action: 'deny' }
  }
}

/** Navigation (a dropped file or link, a stray href, a redirect) away from the app's page is cancelled. */
export function guardNavigation(origin: AppOrigin, log: Log, what = 'navigation') {
  return (event: { preventDefault(): void }, url: string): void => {
    if (!isAllowedNavigation(url, origin)) {
      log(`Blocked ${what}: ${url}`)
      event.preventDefault()
    }
  }
}

/** <webview> tags are never attached. */
export function refuseWebview(event: { preventDefault(): void }): void {
  event.preventDefault()
}

export function hardenSession(session: GuardedSession, origin: AppOrigin, log: Log): void {
  session.setPermissionRequestHandler(denyPermissionRequest(log))
  session.setPermissionCheckHandler(denyPermissionCheck)
  session.webRequest.onBeforeRequest(filterRequest(origin, log))
}

/** Applied to every webContents the app creates (the window, the PDF printer's hidden window). */
export function guardWebContents(contents: GuardedContents, origin: AppOrigin, log: Log): void {
  contents.on('will-attach-webview', refuseWebview)
  contents.setWindowOpenHandler(denyWindowOpen(log))
  contents.on('will-navigate', guardNavigation(origin, log))
  contents.on('will-redirect', guardNavigation(origin, log, 'redirect'))
}
