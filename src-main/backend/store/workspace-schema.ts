import Database from 'better-sqlite3'
import type { Migration } from './migrations/migration'
import { MIGRATIONS } from './migrations'

/**
 * A workspace file holds exactly the schema the app's migrations build, and nothing else. A view
 * or trigger is code that runs when a table is read or written: a file whose `workspace` is a
 * view over an endless recursive query made opening never return (better-sqlite3 has no way to
 * interrupt a query), and a trigger could rewrite data on the next save. So the schema is read
 * from sqlite_schema, which runs nothing, and compared, object by object and SQL text by SQL
 * text, with what the migrations produce for that format version; anything else is refused
 * before any table is read. The queries that follow then only read ordinary tables and indexes,
 * which take time in proportion to the file's size.
 */

interface SchemaObject {
  type: string
  name: string
  sql: string | null
}

const expectedByVersion = new Map<number, Map<string, string | null>>()

/** What the migrations up to `version` create, built once in memory. */
function expectedSchema(version: number, nativeBinding: string | undefined, migrations: readonly Migration[]): Map<string, string | null> {
  const cached = expectedByVersion.get(version)
  if (cached) return cached
  const db = new Database(':memory:', { nativeBinding })
  try {
    for (const step of migrations) if (step.version <= version) step.up(db)
    const objects = db.prepare('SELECT type, name, sql FROM sqlite_schema').all() as SchemaObject[]
    const expected = new Map(objects.map((o) => [`${o.type} ${o.name}`, o.sql] as const))
    expectedByVersion.set(version, expected)
    return expected
  } finally {
    db.close()
  }
}

/** SQLite's own bookkeeping tables (ANALYZE's statistics, AUTOINCREMENT counters). */
const INTERNAL_TABLE = /^sqlite_(stat\d|sequence)$/

/** Thrown with the first thing that is not the app's; the caller words it (and checks the bytes). */
export class UnexpectedSchema extends Error {}

/** Throws UnexpectedSchema naming the first thing that is not the app's. */
export function requireExpectedSchema(
  db: Database.Database,
  formatVersion: number,
  nativeBinding?: string,
  migrations: readonly Migration[] = MIGRATIONS
): void {
  const expected = expectedSchema(formatVersion, nativeBinding, migrations)
  const found = db.prepare('SELECT type, name, sql FROM sqlite_schema').all() as SchemaObject[]
  const seen = new Set<string>()
  for (const object of found) {
    const key = `${object.type} ${object.name}`
    seen.add(key)
    if (object.type === 'table' && INTERNAL_TABLE.test(object.name)) continue
    if (!expected.has(key)) throw new UnexpectedSchema(`it contains a ${object.type} "${object.name}" that ICP Workbench never creates`)
    if (expected.get(key) !== object.sql)
      throw new UnexpectedSchema(`its ${object.type} "${object.name}" is not defined the way ICP Workbench defines it`)
  }
  for (const key of expected.keys()) {
    if (!seen.has(key)) throw new UnexpectedSchema(`its ${key.replace(' ', ' "')}" is missing`)
  }
}
