import type { Migration } from './migration'

/** The workspace's own record: one row, named, remembering where the user was. */
export const migration0001: Migration = {
  version: 1,
  name: 'workspace',
  up(db) {
    db.exec(`
      CREATE TABLE workspace (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        created_by_version TEXT NOT NULL,
        current_section TEXT NOT NULL DEFAULT 'data'
          CHECK (current_section IN ('data', 'discover', 'scorecards', 'simulate', 'export'))
      ) STRICT;
    `)
  }
}
