import type { Migration } from './migration'

const BLOCKS =
  "'header', 'statement', 'definition', 'scorecard', 'disqualifiers', 'buying', 'channels', 'messaging', 'evidence', 'core-vs-adjacent'"

/** Free text the consultant types: bounded so a pasted novel cannot bloat the workspace. */
const text = (column: string, max: number): string => `${column} TEXT NOT NULL CHECK (length(${column}) <= ${max})`

/**
 * The ICP one-pager the consultant edits in the Export section, one per scorecard: its fields
 * as typed columns, its statements and its block order as rows (so the file stays readable and
 * checkable with plain SQL). Deleting the scorecard deletes its one-pager; deleting the
 * scorecard it shows as "Adjacent ICP" only clears that choice.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'one-pager',
  up(db) {
    db.exec(`
      CREATE TABLE one_pager (
        scorecard_id INTEGER PRIMARY KEY REFERENCES scorecard (id) ON DELETE CASCADE,
        ${text('client_name', 120)},
        ${text('prepared_by', 120)},
        date TEXT NOT NULL CHECK (date = '' OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        brand_color TEXT NOT NULL CHECK (length(brand_color) = 7 AND brand_color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),
        logo_data_url TEXT CHECK (logo_data_url IS NULL OR (logo_data_url GLOB 'data:image/*' AND length(logo_data_url) <= 1500000)),
        paper TEXT NOT NULL CHECK (paper IN ('letter', 'a4')),
        ${text('economic_buyer', 400)},
        ${text('champion', 400)},
        ${text('triggers', 600)},
        ${text('channel_outbound', 300)},
        ${text('channel_content', 300)},
        ${text('channel_partners', 300)},
        ${text('channel_marketplaces', 300)},
        ${text('message_target', 300)},
        ${text('message_context', 300)},
        ${text('message_cost', 300)},
        ${text('message_change', 300)},
        adjacent_scorecard_id INTEGER REFERENCES scorecard (id) ON DELETE SET NULL,
        updated_at TEXT NOT NULL,
        CHECK (adjacent_scorecard_id IS NULL OR adjacent_scorecard_id <> scorecard_id)
      ) STRICT;

      CREATE TABLE one_pager_statement (
        scorecard_id INTEGER NOT NULL REFERENCES one_pager (scorecard_id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position BETWEEN 0 AND 5),
        ${text('statement', 400)},
        PRIMARY KEY (scorecard_id, position)
      ) STRICT;

      CREATE TABLE one_pager_block (
        scorecard_id INTEGER NOT NULL REFERENCES one_pager (scorecard_id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        block TEXT NOT NULL CHECK (block IN (${BLOCKS})),
        visible INTEGER NOT NULL CHECK (visible IN (0, 1)),
        PRIMARY KEY (scorecard_id, position),
        UNIQUE (scorecard_id, block)
      ) STRICT;
    `)
  }
}
