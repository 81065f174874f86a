// `npm start`: the desktop app. npm installs Electron without its binary (package.json
// allowScripts keeps its download out of `npm install`, which must also work offline), so the
// binary is fetched here on first start. Where that is impossible the app opens in browser
// mode instead, after one line saying why.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { buildIfStale, ROOT } from './build-if-stale.mjs'
import { ensureElectronSqlite } from './electron-sqlite.mjs'
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
  const firstLine =
    `${result.stderr ?? ''}${result.stdout ?? ''}`
      .trim()
      .split('\n')
      .find((line) => line.trim()) ?? ''
  return { ok: result.status === 0, reason: `download failed: ${firstLine.trim() || `exit code ${result.status}`}` }
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
