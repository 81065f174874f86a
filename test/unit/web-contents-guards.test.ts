import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { guardWebContents, hardenSession, type GuardedContents, type GuardedSession } from '../../src-main/platform/web-contents-guards'

// The very handler functions harden.ts registers with Electron, driven through fake session and
// webContents objects that record what was registered.

const origin = { rendererDir: '/opt/icp/out/renderer' }
const own = pathToFileURL('/opt/icp/out/renderer/index.html').href

type Listener = (event: { preventDefault(): void }, url: string) => void

function fakeContents() {
  const listeners = new Map<string, Listener>()
  let openHandler: Parameters<GuardedContents['setWindowOpenHandler']>[0] | null = null
  const contents: GuardedContents = {
    on: (event, listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler) => {
      openHandler = handler
    }
  }
  const fire = (event: string, url: string): boolean => {
    let prevented = false
    listeners.get(event)!({ preventDefault: () => (prevented = true) }, url)
    return prevented
  }
  return { contents, listeners, fire, open: (url: string) => openHandler!({ url } as never) }
}

function fakeSession() {
  const registered: {
    permission?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void
    check?: () => boolean
    request?: (details: { url: string; method: string }, callback: (response: { cancel: boolean }) => void) => void
  } = {}
  const session = {
    setPermissionRequestHandler: (handler: never) => (registered.permission = handler),
    setPermissionCheckHandler: (handler: never) => (registered.check = handler),
    webRequest: { onBeforeRequest: (handler: never) => (registered.request = handler) }
  } as unknown as GuardedSession
  return { session, registered }
}

describe('the handlers wired to every webContents', () => {
  it('registers will-navigate, will-redirect, will-attach-webview and a window-open handler', () => {
    const { contents, listeners } = fakeContents()
    guardWebContents(contents, origin, () => undefined)
    expect([...listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect'])
  })

  it('cancels navigation and redirects away from the app, and logs them; allows the app page', () => {
    const log: string[] = []
    const fake = fakeContents()
    guardWebContents(fake.contents, origin, (line) => log.push(line))
    for (const url of ['https://example.com/', 'http://127.0.0.1:9999/', 'file:///home/user/Downloads/evil.html', 'javascript:alert(1)']) {
      expect(fake.fire('will-navigate', url), url).toBe(true)
      expect(fake.fire('will-redirect', url), url).toBe(true)
    }
    expect(fake.fire('will-navigate', own)).toBe(false)
    expect(log).toContain('Blocked navigation: https://example.com/')
    expect(log).toContain('Blocked redirect: https://example.com/')
  })

  it("denies every new window, whatever the URL (even the app's own page)", () => {
    const log: string[] = []
    const fake = fakeContents()
    guardWebContents(fake.contents, origin, (line) => log.push(line))
    for (const url of ['https://example.com/', own, 'about:blank']) expect(fake.open(url)).toEqual({ action: 'deny' })
    expect(log).toContain('Blocked new window: https://example.com/')
  })

  it('never attaches a <webview>', () => {
    const fake = fakeContents()
    guardWebContents(fake.contents, origin, () => undefined)
    expect(fake.fire('will-attach-webview', '')).toBe(true)
  })
})

describe('the handlers wired to the session', () => {
  it('denies every permission request and check', () => {
    const log: string[] = []
    const { session, registered } = fakeSession()
    hardenSession(session, origin, (line) => log.push(line))
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | null = null
      registered.permission!({}, permission, (g) => (granted = g))
      expect(granted, permission).toBe(false)
    }
    expect(registered.check!()).toBe(false)
    expect(log).toContain('Denied permission request: media')
  })

  it("cancels every request that is not the app's own file or in-memory data", () => {
    const log: string[] = []
    const { session, registered } = fakeSession()
    hardenSession(session, origin, (line) => log.push(line))
    const cancelled = (url: string): boolean => {
      let cancel: boolean | null = null
      registered.request!({ url, method: 'GET' }, (r) => (cancel = r.cancel))
      return cancel!
    }
    expect(cancelled(own)).toBe(false)
    expect(cancelled('data:font/woff2;base64,AAAA')).toBe(false)
    for (const url of ['https://fonts.gstatic.com/s/inter.woff2', 'http://localhost:3000/', 'ws://127.0.0.1:1/', 'file:///etc/passwd']) {
      expect(cancelled(url), url).toBe(true)
    }
    expect(log).toContain('Blocked request: GET https://fonts.gstatic.com/s/inter.woff2')
  })
})
