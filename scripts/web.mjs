// `npm run web`: browser mode. Builds the renderer when needed, then runs the Node web host
// from source (tsx) with the arguments given after `--`.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { buildIfStale, ROOT } from './build-if-stale.mjs'

export function runWebHost(args, { quietBuild = true } = {}) {
  buildIfStale({ quiet: quietBuild })
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src-main', 'web.ts'), ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json') }
  })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code) => process.exit(code ?? 0))
}

if (import.meta.url === `file://${process.argv[1]}`) runWebHost(process.argv.slice(2))
