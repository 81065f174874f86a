import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { APP_NAME, APP_VERSION } from '@shared/app-info'
import { defaultAppDataDir } from './backend/app-data-dir'
import { builtRendererDir } from './backend/app-paths'
import { startWebHost } from './web-host/http-server'

const USAGE = `Usage: npm run web -- [--port N] [--data DIR]

Serves ${APP_NAME} in a browser on 127.0.0.1 (nothing else can connect).
  --port N     port to listen on; 0 (default) picks a free one
  --data DIR   folder where workspaces are kept (default: ${defaultAppDataDir()}/workspaces)
  --help       show this help`

async function main(): Promise<void> {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '0' },
        data: { type: 'string' },
        renderer: { type: 'string' },
        help: { type: 'boolean', default: false },
        version: { type: 'boolean', default: false }
      },
      strict: true
    }))
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`)
    process.exit(2)
  }
  if (values.help) {
    console.log(USAGE)
    return
  }
  if (values.version) {
    console.log(APP_VERSION)
    return
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, not "${values.port}".`)
    process.exit(2)
  }
  const host = await startWebHost({
    port,
    dataDir: resolve(values.data ?? resolve(defaultAppDataDir(), 'workspaces')),
    rendererDir: resolve(values.renderer ?? builtRendererDir())
  })
  console.log(`${APP_NAME} listening on ${host.url}`)
  const stop = (): void => {
    void host.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EADDRINUSE') console.error('That port is already in use; pick another with --port, or 0 for any free port.')
  else console.error(`Browser mode could not start: ${(error as Error).message}`)
  process.exit(1)
})
