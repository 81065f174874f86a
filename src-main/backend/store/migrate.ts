import type { Database } from 'better-sqlite3'
import { AppError } from '../app-error'
import type { Migration } from './migrations/migration'
import { MIGRATIONS } from './migrations'

export function formatVersionOf(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Brings a workspace to the latest schema. All pending steps run in one transaction, so a file
 * is either fully upgraded or untouched; a file from a newer app version is refused.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations[migrations.length - 1]?.version ?? 0
  const current = formatVersionOf(db)
  if (current > latest) {
    throw new AppError(
      'NEWER_VERSION',
      `This workspace was saved by a newer version of ICP Workbench (format ${current}; this version reads up to ${latest}). Update the app to open it.`,
      { formatVersion: current, supportedVersion: latest }
    )
  }
  const pending = migrations.filter((m) => m.version > current)
  if (pending.length === 0) return current
  db.transaction(() => {
    for (const step of pending) {
      step.up(db)
      db.pragma(`user_version = ${step.version}`)
    }
  })()
  return latest
}
