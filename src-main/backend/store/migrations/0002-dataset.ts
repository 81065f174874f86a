import type { Migration } from './migration'

const TYPES = "'number', 'range', 'date', 'boolean', 'category', 'multi', 'text', 'id'"
const ROLES =
  "'attribute', 'ignore', 'account-id', 'account-name', 'domain', 'deal-id', 'outcome', 'deal-amount', " +
  "'created-date', 'closed-date', 'churned', 'ltv', 'acv', 'nrr', 'tenure', 'nps', 'time-to-value', " +
  "'support-tickets', 'sales-cycle-days'"

/**
 * The imported data. Each column is kept as its distinct raw values (dictionary, JSON array of
 * strings) plus one code per row (little-endian unsigned integers of `code_width` bytes), so a
 * million-row import writes a handful of blobs and types can be changed later without
 * re-reading the file. Raw values are kept as the client sent them; types, missing tokens and
 * hygiene rules are applied when the data is read.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'dataset',
  up(db) {
    db.exec(`
      -- AUTOINCREMENT: a re-imported table never gets its predecessor's id, so caches keyed
      -- by table id cannot serve the old data.
      CREATE TABLE source_table (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL UNIQUE CHECK (kind IN ('accounts', 'deals', 'flat')),
        file_name TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('csv', 'xlsx', 'xlsm', 'xlsb', 'xls', 'ods')),
        sheet_name TEXT,
        encoding TEXT,
        delimiter TEXT,
        header_row INTEGER NOT NULL CHECK (header_row >= 1),
        row_count INTEGER NOT NULL CHECK (row_count >= 0),
        imported_at TEXT NOT NULL
      ) STRICT;

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
        dictionary TEXT NOT NULL,
        -- 1 when every dictionary entry occurs once; 0 for high-cardinality columns stored without de-duplication
        dictionary_unique INTEGER NOT NULL CHECK (dictionary_unique IN (0, 1)),
        code_width INTEGER NOT NULL CHECK (code_width IN (1, 2, 4)),
        codes BLOB NOT NULL,
        PRIMARY KEY (table_id, position),
        UNIQUE (table_id, name)
      ) STRICT;

      CREATE TABLE category (
        name TEXT PRIMARY KEY CHECK (length(trim(name)) > 0),
        position INTEGER NOT NULL
      ) STRICT;
      INSERT INTO category (name, position) VALUES
        ('Firmographic', 0), ('Technographic', 1), ('Triggers', 2), ('Buying process', 3);

      CREATE TABLE outcome_mapping (
        value TEXT PRIMARY KEY,
        outcome TEXT CHECK (outcome IN ('won', 'lost', 'open'))
      ) STRICT;

      CREATE TABLE missing_token (
        token TEXT PRIMARY KEY
      ) STRICT;
      INSERT INTO missing_token (token) VALUES
        (''), ('n/a'), ('na'), ('#n/a'), ('-'), ('--'), ('null'), ('none'), ('nil'), ('select'),
        ('--select--'), ('unknown'), ('tbd'), ('nan');

      CREATE TABLE dataset_join (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        accounts_key TEXT NOT NULL,
        deals_key TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('exact', 'normalized'))
      ) STRICT;

      CREATE TABLE hygiene_rule (
        id INTEGER PRIMARY KEY,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('merge', 'us-state', 'country', 'bands')),
        column_name TEXT NOT NULL,
        merge_to TEXT,
        normalize_to TEXT CHECK (normalize_to IN ('code', 'name')),
        band_preset TEXT CHECK (band_preset IN ('employees', 'revenue', 'custom')),
        CHECK ((kind = 'merge') = (merge_to IS NOT NULL)),
        CHECK ((kind IN ('us-state', 'country')) = (normalize_to IS NOT NULL)),
        CHECK ((kind = 'bands') = (band_preset IS NOT NULL))
      ) STRICT;

      CREATE TABLE hygiene_rule_value (
        rule_id INTEGER NOT NULL REFERENCES hygiene_rule (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        merge_from TEXT,
        band_cut REAL,
        band_label TEXT,
        PRIMARY KEY (rule_id, position)
      ) STRICT;
    `)
  }
}
