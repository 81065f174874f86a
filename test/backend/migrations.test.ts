import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../src-main/backend/store/migrate'
import { LATEST_FORMAT_VERSION, MIGRATIONS } from '../../src-main/backend/store/migrations'
import type { Migration } from '../../src-main/backend/store/migrations/migration'
import { tempDir } from '../support/temp-dir'

function freshDb(): Database.Database {
  return new Database(join(tempDir(), 'm.icpw'))
}

function tables(db: Database.Database): Array<{ name: string; sql: string }> {
  return db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{
    name: string
    sql: string
  }>
}

describe('the migration list', () => {
  it('is numbered 1, 2, 3… with no gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
    expect(LATEST_FORMAT_VERSION).toBe(MIGRATIONS.length)
  })
})

describe('migration 0001 (workspace)', () => {
  it('creates the one-row STRICT workspace table and records version 1', () => {
    const db = freshDb()
    migrate(db, MIGRATIONS.slice(0, 1))
    expect(db.pragma('user_version', { simple: true })).toBe(1)
    const workspace = tables(db).find((t) => t.name === 'workspace')
    expect(workspace?.sql).toMatch(/STRICT/)
    db.prepare("INSERT INTO workspace VALUES (1, 'A', 'now', 'now', '0.1.0', 'data')").run()
    expect(() => db.prepare("INSERT INTO workspace VALUES (2, 'B', 'now', 'now', '0.1.0', 'data')").run()).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE workspace SET current_section = 'reports'").run()).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE workspace SET name = '   '").run()).toThrow(/CHECK/)
    // STRICT: a number is not silently stored where text belongs.
    expect(() => db.prepare('UPDATE workspace SET created_at = ?').run(Buffer.from('x'))).toThrow()
    db.close()
  })
})

describe('migrate()', () => {
  const ok = (version: number): Migration => ({
    version,
    name: `t${version}`,
    up: (db) => db.exec(`CREATE TABLE t${version} (id INTEGER PRIMARY KEY) STRICT`)
  })

  it('runs only the pending steps', () => {
    const db = freshDb()
    migrate(db, [ok(1)])
    migrate(db, [ok(1), ok(2)])
    expect(tables(db).map((t) => t.name)).toEqual(['t1', 't2'])
    expect(db.pragma('user_version', { simple: true })).toBe(2)
    db.close()
  })

  it('applies all pending steps in one transaction: a failure leaves the file as it was', () => {
    const db = freshDb()
    const broken: Migration = { version: 3, name: 'broken', up: (d) => d.exec('CREATE TABLE nope (') }
    expect(() => migrate(db, [ok(1), ok(2), broken])).toThrow()
    expect(tables(db)).toEqual([])
    expect(db.pragma('user_version', { simple: true })).toBe(0)
    db.close()
  })

  it('refuses a file from a newer app version without touching it', () => {
    const db = freshDb()
    db.pragma('user_version = 9')
    expect(() => migrate(db, [ok(1)])).toThrow(/newer version of ICP Workbench \(format 9/)
    expect(tables(db)).toEqual([])
    db.close()
  })
})
