import { app, type Session } from 'electron'
import { isAllowedNavigation, isAllowedRequest, type AppOrigin } from './request-policy'

/**
 * Electron's security checklist, applied once for the whole app: no permissions, no network,
 * no navigation away from the app, no new windows, no <webview>.
 */
export function hardenApp(session: Session, origin: AppOrigin, log: (line: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`Denied permission request: ${permission}`)
    callback(false)
  })
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, origin)
    if (!allowed) log(`Blocked request: ${details.method} ${details.url}`)
    callback({ cancel: !allowed })
  })
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      log(`Blocked new window: ${url}`)
      return { action: 'deny' }
    })
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url, origin)) {
        log(`Blocked navigation: ${url}`)
        event.preventDefault()
      }
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url, origin)) event.preventDefault()
    })
  })
}
