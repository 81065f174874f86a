import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_VERSION } from '@shared/app-info'
import { CONTENT_SECURITY_POLICY } from '@shared/content-security-policy'

const root = join(__dirname, '..', '..')

describe('app facts', () => {
  it('reports the version package.json declares', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
    expect(APP_VERSION).toBe(pkg.version)
  })

  it('ships the same Content-Security-Policy in index.html as the hosts send', () => {
    const html = readFileSync(join(root, 'src-renderer', 'index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY)
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
  })

  it('references no remote host from the renderer source', () => {
    const html = readFileSync(join(root, 'src-renderer', 'index.html'), 'utf8')
    const css = readFileSync(join(root, 'src-renderer', 'styles', 'fonts.css'), 'utf8')
    for (const text of [html, css]) expect(text).not.toMatch(/https?:\/\//)
  })
})
