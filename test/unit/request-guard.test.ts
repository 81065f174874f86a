import { describe, expect, it } from 'vitest'
import { isAllowedHost, methodFromPath, tokenMatches } from '../../src-main/web-host/request-guard'

describe('the browser-mode request guard', () => {
  it('accepts only our own loopback origin as Host (no DNS rebinding)', () => {
    expect(isAllowedHost('127.0.0.1:5180', 5180)).toBe(true)
    expect(isAllowedHost('localhost:5180', 5180)).toBe(true)
    expect(isAllowedHost('evil.example:5180', 5180)).toBe(false)
    expect(isAllowedHost('127.0.0.1:5181', 5180)).toBe(false)
    expect(isAllowedHost(undefined, 5180)).toBe(false)
  })

  it('compares tokens exactly', () => {
    expect(tokenMatches('abc123', 'abc123')).toBe(true)
    expect(tokenMatches('abc123', 'abc124')).toBe(false)
    expect(tokenMatches('abc123', 'abc12')).toBe(false)
    expect(tokenMatches('abc123', null)).toBe(false)
  })

  it('maps API paths to method names and nothing else', () => {
    expect(methodFromPath('/api/workspace-open')).toBe('workspace-open')
    expect(methodFromPath('/api/../etc')).toBeNull()
    expect(methodFromPath('/api/Workspace')).toBeNull()
    expect(methodFromPath('/api/a/b')).toBeNull()
  })
})
