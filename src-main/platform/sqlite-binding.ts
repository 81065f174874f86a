import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * better-sqlite3 is compiled by npm for Node's ABI (tests, CLI, browser mode). Electron needs a
 * copy compiled for its own ABI: in an installed app it is in resources/native/ (put there by
 * `npm run dist`, see electron-builder.json); from the source tree scripts/start.mjs builds it
 * into .native/ so the two coexist and neither `npm start` nor `npm test` needs a manual rebuild.
 */
export function electronSqliteBinding(appRoot: string, electronVersion: string, resourcesPath: string | null): string | undefined {
  const fromEnv = process.env['ICP_SQLITE_BINDING']
  const candidates = [
    ...(fromEnv ? [fromEnv] : []),
    ...(resourcesPath ? [join(resourcesPath, 'native', 'better_sqlite3.node')] : []),
    join(appRoot, '.native', `electron-${electronVersion}`, 'better_sqlite3.node')
  ]
  return candidates.find((candidate) => existsSync(candidate))
}
