import { app, type Session } from 'electron'
import type { AppOrigin } from './request-policy'
import { guardWebContents, hardenSession } from './web-contents-guards'

/**
 * Electron's security checklist, applied once for the whole app: no permissions, no network,
 * no navigation away from the app, no new windows, no <webview>. The handlers themselves are
 * plain functions in web-contents-guards.ts (unit-tested).
 */
export function hardenApp(session: Session, origin: AppOrigin, log: (line: string) => void): void {
  hardenSession(session, origin, log)
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, origin, log))
}
