import { suggestLevel } from '@shared/import/suggest/attribute-level'
import type { Migration } from './migration'

const ROLES =
  "'attribute', 'ignore', 'account-id', 'account-name', 'domain', 'deal-id', 'outcome', 'deal-amount', " +
  "'created-date', 'closed-date', 'churned', 'ltv', 'acv', 'nrr', 'tenure', 'nps', 'time-to-value', " +
  "'support-tickets', 'sales-cycle-days'"

/**
 * What the import now decides per column, kept with it: the attribute's level (account or
 * deal), why the role was suggested, what a number column measures, and which placeholder
 * spellings count as missing in that column (decided from its data, no longer one global list).
 * More tables remember the consultant's choices: placeholder choices and client-facing labels by
 * column header, the settings chosen for a file of a given shape (re-applied to the next file of
 * that shape), and the attributes whose leakage flag they overruled.
 *
 * Existing workspaces keep exactly what they read before: every column gets the global tokens,
 * and levels come from the table (a flat table's columns from their headers).
 */
export const migration0006: Migration = {
  version: 6,
  name: 'column-judgement',
  up(db) {
    db.exec(`
      ALTER TABLE source_column ADD COLUMN level TEXT CHECK (level IN ('account', 'deal'));
      ALTER TABLE source_column ADD COLUMN level_reason TEXT CHECK (length(level_reason) <= 400);
      ALTER TABLE source_column ADD COLUMN role_reason TEXT CHECK (length(role_reason) <= 400);
      ALTER TABLE source_column ADD COLUMN unit TEXT CHECK (unit IN ('money', 'percent', 'count', 'code', 'year', 'number'));

      CREATE TABLE column_missing_token (
        table_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        token TEXT NOT NULL CHECK (token = lower(token) AND length(token) <= 200),
        PRIMARY KEY (table_id, position, token),
        FOREIGN KEY (table_id, position) REFERENCES source_column (table_id, position) ON DELETE CASCADE
      ) STRICT;

      CREATE TABLE placeholder_choice (
        column_key TEXT NOT NULL CHECK (length(column_key) <= 400),
        token TEXT NOT NULL CHECK (token = lower(token) AND length(token) <= 200),
        missing INTEGER NOT NULL CHECK (missing IN (0, 1)),
        PRIMARY KEY (column_key, token)
      ) STRICT;

      CREATE TABLE import_shape_column (
        shape_key TEXT NOT NULL CHECK (length(shape_key) = 64),
        column_key TEXT NOT NULL CHECK (length(column_key) <= 400),
        kind TEXT NOT NULL CHECK (kind IN ('accounts', 'deals', 'flat')),
        type TEXT NOT NULL CHECK (type IN ('number', 'range', 'date', 'boolean', 'category', 'multi', 'text', 'id')),
        role TEXT NOT NULL CHECK (role IN (${ROLES})),
        category TEXT,
        date_order TEXT CHECK (date_order IN ('mdy', 'dmy', 'ymd')),
        level TEXT CHECK (level IN ('account', 'deal')),
        PRIMARY KEY (shape_key, column_key)
      ) STRICT;

      -- Client-facing labels of columns, by header (headerKey), so next quarter's file keeps them.
      CREATE TABLE column_label (
        column_key TEXT PRIMARY KEY CHECK (length(column_key) BETWEEN 1 AND 400),
        label TEXT NOT NULL CHECK (length(trim(label)) BETWEEN 1 AND 120)
      ) STRICT;

      -- Attributes whose leakage flag the consultant overruled (by attribute name, as Discover lists them).
      CREATE TABLE leak_overrule (
        attribute TEXT PRIMARY KEY CHECK (length(attribute) BETWEEN 1 AND 600)
      ) STRICT;

      INSERT INTO column_missing_token (table_id, position, token)
        SELECT c.table_id, c.position, m.token FROM source_column c, missing_token m;
    `)
    const attributes = db
      .prepare(
        `SELECT c.table_id AS tableId, c.position, c.name, t.kind FROM source_column c JOIN source_table t ON t.id = c.table_id
         WHERE c.role = 'attribute'`
      )
      .all() as Array<{ tableId: number; position: number; name: string; kind: 'accounts' | 'deals' | 'flat' }>
    const set = db.prepare('UPDATE source_column SET level = ?, level_reason = ? WHERE table_id = ? AND position = ?')
    for (const column of attributes) {
      const { level, reason } = suggestLevel(column.name, column.kind, null)
      set.run(level, reason, column.tableId, column.position)
    }
  }
}
