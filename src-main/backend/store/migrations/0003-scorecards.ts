import type { Migration } from './migration'

const OPS = "'in', 'not_in', 'between', 'lt', 'gt', 'is_true', 'is_false', 'contains_any', 'contains_all', 'is_missing'"

/** The operand columns a condition may fill, by op (values live in their own table). */
const CONDITION_CHECKS = `
        CHECK (op IN (${OPS})),
        CHECK (op = 'between' OR (min IS NULL AND max IS NULL)),
        CHECK (op <> 'between' OR min IS NOT NULL OR max IS NOT NULL),
        CHECK (min IS NULL OR max IS NULL OR min <= max),
        CHECK ((op IN ('lt', 'gt')) = (value IS NOT NULL))`

/**
 * Scorecards and their saved versions. Every piece of scorecard content belongs to a
 * *revision*: each scorecard has exactly one working revision (what the editor saves after
 * every edit) and any number of version revisions (named snapshots with a note). Saving a
 * version copies the working rows into a new revision; restoring copies them back. So a
 * version is a full, typed copy that later edits cannot touch, and comparing two versions is
 * reading two revisions.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'scorecards',
  up(db) {
    db.exec(`
      CREATE TABLE scorecard (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 120),
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE scorecard_revision (
        id INTEGER PRIMARY KEY,
        scorecard_id INTEGER NOT NULL REFERENCES scorecard (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('working', 'version')),
        -- versions only: what the snapshot was for ("Q3 review") and when it was taken
        note TEXT CHECK (note IS NULL OR length(trim(note)) > 0),
        saved_at TEXT,
        CHECK ((kind = 'version') = (note IS NOT NULL)),
        CHECK ((kind = 'version') = (saved_at IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX scorecard_one_working_revision ON scorecard_revision (scorecard_id) WHERE kind = 'working';
      CREATE INDEX scorecard_revision_by_scorecard ON scorecard_revision (scorecard_id);

      CREATE TABLE scorecard_category (
        revision_id INTEGER NOT NULL REFERENCES scorecard_revision (id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        budget REAL NOT NULL CHECK (budget >= 0),
        PRIMARY KEY (revision_id, position),
        UNIQUE (revision_id, name)
      ) STRICT;

      CREATE TABLE scorecard_criterion (
        revision_id INTEGER NOT NULL REFERENCES scorecard_revision (id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        -- stable within the scorecard (editor selection, undo, per-criterion reasons)
        criterion_id TEXT NOT NULL CHECK (length(criterion_id) > 0),
        category TEXT NOT NULL,
        attribute TEXT NOT NULL CHECK (length(trim(attribute)) > 0),
        op TEXT NOT NULL,
        min REAL,
        max REAL,
        value REAL,
        points INTEGER NOT NULL,
        label TEXT,
        PRIMARY KEY (revision_id, position),
        UNIQUE (revision_id, criterion_id),
        FOREIGN KEY (revision_id, category) REFERENCES scorecard_category (revision_id, name) ON DELETE CASCADE,
        ${CONDITION_CHECKS}
      ) STRICT;

      -- the listed values of in, not_in, contains_any and contains_all, in order
      CREATE TABLE scorecard_criterion_value (
        revision_id INTEGER NOT NULL,
        criterion_position INTEGER NOT NULL,
        position INTEGER NOT NULL CHECK (position >= 0),
        value TEXT NOT NULL,
        PRIMARY KEY (revision_id, criterion_position, position),
        FOREIGN KEY (revision_id, criterion_position) REFERENCES scorecard_criterion (revision_id, position) ON DELETE CASCADE
      ) STRICT;

      CREATE TABLE scorecard_knockout (
        revision_id INTEGER NOT NULL REFERENCES scorecard_revision (id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        attribute TEXT NOT NULL CHECK (length(trim(attribute)) > 0),
        op TEXT NOT NULL,
        min REAL,
        max REAL,
        value REAL,
        PRIMARY KEY (revision_id, position),
        ${CONDITION_CHECKS}
      ) STRICT;

      CREATE TABLE scorecard_knockout_value (
        revision_id INTEGER NOT NULL,
        knockout_position INTEGER NOT NULL,
        position INTEGER NOT NULL CHECK (position >= 0),
        value TEXT NOT NULL,
        PRIMARY KEY (revision_id, knockout_position, position),
        FOREIGN KEY (revision_id, knockout_position) REFERENCES scorecard_knockout (revision_id, position) ON DELETE CASCADE
      ) STRICT;

      CREATE TABLE scorecard_tier (
        revision_id INTEGER NOT NULL REFERENCES scorecard_revision (id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0 AND name <> 'Disqualified'),
        min INTEGER NOT NULL CHECK (min BETWEEN 0 AND 100),
        color TEXT,
        PRIMARY KEY (revision_id, position),
        UNIQUE (revision_id, name)
      ) STRICT;

      CREATE TABLE scorecard_attribute_cap (
        revision_id INTEGER NOT NULL REFERENCES scorecard_revision (id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        attribute TEXT NOT NULL,
        cap INTEGER NOT NULL CHECK (cap > 0),
        PRIMARY KEY (revision_id, position),
        UNIQUE (revision_id, attribute)
      ) STRICT;
    `)
  }
}
