import type { Migration } from './migration'

const TYPES = "'number', 'range', 'date', 'boolean', 'category', 'multi', 'text', 'id'"
const ROLES =
  "'attribute', 'ignore', 'account-id', 'account-name', 'domain', 'deal-id', 'outcome', 'deal-amount', " +
  "'created-date', 'closed-date', 'churned', 'ltv', 'acv', 'nrr', 'tenure', 'nps', 'time-to-value', " +
  "'support-tickets', 'sales-cycle-days'"

/** Every column of source_column, in its new order: what describes a column, then its data. */
const COLUMNS =
  'table_id, position, name, inferred_type, type, role, category, date_order, multi_separators, level, level_reason, ' +
  'role_reason, unit, dictionary_unique, code_width, dictionary, codes'

/**
 * A column's data (its dictionary and codes, megabytes each on a large import) moves to the end
 * of its row. SQLite reads a row's fields in order, and a field stored after a large one is
 * reached only by walking that one's overflow pages: the level, reasons and unit (added by
 * migration 0006 after the data) and the code width made every read of a table's column list
 * read all of its data. On a 1M-row workspace that was 70 ms a call with the file in the page
 * cache, against 0.4 ms for the fields stored before the data.
 *
 * The table is rebuilt (SQLite cannot reorder columns): each row is copied and its old copy
 * deleted before the next, so the pages it frees hold the next one and the file grows by about
 * one column, not by a second copy of the data. The missing tokens, which reference the columns,
 * are set aside and put back, so no delete cascades to them.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'column-data-last',
  up(db) {
    db.exec(`
      CREATE TEMP TABLE moved_missing_token AS SELECT table_id, position, token FROM column_missing_token;
      DROP TABLE column_missing_token;
      ALTER TABLE source_column RENAME TO source_column_before_0010;

      CREATE TABLE source_column (
        table_id INTEGER NOT NULL REFERENCES source_table (id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        name TEXT NOT NULL,
        inferred_type TEXT NOT NULL CHECK (inferred_type IN (${TYPES})),
        type TEXT NOT NULL CHECK (type IN (${TYPES})),
        role TEXT NOT NULL CHECK (role IN (${ROLES})),
        category TEXT,
        date_order TEXT CHECK (date_order IN ('mdy', 'dmy', 'ymd')),
        multi_separators TEXT,
        level TEXT CHECK (level IN ('account', 'deal')),
        level_reason TEXT CHECK (length(level_reason) <= 400),
        role_reason TEXT CHECK (length(role_reason) <= 400),
        unit TEXT CHECK (unit IN ('money', 'percent', 'count', 'code', 'year', 'number')),
        -- 1 when every dictionary entry occurs once; 0 for high-cardinality columns stored without de-duplication
        dictionary_unique INTEGER NOT NULL CHECK (dictionary_unique IN (0, 1)),
        code_width INTEGER NOT NULL CHECK (code_width IN (1, 2, 4)),
        -- The data last (see migration 0010): reading the fields above never walks it.
        dictionary TEXT NOT NULL,
        codes BLOB NOT NULL,
        PRIMARY KEY (table_id, position),
        UNIQUE (table_id, name)
      ) STRICT;
    `)
    const keys = db
      .prepare('SELECT table_id AS tableId, position FROM source_column_before_0010 ORDER BY table_id, position')
      .all() as Array<{
      tableId: number
      position: number
    }>
    const copy = db.prepare(
      `INSERT INTO source_column (${COLUMNS}) SELECT ${COLUMNS} FROM source_column_before_0010 WHERE table_id = ? AND position = ?`
    )
    const remove = db.prepare('DELETE FROM source_column_before_0010 WHERE table_id = ? AND position = ?')
    for (const { tableId, position } of keys) {
      copy.run(tableId, position)
      remove.run(tableId, position)
    }
    db.exec(`
      DROP TABLE source_column_before_0010;

      CREATE TABLE column_missing_token (
        table_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        token TEXT NOT NULL CHECK (token = lower(token) AND length(token) <= 200),
        PRIMARY KEY (table_id, position, token),
        FOREIGN KEY (table_id, position) REFERENCES source_column (table_id, position) ON DELETE CASCADE
      ) STRICT;
      INSERT INTO column_missing_token (table_id, position, token) SELECT table_id, position, token FROM temp.moved_missing_token;
      DROP TABLE temp.moved_missing_token;
    `)
  }
}
