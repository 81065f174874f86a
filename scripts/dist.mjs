// `npm run dist`: the desktop installers for the OS this runs on, in dist/ (electron-builder.json):
// AppImage and deb on Linux, dmg on macOS, an NSIS installer on Windows. The SQLite module is
// native code built for Electron on this machine, so each OS builds its own installers.
// Packaging downloads the Electron runtime (and, once, the SQLite module's Electron build);
// the app it produces makes no network request.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { buildIfStale, ROOT } from './build-if-stale.mjs'
import { ensureElectronSqlite } from './electron-sqlite.mjs'

const TARGETS = { linux: '--linux', darwin: '--mac', win32: '--win' }
const target = TARGETS[process.platform]
if (!target) {
  console.error(`npm run dist builds installers on Linux, macOS or Windows, not on ${process.platform}.`)
  process.exit(2)
}

const require = createRequire(join(ROOT, 'package.json'))
const electronVersion = require('electron/package.json').version
buildIfStale()
const binding = ensureElectronSqlite(electronVersion)
if (!binding) {
  console.error(`The SQLite module could not be built for Electron ${electronVersion}; see the messages above.`)
  process.exit(1)
}
// electron-builder.json packs it from this fixed place into resources/native/.
mkdirSync(join(ROOT, '.native', 'dist'), { recursive: true })
copyFileSync(binding, join(ROOT, '.native', 'dist', 'better_sqlite3.node'))

const builder = spawnSync(process.execPath, [require.resolve('electron-builder/cli.js'), target, '--publish', 'never'], {
  cwd: ROOT,
  stdio: 'inherit'
})
process.exit(builder.status ?? 1)
