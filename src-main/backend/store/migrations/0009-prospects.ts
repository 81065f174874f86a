import type { Migration } from './migration'

const TYPES = "'number', 'range', 'date', 'boolean', 'category', 'multi', 'text', 'id'"
const SOURCES = "'apollo', 'sales-navigator', 'zoominfo', 'plain'"

/**
 * Prospect lists: accounts with no outcome, from list tools (Apollo, Sales Navigator, ZoomInfo)
 * or a plain CSV. Kept apart from source_table (accounts, deals, flat) because nothing that reads
 * the CRM data (Discover, Simulate, the exports) may see them: they have no outcome and another
 * vocabulary. Columns are stored as source_column stores them (dictionary + codes).
 *
 * The mapping from scorecard attributes to a list's columns and values is kept per tool, so the
 * next list from the same tool arrives mapped: one row per attribute (which column, which part of
 * a "City, State, Country" cell, read through NAICS codes or not, a unit factor such as 1000 for
 * "Revenue (in 000s USD)"), and one row per prospect value the consultant decided (mapped_to NULL:
 * decided to leave unmapped).
 */
export const migration0009: Migration = {
  version: 9,
  name: 'prospects',
  up(db) {
    db.exec(`
      CREATE TABLE prospect_list (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        -- One list at a time: a new import replaces it.
        slot INTEGER NOT NULL UNIQUE DEFAULT 1 CHECK (slot = 1),
        source TEXT NOT NULL CHECK (source IN (${SOURCES})),
        source_reason TEXT NOT NULL,
        file_name TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('csv', 'xlsx', 'xlsm', 'xlsb', 'xls', 'ods')),
        sheet_name TEXT,
        row_count INTEGER NOT NULL CHECK (row_count >= 0),
        imported_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE prospect_column (
        list_id INTEGER NOT NULL REFERENCES prospect_list (id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        name TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN (${TYPES})),
        date_order TEXT CHECK (date_order IN ('mdy', 'dmy', 'ymd')),
        multi_separators TEXT,
        -- Lower-case spellings that count as missing in this column, JSON array of strings.
        missing_tokens TEXT NOT NULL,
        dictionary TEXT NOT NULL,
        dictionary_unique INTEGER NOT NULL CHECK (dictionary_unique IN (0, 1)),
        code_width INTEGER NOT NULL CHECK (code_width IN (1, 2, 4)),
        codes BLOB NOT NULL,
        -- Number and band columns: each dictionary entry read as a band when saved (low and high as
        -- float64, then one state byte: read, empty, unreadable), so scoring never parses them again.
        bands BLOB,
        PRIMARY KEY (list_id, position),
        UNIQUE (list_id, name)
      ) STRICT;

      CREATE TABLE prospect_attribute_map (
        source TEXT NOT NULL CHECK (source IN (${SOURCES})),
        attribute TEXT NOT NULL CHECK (length(attribute) BETWEEN 1 AND 600),
        -- NULL: the consultant decided this attribute has no column in lists from this tool.
        column_name TEXT CHECK (column_name IS NULL OR length(column_name) BETWEEN 1 AND 500),
        part TEXT CHECK (part IN ('city', 'state', 'country')),
        via TEXT CHECK (via IN ('naics')),
        unit_factor REAL NOT NULL DEFAULT 1 CHECK (unit_factor > 0),
        PRIMARY KEY (source, attribute)
      ) STRICT;

      CREATE TABLE prospect_value_map (
        source TEXT NOT NULL CHECK (source IN (${SOURCES})),
        attribute TEXT NOT NULL CHECK (length(attribute) BETWEEN 1 AND 600),
        prospect_value TEXT NOT NULL,
        mapped_to TEXT,
        PRIMARY KEY (source, attribute, prospect_value)
      ) STRICT;

      -- The one-pager's optional market line (the prospect list scored with the scorecard).
      ALTER TABLE one_pager ADD COLUMN show_market INTEGER NOT NULL DEFAULT 0 CHECK (show_market IN (0, 1));
    `)
  }
}
