// `npm run web`: browser mode. Builds when a source is newer than the last build, then runs the
// built web host (out/main/web.js) with the arguments given after `--`.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { buildIfStale, ROOT } from './build-if-stale.mjs'

export function runWebHost(args, { quietBuild = true } = {}) {
  buildIfStale({ quiet: quietBuild })
  const child = spawn(process.execPath, [join(ROOT, 'out', 'main', 'web.js'), ...args], { cwd: ROOT, stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code) => process.exit(code ?? 0))
}

if (import.meta.url === `file://${process.argv[1]}`) runWebHost(process.argv.slice(2))
