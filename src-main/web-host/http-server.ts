import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { fromWire, toWire, type Result } from '@shared/contract'
import { CONTENT_SECURITY_POLICY } from '@shared/content-security-policy'
import { createBackend, type Backend } from '../backend/create-backend'
import { chromiumPrinter } from '../backend/export/chromium-printer'
import { fileRecentWorkspaces } from '../backend/workspace/recent-workspaces'
import { dataDirLocations } from '../backend/workspace/workspace-locations'
import { EventStream } from './event-stream'
import { isAllowedHost, methodFromPath, tokenMatches } from './request-guard'
import { readStaticFile } from './static-files'

export interface WebHostOptions {
  /** 0 picks any free port. */
  port: number
  /** The folder browser-mode workspaces live in. */
  dataDir: string
  /** The built renderer (out/renderer). */
  rendererDir: string
  /** Largest accepted request body; larger requests are refused before they are read. */
  maxBodyBytes?: number
}

export interface WebHost {
  url: string
  /** The address the server is bound to: always the IPv4 loopback. */
  address: string
  port: number
  token: string
  backend: Backend
  close(): Promise<void>
}

export const LOOPBACK = '127.0.0.1'
const DEFAULT_MAX_BODY = 256 * 1024 * 1024

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY'
}

/** Browser mode: the same backend as the desktop app, over HTTP on loopback only. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  mkdirSync(options.dataDir, { recursive: true })
  const token = randomBytes(24).toString('base64url')
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY
  const events = new EventStream()
  const printer = chromiumPrinter(options.rendererDir, { keepWarmMs: 5 * 60_000 })
  const backend = createBackend({
    host: 'browser',
    locations: dataDirLocations(options.dataDir),
    recents: fileRecentWorkspaces(join(options.dataDir, '.recent-workspaces.json')),
    sampleDir: options.dataDir,
    emit: (event, payload) => events.send(event, payload),
    // The PDF prints the very renderer this host serves (--renderer may point elsewhere), with
    // Chromium kept warm between exports for a few minutes.
    printPdf: printer
  })
  let port = options.port

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[web] request failed', error)
      if (!res.headersSent) sendJson(res, 500, internal('The request could not be handled.'))
      else res.end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) {
      sendText(res, 403, 'Forbidden: unknown host.')
      return
    }
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}:${port}`)
    if (url.pathname === '/api/events') {
      if (!tokenMatches(token, url.searchParams.get('token'))) {
        sendJson(res, 401, unauthorized())
        return
      }
      events.attach(res)
      return
    }
    const method = methodFromPath(url.pathname)
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST' || !method) {
        sendJson(res, 404, { ok: false, error: { code: 'UNKNOWN_METHOD', message: `No API endpoint ${req.method} ${url.pathname}.` } })
        return
      }
      const header = req.headers['x-icp-token']
      if (!tokenMatches(token, Array.isArray(header) ? header[0] : header)) {
        req.resume()
        sendJson(res, 401, unauthorized())
        return
      }
      const body = await readBody(req, maxBody)
      if (body === null) {
        sendJson(res, 413, {
          ok: false,
          error: { code: 'BAD_INPUT', message: `The request is larger than the ${Math.round(maxBody / 1048576)} MB limit.` }
        })
        return
      }
      let input: unknown
      try {
        input = body.length === 0 ? {} : fromWire(body.toString('utf8'))
      } catch {
        sendJson(res, 400, { ok: false, error: { code: 'BAD_INPUT', message: 'The request body is not valid JSON.' } })
        return
      }
      sendJson(res, 200, await backend.dispatch(method, input))
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method not allowed.')
      return
    }
    const file = await readStaticFile(options.rendererDir, url.pathname)
    if (!file) {
      sendText(res, 404, url.pathname === '/' ? 'The renderer is not built: run "npm run build".' : 'Not found.')
      return
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Content-Length': file.body.length,
      'Cache-Control': 'no-cache',
      ...(file.contentType.startsWith('text/html') ? { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } : {})
    })
    res.end(req.method === 'HEAD' ? undefined : file.body)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, LOOPBACK, () => resolve())
  })
  const bound = server.address() as AddressInfo
  port = bound.port

  return {
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    address: bound.address,
    port,
    token,
    backend,
    close: () =>
      new Promise<void>((resolve) => {
        events.close()
        backend.close()
        void printer.close()
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limit) {
    req.resume()
    return Promise.resolve(null)
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) tooLarge = true
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function sendJson(res: ServerResponse, status: number, result: Result<unknown>): void {
  const body = toWire(result)
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store'
  })
  res.end(body)
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
  res.end(text)
}

function unauthorized(): Result<never> {
  return {
    ok: false,
    error: { code: 'UNAUTHORIZED', message: 'Missing or wrong access token: reopen the link printed when browser mode started.' }
  }
}

function internal(message: string): Result<never> {
  return { ok: false, error: { code: 'INTERNAL', message } }
}
