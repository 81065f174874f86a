// `npm start`: the desktop app. npm installs Electron without its binary (package.json
// allowScripts keeps its download out of `npm install`, which must also work offline), so the
// binary is fetched here on first start. Where that is impossible the app opens in browser
// mode instead, after one line saying why.
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { buildIfStale, ROOT } from './build-if-stale.mjs'
import { runWebHost } from './web.mjs'

const require = createRequire(join(ROOT, 'package.json'))
const electronDir = join(ROOT, 'node_modules', 'electron')

function electronBinary() {
  try {
    const path = require('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

function downloadElectron() {
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, encoding: 'utf8' })
  // The installer prints a stack trace; its first line ("TypeError: fetch failed") is the reason.
  const firstLine = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n').find((line) => line.trim()) ?? ''
  return { ok: result.status === 0, reason: `download failed: ${firstLine.trim() || `exit code ${result.status}`}` }
}

/**
 * better-sqlite3 as npm built it serves Node (tests, CLI, browser mode). Electron needs a copy
 * built for its own ABI; it is built once into .native/electron-<version>/ from a scratch copy
 * of the package, so node_modules keeps the Node build and neither side needs a rebuild.
 */
function ensureElectronSqlite(electronVersion) {
  const target = join(ROOT, '.native', `electron-${electronVersion}`, 'better_sqlite3.node')
  if (existsSync(target)) return target
  console.error(`Building the SQLite module for Electron ${electronVersion} (first start only)…`)
  const scratch = join(ROOT, '.native', 'build')
  rmSync(scratch, { recursive: true, force: true })
  cpSync(join(ROOT, 'node_modules', 'better-sqlite3'), scratch, { recursive: true })
  rmSync(join(scratch, 'build'), { recursive: true, force: true })
  const prebuilt = spawnSync(
    process.execPath,
    [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion, '--verbose'],
    { cwd: scratch, stdio: 'inherit' }
  )
  if (prebuilt.status !== 0) {
    const gyp = join(process.execPath, '..', '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
    const built = spawnSync(
      process.execPath,
      [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'],
      { cwd: scratch, stdio: 'inherit' }
    )
    if (built.status !== 0) return null
  }
  mkdirSync(join(target, '..'), { recursive: true })
  copyFileSync(join(scratch, 'build', 'Release', 'better_sqlite3.node'), target)
  rmSync(scratch, { recursive: true, force: true })
  return target
}

function fallBackToBrowser(reason) {
  console.log(`ICP Workbench: the Electron desktop binary is not available on this machine (${reason}); starting browser mode instead.`)
  runWebHost(process.argv.slice(2))
}

let binary = electronBinary()
if (!binary) {
  const download = downloadElectron()
  binary = download.ok ? electronBinary() : null
  if (!binary) {
    fallBackToBrowser(download.reason)
  }
}
if (binary) {
  const electronVersion = require('electron/package.json').version
  const sqlite = ensureElectronSqlite(electronVersion)
  if (!sqlite) {
    fallBackToBrowser(`the SQLite module could not be built for Electron ${electronVersion}`)
  } else {
    buildIfStale()
    const child = spawn(binary, [ROOT, ...process.argv.slice(2)], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ICP_SQLITE_BINDING: sqlite }
    })
    child.on('exit', (code) => process.exit(code ?? 0))
  }
}
