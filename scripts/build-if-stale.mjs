// Rebuilds out/ with electron-vite when any source is newer than the last build, so
// `npm run web`, `npm start` and the end-to-end tests never serve a stale renderer.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const STAMP = join(ROOT, 'out', '.build-stamp')
const INPUTS = ['src-main', 'src-renderer', 'resources', 'electron.vite.config.ts', 'package.json']

function newestMtime(path) {
  if (!existsSync(path)) return 0
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  let newest = stats.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

export function buildIfStale({ quiet = false } = {}) {
  const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0
  const sources = Math.max(...INPUTS.map((input) => newestMtime(join(ROOT, input))))
  if (built > sources) return
  if (!quiet) console.error('Building ICP Workbench…')
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: ROOT,
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : ['ignore', 'inherit', 'inherit']
  })
  if (result.status !== 0) {
    console.error('The build failed; see the messages above.')
    process.exit(result.status ?? 1)
  }
  writeFileSync(STAMP, new Date().toISOString())
}
