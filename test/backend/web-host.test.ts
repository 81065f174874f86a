import { request } from 'node:http'
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fromWire, methods, toWire } from '@shared/contract'
import { odsWithRepeatedEmptyCells, xlsxWithFarCell } from '../support/hostile-files'
import { startWebHost, type WebHost } from '../../src-main/web-host/http-server'
import { tempDir } from '../support/temp-dir'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function send(
  host: WebHost,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string; chunks?: Buffer[] }
): Promise<Reply> {
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
    for (const chunk of options.chunks ?? []) req.write(chunk)
    req.end(options.body)
  })
}

/** Whether a TCP connection to address:port is accepted. */
function accepts(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

const hosts: WebHost[] = []
afterEach(async () => {
  while (hosts.length > 0) await hosts.pop()!.close()
})

async function start(maxBodyBytes?: number): Promise<WebHost> {
  // The renderer and the data folder side by side in one temp folder, so a traversal test can put
  // a file right next to the renderer.
  const base = tempDir()
  const rendererDir = join(base, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>ICP</title>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  const host = await startWebHost({ port: 0, dataDir: join(base, 'data'), rendererDir, ...(maxBodyBytes ? { maxBodyBytes } : {}) })
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

  it('is bound to the IPv4 loopback only: no other interface accepts a connection', async () => {
    const host = await start()
    expect(host.address).toBe('127.0.0.1')
    expect(await accepts('127.0.0.1', host.port)).toBe(true)
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i !== undefined && !i.internal)
      .map((i) => i!.address)
    for (const address of ['::1', ...others]) expect(await accepts(address, host.port), address).toBe(false)
  })

  it('rejects every API method and the event stream without the token (missing, wrong, or in the wrong place)', async () => {
    const host = await start()
    const names = Object.keys(methods)
    expect(names.length).toBeGreaterThan(50)
    for (const method of names) {
      for (const headers of [{}, { 'X-ICP-Token': 'wrong' }, { 'X-ICP-Token': host.token.slice(0, -1) }] as Array<Record<string, string>>) {
        const reply = await send(host, {
          method: 'POST',
          path: `/api/${method}`,
          headers: { 'Content-Type': 'application/json', ...headers },
          body: '{}'
        })
        expect(reply.status, `${method} ${JSON.stringify(headers)}`).toBe(401)
        expect(fromWire(reply.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
      }
      // The token in the query string is accepted for the event stream only, never for a method.
      const query = await send(host, { method: 'POST', path: `/api/${method}?token=${host.token}`, body: '{}' })
      expect(query.status, method).toBe(401)
    }
    for (const path of ['/api/events', '/api/events?token=', `/api/events?token=${host.token}x`, `/api/events?tok=${host.token}`]) {
      expect((await send(host, { path })).status, path).toBe(401)
    }
    // Nothing was done on the way: no workspace was created by the refused calls.
    expect(host.backend.context.locations.list()).toEqual([])
    // The static files are the public build of the renderer (no client data, the same bytes as
    // the app's install folder), served without the token so the page can load to read it.
    expect((await send(host, { path: '/assets/app.js' })).status).toBe(200)
  })

  it('never serves a file outside the renderer, however the path is spelled', async () => {
    const host = await start()
    // The renderer and the data folder share a parent (see start()): put a secret beside the renderer.
    const secretDir = dirname(host.backend.context.locations.dataDir!)
    expect(existsSync(join(secretDir, 'renderer', 'index.html'))).toBe(true)
    writeFileSync(join(secretDir, 'secret.txt'), 'TOP SECRET')
    const paths = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%252e%252e/secret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/assets\\..\\..\\secret.txt',
      `/${secretDir}/secret.txt`,
      `//${secretDir.replace(/^\//, '')}/secret.txt`,
      `/${encodeURIComponent(join(secretDir, 'secret.txt'))}`,
      '/index.html%00.js',
      '/%00',
      '/%',
      '/C:/Windows/win.ini',
      '/..%c0%afsecret.txt'
    ]
    for (const path of paths) {
      const reply = await send(host, { path })
      expect(reply.status, path).toBe(404)
      expect(reply.body, path).not.toContain('TOP SECRET')
    }
  })

  it('refuses workspace file names that could leave the data folder', async () => {
    const host = await start()
    const dataDir = host.backend.context.locations.dataDir!
    const names = [
      '../escape.icpw',
      '..%2fescape.icpw',
      '..\\escape.icpw',
      'sub/escape.icpw',
      '/tmp/escape.icpw',
      'C:\\escape.icpw',
      'escape\u0000.icpw',
      '.hidden.icpw',
      '..',
      ''
    ]
    for (const name of names) {
      for (const method of ['workspace-create', 'workspace-open', 'workspace-inspect'] as const) {
        const reply = await api(host, method, method === 'workspace-create' ? { name: 'X', path: name } : { path: name })
        const result = fromWire(reply.body) as { ok: boolean; error?: { code: string } }
        expect(result.ok, `${method} ${JSON.stringify(name)}`).toBe(false)
        expect(['BAD_INPUT', 'NOT_FOUND'], `${method} ${JSON.stringify(name)}`).toContain(result.error!.code)
      }
    }
    expect(existsSync(join(dirname(dataDir), 'escape.icpw'))).toBe(false)
    expect(existsSync('/tmp/escape.icpw')).toBe(false)
    expect(readdirSync(dataDir).filter((f) => f.endsWith('.icpw'))).toEqual([])
  })

  it('stops reading a body at the limit also when it is streamed without a length', async () => {
    const host = await start(1024)
    const chunks = Array.from({ length: 8 }, () => Buffer.alloc(512, 0x20))
    const streamed = await send(host, {
      method: 'POST',
      path: '/api/app-info',
      headers: { 'X-ICP-Token': host.token, 'Transfer-Encoding': 'chunked' },
      chunks
    })
    expect(streamed.status).toBe(413)
    expect(fromWire(streamed.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    // Just under the limit is fine.
    const small = await send(host, {
      method: 'POST',
      path: '/api/app-info',
      headers: { 'X-ICP-Token': host.token },
      body: `{}${' '.repeat(1000)}`
    })
    expect(small.status).toBe(200)
  })
})

describe('browser mode takes uploads only (issue 17, item 7)', () => {
  // Every method whose input has a file source: each is refused with a path, whatever the path.
  const withSource = (Object.keys(methods) as Array<keyof typeof methods>).filter(
    (m) =>
      methods[m].input.safeParse({ source: { kind: 'path', path: '/etc/hostname' }, name: 'x' }).success ||
      methods[m].input.safeParse({ source: { kind: 'path', path: '/etc/hostname' } }).success
  )

  it('finds the methods that take a file source', () => {
    expect(withSource).toEqual(expect.arrayContaining(['import-inspect', 'scorecard-import-file']))
  })

  it('refuses a path source in every such method, saying nothing of the file (not even whether it exists)', async () => {
    const host = await start()
    expect((await api(host, 'workspace-create', { name: 'W', path: 'w.icpw' })).status).toBe(200)
    const secret = join(tempDir(), 'secret.json')
    writeFileSync(secret, 'root:$y$j9T$very-secret-hash:19000:0:99999:7:::\n')
    for (const method of withSource) {
      const replies = []
      for (const path of [secret, '/nonexistent/file.csv', '/proc/self/environ']) {
        const reply = await api(host, method, { source: { kind: 'path', path } })
        const result = JSON.parse(reply.body) as { ok: boolean; error?: { code: string } }
        expect(result.ok, `${method} ${path}`).toBe(false)
        expect(result.error?.code).toBe('NOT_SUPPORTED')
        expect(reply.body).not.toContain('root:')
        expect(reply.body).not.toContain('very-secret')
        replies.push(reply.body)
      }
      // The same answer for a file that exists and one that does not.
      expect(new Set(replies).size, method).toBe(1)
    }
  })
})

describe('browser mode under hostile uploads (issue 17, item 1; the long run is scripts/soak-hostile.ts)', () => {
  it('answers each with a coded error naming the file and keeps answering', async () => {
    const host = await start()
    expect((await api(host, 'workspace-create', { name: 'W', path: 'w.icpw' })).status).toBe(200)
    const files: Array<[string, Uint8Array]> = [
      ['far.xlsx', xlsxWithFarCell('ZZZZZZ1')],
      ['repeats.ods', odsWithRepeatedEmptyCells(300_000_000)],
      ['rows.xlsx', xlsxWithFarCell('A1000000000')]
    ]
    for (const [fileName, bytes] of files) {
      const reply = await send(host, {
        method: 'POST',
        path: '/api/import-inspect',
        headers: { 'Content-Type': 'application/json', 'X-ICP-Token': host.token },
        body: toWire({ source: { kind: 'upload', fileName, bytes } })
      })
      const result = fromWire(reply.body) as { ok: boolean; error?: { code: string; message: string } }
      expect(result.ok, fileName).toBe(false)
      expect(result.error?.code).toBe('BAD_INPUT')
      expect(result.error?.message).toContain(fileName)
      expect(JSON.parse((await api(host, 'workspace-current', {})).body).ok).toBe(true)
    }
  }, 60_000)
})
