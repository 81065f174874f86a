import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isAllowedNavigation, isAllowedRequest, isAppUrl } from '../../src-main/platform/request-policy'

const origin = { rendererDir: '/opt/icp/out/renderer' }
const own = pathToFileURL('/opt/icp/out/renderer/index.html').href

describe('the desktop request policy', () => {
  it("allows the app's own files and in-memory URLs", () => {
    expect(isAllowedRequest(own, origin)).toBe(true)
    expect(isAllowedRequest(pathToFileURL('/opt/icp/out/renderer/assets/app.js').href, origin)).toBe(true)
    expect(isAllowedRequest('data:image/png;base64,AAAA', origin)).toBe(true)
    expect(isAllowedRequest('blob:file:///1234', origin)).toBe(true)
  })

  it('blocks the network and every other file', () => {
    for (const url of [
      'https://fonts.googleapis.com/css?family=Inter',
      'http://127.0.0.1:8080/',
      'wss://example.com/socket',
      'file:///etc/passwd',
      pathToFileURL('/opt/icp/out/renderer/../main/index.js').href,
      'file:///opt/icp/out/renderer-evil/x.js',
      'not a url'
    ]) {
      expect(isAllowedRequest(url, origin), url).toBe(false)
    }
  })

  it('refuses navigation away from the app', () => {
    expect(isAllowedNavigation('https://example.com', origin)).toBe(false)
    expect(isAllowedNavigation('file:///home/user/Downloads/evil.html', origin)).toBe(false)
    expect(isAllowedNavigation(own, origin)).toBe(true)
  })

  it('accepts only the dev server origin when one is configured', () => {
    const dev = { ...origin, devServerUrl: 'http://localhost:5173/' }
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl('http://localhost:5173/', origin)).toBe(false)
  })
})
