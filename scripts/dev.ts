// `npm run dev`: browser mode with the renderer served by Vite's dev server, so an edit to a
// component, a store or a style shows at once (hot module replacement) without a rebuild. The
// backend is the built web host on its own port, reached through Vite's proxy: restart this
// command after changing src-main. `npm run dev -- --data DIR` picks the workspaces folder.
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import react from '@vitejs/plugin-react'
import { createServer, type Plugin } from 'vite'
import { defaultAppDataDir } from '../src-main/backend/app-data-dir'
import { buildRendererIfStale, ROOT, startHost } from './web-host-process'

const { values } = parseArgs({ options: { data: { type: 'string' }, port: { type: 'string', default: '5173' } } })

/**
 * React's hot reload injects an inline script and talks to Vite over a WebSocket; the page's
 * CSP forbids both. Relaxed in the dev server's copy of index.html only: builds keep it whole.
 */
function devContentSecurityPolicy(): Plugin {
  return {
    name: 'icp-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:*")
  }
}

async function main(): Promise<void> {
  buildRendererIfStale()
  const dataDir = resolve(values.data ?? join(defaultAppDataDir(), 'workspaces'))
  mkdirSync(dataDir, { recursive: true })
  const host = await startHost(dataDir)
  const backend = new URL(host.url)
  const token = backend.searchParams.get('token')!
  const server = await createServer({
    configFile: false,
    root: join(ROOT, 'src-renderer'),
    resolve: { alias: { '@shared': join(ROOT, 'src-main', 'shared') } },
    plugins: [react(), devContentSecurityPolicy()],
    worker: { format: 'es' },
    server: {
      host: '127.0.0.1',
      port: Number(values.port),
      // The bundled fonts live in resources/, outside the renderer's root.
      fs: { allow: [ROOT] },
      // The host checks that requests name it (DNS rebinding); the proxy rewrites Host for it.
      // Backend paths only (/api/<method>, /api/events): the renderer's own api/*.ts modules
      // share the prefix and are served by Vite.
      proxy: { '^/api/[a-z-]+(\\?.*)?$': { target: backend.origin, changeOrigin: true } }
    }
  })
  await server.listen()
  const port = server.config.server.port ?? Number(values.port)
  console.log(
    `ICP Workbench (dev) on http://127.0.0.1:${port}/?token=${token} — renderer hot reload; backend ${backend.origin}, data ${dataDir}`
  )
  const stop = async (): Promise<void> => {
    await server.close()
    await host.stop()
    process.exit(0)
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop())
}

void main()
