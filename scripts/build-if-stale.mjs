// Rebuilds out/ with electron-vite when any source is newer than the last build, so `icp`,
// `npm run web`, `npm start` and the tests never run stale code. From the command line:
// `node scripts/build-if-stale.mjs [--quiet] [--force]` (`npm install` runs it as `prepare`;
// `npm run build` forces a build).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = join(ROOT, 'out')
const STAMP = join(OUT, '.build-stamp')
const LOCK = join(ROOT, '.build-lock')
const INPUTS = [
  'src-main',
  'src-renderer',
  'resources',
  'scripts/crm-generator',
  'scripts/sample-workspace',
  'electron.vite.config.ts',
  'package.json'
]
const ELECTRON_VITE = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
/** Built here, shipped in resources/ (not committed): the product carries no generator code. */
export const SAMPLE_WORKSPACE = join(ROOT, 'resources', 'sample', 'Sample workspace.icpw')

function newestMtime(path) {
  const stats = statSync(path, { throwIfNoEntry: false })
  if (!stats) return 0
  if (!stats.isDirectory()) return stats.mtimeMs
  let newest = stats.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

const isStale = () =>
  !existsSync(SAMPLE_WORKSPACE) ||
  (statSync(STAMP, { throwIfNoEntry: false })?.mtimeMs ?? 0) <= Math.max(...INPUTS.map((input) => newestMtime(join(ROOT, input))))

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

function isRunning(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === 'EPERM'
  }
}

/**
 * One build at a time: electron-vite empties out/ first, so a second build (or a CLI run) during
 * the first would find files missing. Test workers start several at once; the others wait here
 * and then find the build fresh.
 */
function withBuildLock(work) {
  for (;;) {
    try {
      mkdirSync(LOCK)
      break
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
      let holder = 0
      try {
        holder = Number(readFileSync(join(LOCK, 'pid'), 'utf8'))
      } catch {
        // Not written yet, or the holder just finished: look again after the pause.
      }
      if (holder && !isRunning(holder)) rmSync(LOCK, { recursive: true, force: true })
      else sleep(200)
    }
  }
  writeFileSync(join(LOCK, 'pid'), String(process.pid))
  try {
    return work()
  } finally {
    rmSync(LOCK, { recursive: true, force: true })
  }
}

function build(quiet) {
  if (!existsSync(ELECTRON_VITE)) {
    // An install without devDependencies cannot build; what was built before still runs.
    if (existsSync(STAMP)) return
    console.error('ICP Workbench is not built and cannot be: electron-vite is missing. Run "npm install" in the project folder.')
    process.exit(1)
  }
  if (!quiet) console.error('Building ICP Workbench…')
  const result = spawnSync(process.execPath, [ELECTRON_VITE, 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit']
  })
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`)
    console.error('The build failed; see the messages above.')
    process.exit(result.status ?? 1)
  }
  if (!quiet) console.error('Building the sample workspace…')
  mkdirSync(dirname(SAMPLE_WORKSPACE), { recursive: true })
  const sample = spawnSync(
    process.execPath,
    [TSX, join(ROOT, 'scripts', 'sample-workspace', 'build-sample-workspace.ts'), SAMPLE_WORKSPACE],
    {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  if (sample.status !== 0) {
    process.stderr.write(`${sample.stdout ?? ''}${sample.stderr ?? ''}`)
    console.error('Building the sample workspace failed; see the messages above.')
    process.exit(sample.status ?? 1)
  }
  writeFileSync(STAMP, new Date().toISOString())
}

/** Builds when a source is newer than the last build (or always, with `force`). */
export function buildIfStale({ quiet = false, force = false } = {}) {
  if (!force && !isStale()) return
  withBuildLock(() => {
    // Someone else may have built while this process waited for the lock.
    if (force || isStale()) build(quiet)
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // An install without devDependencies has nothing to build with; that must not fail the install.
  if (!existsSync(ELECTRON_VITE)) console.error('Not building ICP Workbench: electron-vite is not installed.')
  else buildIfStale({ quiet: process.argv.includes('--quiet'), force: process.argv.includes('--force') })
}
