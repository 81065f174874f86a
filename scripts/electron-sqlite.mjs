// better-sqlite3 for Electron's ABI, built once per Electron version into .native/ beside the
// Node build npm made: used by `npm start` and packed into the installers by `npm run dist`.
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { ROOT } from './build-if-stale.mjs'

const require = createRequire(join(ROOT, 'package.json'))

/**
 * better-sqlite3 as npm built it serves Node (tests, CLI, browser mode). Electron needs a copy
 * built for its own ABI; it is built once into .native/electron-<version>/ from a scratch copy
 * of the package, so node_modules keeps the Node build and neither side needs a rebuild.
 */
export function ensureElectronSqlite(electronVersion) {
  const target = join(ROOT, '.native', `electron-${electronVersion}`, 'better_sqlite3.node')
  if (existsSync(target)) return target
  console.error(`Building the SQLite module for Electron ${electronVersion} (once per Electron version)…`)
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
