import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fromWire } from '@shared/contract'
import { startWebHost, type WebHost } from '../../src-main/web-host/http-server'
import { tempDir } from '../support/temp-dir'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function send(host: WebHost, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${host.port}`, ...options.headers }
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      }
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const hosts: WebHost[] = []
afterEach(async () => {
  while (hosts.length > 0) await hosts.pop()!.close()
})

async function start(maxBodyBytes?: number): Promise<WebHost> {
  const rendererDir = join(tempDir(), 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>ICP</title>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  const host = await startWebHost({ port: 0, dataDir: join(tempDir(), 'data'), rendererDir, ...(maxBodyBytes ? { maxBodyBytes } : {}) })
  hosts.push(host)
  return host
}

const api = (host: WebHost, method: string, input: unknown, token = host.token) =>
  send(host, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', 'X-ICP-Token': token },
    body: JSON.stringify(input)
  })

describe('the browser-mode web host', () => {
  it('listens on 127.0.0.1 only, with a random token in the printed URL', async () => {
    const host = await start()
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{20,}$`))
    const other = await start()
    expect(other.token).not.toBe(host.token)
  })

  it('serves the renderer with a strict CSP and refuses paths outside it', async () => {
    const host = await start()
    const page = await send(host, { path: '/' })
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toContain("default-src 'self'")
    expect((await send(host, { path: '/assets/app.js' })).status).toBe(200)
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/../../x', '/%00']) {
      expect((await send(host, { path })).status, path).toBe(404)
    }
  })

  it('rejects API calls without the token, and requests for another host name', async () => {
    const host = await start()
    const noToken = await send(host, { method: 'POST', path: '/api/app-info', body: '{}' })
    expect(noToken.status).toBe(401)
    expect(fromWire(noToken.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
    expect((await api(host, 'app-info', {}, 'wrong-token')).status).toBe(401)
    const rebinding = await send(host, { path: '/', headers: { Host: `evil.example:${host.port}` } })
    expect(rebinding.status).toBe(403)
    expect((await send(host, { path: `/api/events?token=nope` })).status).toBe(401)
  })

  it('dispatches API calls to the backend', async () => {
    const host = await start()
    const reply = await api(host, 'app-info', {})
    expect(reply.status).toBe(200)
    expect(fromWire(reply.body)).toMatchObject({ ok: true, value: { host: 'browser', locations: 'data-dir' } })
    const bad = await api(host, 'workspace-open', { path: 5 })
    expect(fromWire(bad.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    const unknown = await api(host, 'nope-nope', {})
    expect(fromWire(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
  })

  it('refuses bodies over the size limit and bodies that are not JSON', async () => {
    const host = await start(1024)
    const big = await api(host, 'workspace-open', { path: 'x'.repeat(5000) })
    expect(big.status).toBe(413)
    const garbled = await send(host, { method: 'POST', path: '/api/app-info', headers: { 'X-ICP-Token': host.token }, body: '{nope' })
    expect(garbled.status).toBe(400)
  })

  it('pushes backend events to subscribers as server-sent events', async () => {
    const host = await start()
    const received = new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}`, headers: { Host: `127.0.0.1:${host.port}` } },
        (res) => {
          let text = ''
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8')
            if (text.includes('event: workspace-changed')) {
              resolve(text)
              req.destroy()
            }
          })
        }
      )
      req.on('error', reject)
      req.end()
    })
    await new Promise((r) => setTimeout(r, 50))
    await api(host, 'workspace-create', { name: 'Pushed', path: 'pushed.icpw' })
    const text = await received
    const data = /data: (.*)\n/.exec(text.slice(text.indexOf('event: workspace-changed')))?.[1]
    expect(fromWire(data!)).toMatchObject({ name: 'Pushed' })
  })
})
