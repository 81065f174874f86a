import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * better-sqlite3 is compiled by npm for Node's ABI (tests, CLI, browser mode). Electron needs a
 * copy compiled for its own ABI; scripts/start.mjs builds it into .native/ so the two coexist
 * and neither `npm start` nor `npm test` needs a manual rebuild.
 */
export function electronSqliteBinding(appRoot: string, electronVersion: string): string | undefined {
  const fromEnv = process.env['ICP_SQLITE_BINDING']
  if (fromEnv && existsSync(fromEnv)) return fromEnv
  const built = join(appRoot, '.native', `electron-${electronVersion}`, 'better_sqlite3.node')
  return existsSync(built) ? built : undefined
}
