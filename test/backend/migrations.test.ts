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

describe('migration 0002 (dataset)', () => {
  it('upgrades a version-1 workspace in place, keeping its record, and adds the dataset tables', () => {
    const db = freshDb()
    migrate(db, MIGRATIONS.slice(0, 1))
    db.prepare("INSERT INTO workspace VALUES (1, 'Kept', 'then', 'then', '0.1.0', 'discover')").run()
    migrate(db, MIGRATIONS.slice(0, 2))
    expect(db.pragma('user_version', { simple: true })).toBe(2)
    expect(db.prepare('SELECT name, current_section AS s FROM workspace').get()).toEqual({ name: 'Kept', s: 'discover' })
    // sqlite_sequence is SQLite's own bookkeeping for AUTOINCREMENT ids.
    const created = tables(db).filter((t) => t.name !== 'workspace' && t.name !== 'sqlite_sequence')
    expect(created.map((t) => t.name)).toEqual([
      'category',
      'dataset_join',
      'hygiene_rule',
      'hygiene_rule_value',
      'missing_token',
      'outcome_mapping',
      'source_column',
      'source_table'
    ])
    for (const table of created) expect(table.sql, table.name).toMatch(/STRICT/)
    expect(db.prepare('SELECT name FROM category ORDER BY position').pluck().all()).toEqual([
      'Firmographic',
      'Technographic',
      'Triggers',
      'Buying process'
    ])
    expect(db.prepare('SELECT count(*) FROM missing_token').pluck().get()).toBeGreaterThan(10)
    // Columns belong to a table: deleting the table deletes them (foreign keys on).
    db.pragma('foreign_keys = ON')
    db.prepare(
      "INSERT INTO source_table (id, kind, file_name, format, header_row, row_count, imported_at) VALUES (1, 'deals', 'd.csv', 'csv', 1, 0, 'now')"
    ).run()
    db.prepare(
      "INSERT INTO source_column VALUES (1, 0, 'Stage', 'category', 'category', 'outcome', NULL, NULL, NULL, '[]', 1, 1, x'')"
    ).run()
    expect(() => db.prepare("UPDATE source_column SET role = 'winner'").run()).toThrow(/CHECK/)
    db.prepare('DELETE FROM source_table').run()
    expect(db.prepare('SELECT count(*) FROM source_column').pluck().get()).toBe(0)
    expect(() => db.prepare("INSERT INTO hygiene_rule (position, kind, column_name) VALUES (0, 'merge', 'Industry')").run()).toThrow(
      /CHECK/
    )
    db.close()
  })
})

describe('migration 0003 (scorecards)', () => {
  const SCORECARD_TABLES = [
    'scorecard',
    'scorecard_attribute_cap',
    'scorecard_category',
    'scorecard_criterion',
    'scorecard_criterion_value',
    'scorecard_knockout',
    'scorecard_knockout_value',
    'scorecard_revision',
    'scorecard_tier'
  ]

  function upgraded(): Database.Database {
    const db = freshDb()
    migrate(db, MIGRATIONS.slice(0, 2))
    db.prepare("INSERT INTO workspace VALUES (1, 'Kept', 'then', 'then', '0.1.0', 'data')").run()
    migrate(db, MIGRATIONS.slice(0, 3))
    db.pragma('foreign_keys = ON')
    return db
  }

  /** A scorecard (id 1) with a working revision (id 1) holding one category, criterion, knockout, tier and cap. */
  function seed(db: Database.Database): void {
    db.exec(`
      INSERT INTO scorecard (id, name, position, created_at, updated_at) VALUES (1, 'Core ICP', 0, 'now', 'now');
      INSERT INTO scorecard_revision (id, scorecard_id, kind) VALUES (1, 1, 'working');
      INSERT INTO scorecard_category VALUES (1, 0, 'Firmographic', 30);
      INSERT INTO scorecard_criterion VALUES (1, 0, 'c1', 'Firmographic', 'Industry', 'in', NULL, NULL, NULL, 10, NULL);
      INSERT INTO scorecard_criterion_value VALUES (1, 0, 0, 'SaaS');
      INSERT INTO scorecard_knockout VALUES (1, 0, 'Too small', 'Employees', 'lt', NULL, NULL, 20);
      INSERT INTO scorecard_knockout_value VALUES (1, 0, 0, 'unused');
      INSERT INTO scorecard_tier VALUES (1, 0, 'A', 80, '#2f855a');
      INSERT INTO scorecard_attribute_cap VALUES (1, 0, 'Tech Stack', 12);
    `)
  }

  it('upgrades a version-2 workspace in place and adds STRICT scorecard tables', () => {
    const db = upgraded()
    expect(db.pragma('user_version', { simple: true })).toBe(3)
    expect(db.prepare('SELECT name FROM workspace').pluck().get()).toBe('Kept')
    const created = tables(db).filter((t) => t.name.startsWith('scorecard'))
    expect(created.map((t) => t.name)).toEqual(SCORECARD_TABLES)
    for (const table of created) expect(table.sql, table.name).toMatch(/STRICT/)
    seed(db)
    expect(() => db.prepare('UPDATE scorecard_criterion SET points = 2.5').run()).toThrow()
    db.close()
  })

  it('checks ops, operands, tiers, caps, names and revisions', () => {
    const db = upgraded()
    seed(db)
    const refused = [
      "UPDATE scorecard_criterion SET op = 'equals'",
      "UPDATE scorecard_criterion SET op = 'between'",
      "UPDATE scorecard_criterion SET op = 'between', min = 10, max = 5",
      "UPDATE scorecard_criterion SET op = 'gt'",
      'UPDATE scorecard_criterion SET min = 3',
      "UPDATE scorecard_knockout SET op = 'is_true'",
      'UPDATE scorecard_tier SET min = 101',
      "UPDATE scorecard_tier SET name = 'Disqualified'",
      'UPDATE scorecard_attribute_cap SET cap = 0',
      'UPDATE scorecard_category SET budget = -1',
      "UPDATE scorecard SET name = '  '",
      "INSERT INTO scorecard (name, position, created_at, updated_at) VALUES ('core icp', 1, 'now', 'now')",
      "UPDATE scorecard_revision SET note = 'Q3 review'",
      "INSERT INTO scorecard_revision (scorecard_id, kind, note) VALUES (1, 'version', 'Q3 review')"
    ]
    for (const sql of refused) expect(() => db.prepare(sql).run(), sql).toThrow(/CHECK|UNIQUE/)
    // One working copy per scorecard.
    expect(() => db.prepare("INSERT INTO scorecard_revision (scorecard_id, kind) VALUES (1, 'working')").run()).toThrow(/UNIQUE/)
    // A criterion's category must be one of its revision's categories.
    expect(() => db.prepare("UPDATE scorecard_criterion SET category = 'Triggers'").run()).toThrow(/FOREIGN KEY/)
    db.prepare("UPDATE scorecard_criterion SET op = 'between', min = 10, max = NULL").run()
    db.prepare("INSERT INTO scorecard_revision (scorecard_id, kind, note, saved_at) VALUES (1, 'version', 'Q3 review', 'now')").run()
    db.close()
  })

  it('deletes a scorecard with every revision and all their content', () => {
    const db = upgraded()
    seed(db)
    db.prepare("INSERT INTO scorecard_revision (id, scorecard_id, kind, note, saved_at) VALUES (2, 1, 'version', 'Q3', 'now')").run()
    db.prepare("INSERT INTO scorecard_category VALUES (2, 0, 'Firmographic', 30)").run()
    db.prepare('DELETE FROM scorecard').run()
    for (const table of SCORECARD_TABLES) expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0)
    db.close()
  })
})

describe('migration 0004 (best customers)', () => {
  function upgraded(): Database.Database {
    const db = freshDb()
    migrate(db, MIGRATIONS.slice(0, 3))
    db.prepare("INSERT INTO workspace VALUES (1, 'Kept', 'then', 'then', '0.1.0', 'data')").run()
    migrate(db, MIGRATIONS.slice(0, 4))
    db.pragma('foreign_keys = ON')
    return db
  }

  function seed(db: Database.Database): void {
    db.exec(`
      INSERT INTO best_customer_definition (id, top_percent) VALUES (1, 20);
      INSERT INTO best_customer_metric (position, metric, direction, weight) VALUES (0, 'ltv', 'higher', 2);
      INSERT INTO best_customer_metric (position, metric, direction, weight) VALUES (1, 'support-tickets', 'lower', 0.5);
    `)
  }

  it('upgrades a version-3 workspace in place and adds STRICT best-customer tables', () => {
    const db = upgraded()
    expect(db.pragma('user_version', { simple: true })).toBe(4)
    expect(db.prepare('SELECT name FROM workspace').pluck().get()).toBe('Kept')
    const created = tables(db).filter((t) => t.name.startsWith('best_customer'))
    expect(created.map((t) => t.name)).toEqual(['best_customer_definition', 'best_customer_metric'])
    for (const table of created) expect(table.sql, table.name).toMatch(/STRICT/)
    seed(db)
    expect(db.prepare('SELECT top_percent FROM best_customer_definition').pluck().get()).toBe(20)
    expect(() => db.prepare("UPDATE best_customer_metric SET weight = 'heavy'").run()).toThrow()
    db.close()
  })

  it('keeps one definition and checks metrics, directions, weights and the share', () => {
    const db = upgraded()
    seed(db)
    const refused = [
      'INSERT INTO best_customer_definition (id, top_percent) VALUES (2, 20)',
      'UPDATE best_customer_definition SET top_percent = 0',
      'UPDATE best_customer_definition SET top_percent = 100',
      "UPDATE best_customer_metric SET metric = 'revenue' WHERE position = 0",
      "UPDATE best_customer_metric SET direction = 'up' WHERE position = 0",
      'UPDATE best_customer_metric SET weight = -1 WHERE position = 0',
      'UPDATE best_customer_metric SET weight = 101 WHERE position = 0',
      "INSERT INTO best_customer_metric (position, metric, direction, weight) VALUES (2, 'ltv', 'lower', 1)"
    ]
    for (const sql of refused) expect(() => db.prepare(sql).run(), sql).toThrow(/CHECK|UNIQUE|PRIMARY KEY/)
    // Deleting the definition takes its metrics with it.
    db.prepare('DELETE FROM best_customer_definition').run()
    expect(db.prepare('SELECT count(*) FROM best_customer_metric').pluck().get()).toBe(0)
    db.close()
  })
})

describe('migration 0005 (one-pager)', () => {
  function upgraded(): Database.Database {
    const db = freshDb()
    migrate(db, MIGRATIONS.slice(0, 4))
    db.exec(`
      INSERT INTO workspace VALUES (1, 'Kept', 'then', 'then', '0.1.0', 'data');
      INSERT INTO scorecard (id, name, position, created_at, updated_at) VALUES (1, 'Core ICP', 0, 'now', 'now');
      INSERT INTO scorecard (id, name, position, created_at, updated_at) VALUES (2, 'Adjacent ICP', 1, 'now', 'now');
    `)
    migrate(db, MIGRATIONS.slice(0, 5))
    db.pragma('foreign_keys = ON')
    return db
  }

  const row = (scorecardId: number, adjacent: number | null) =>
    `INSERT INTO one_pager VALUES (${scorecardId}, 'Acme', 'Dana', '2026-01-31', '#1f4e79', NULL, 'letter',
       '', '', '', '', '', '', '', '', '', '', '', ${adjacent ?? 'NULL'}, 'now')`

  it('upgrades a version-4 workspace in place, keeping its scorecards, and adds STRICT one-pager tables', () => {
    const db = upgraded()
    expect(db.pragma('user_version', { simple: true })).toBe(5)
    expect(db.prepare('SELECT count(*) FROM scorecard').pluck().get()).toBe(2)
    const created = tables(db).filter((t) => t.name.startsWith('one_pager'))
    expect(created.map((t) => t.name)).toEqual(['one_pager', 'one_pager_block', 'one_pager_statement'])
    for (const table of created) expect(table.sql, table.name).toMatch(/STRICT/)
    db.exec(row(1, 2))
    db.prepare("INSERT INTO one_pager_statement VALUES (1, 0, 'SaaS companies win.')").run()
    db.prepare("INSERT INTO one_pager_block VALUES (1, 0, 'header', 1)").run()
    expect(() => db.prepare("UPDATE one_pager_block SET visible = 'yes'").run()).toThrow()
    db.close()
  })

  it('checks colours, paper, dates, blocks and logos, and follows its scorecards on delete', () => {
    const db = upgraded()
    db.exec(row(1, 2))
    db.prepare("INSERT INTO one_pager_block VALUES (1, 0, 'header', 1)").run()
    const refused = [
      "UPDATE one_pager SET brand_color = 'navy'",
      "UPDATE one_pager SET brand_color = '#12345g'",
      "UPDATE one_pager SET paper = 'legal'",
      "UPDATE one_pager SET date = '31/01/2026'",
      "UPDATE one_pager SET logo_data_url = 'https://example.com/logo.png'",
      "UPDATE one_pager SET client_name = '" + 'x'.repeat(121) + "'",
      'UPDATE one_pager SET adjacent_scorecard_id = 1',
      "INSERT INTO one_pager_block VALUES (1, 1, 'header', 1)",
      "INSERT INTO one_pager_block VALUES (1, 2, 'footer', 1)",
      "INSERT INTO one_pager_statement VALUES (1, 6, 'Too many.')"
    ]
    for (const sql of refused) expect(() => db.prepare(sql).run(), sql).toThrow(/CHECK|UNIQUE|PRIMARY KEY/)
    // Deleting the adjacent scorecard clears the choice; deleting the scorecard removes its one-pager.
    db.prepare('DELETE FROM scorecard WHERE id = 2').run()
    expect(db.prepare('SELECT adjacent_scorecard_id FROM one_pager').pluck().get()).toBeNull()
    db.prepare('DELETE FROM scorecard WHERE id = 1').run()
    expect(db.prepare('SELECT count(*) FROM one_pager').pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM one_pager_block').pluck().get()).toBe(0)
    db.close()
  })
})

describe('migration 0006 (column judgement)', () => {
  it('keeps what a version-5 workspace read: every column gets the old global tokens, attributes a level', () => {
    const db = freshDb()
    migrate(db, MIGRATIONS.slice(0, 5))
    db.exec(`
      INSERT INTO source_table (id, kind, file_name, format, header_row, row_count, imported_at) VALUES
        (1, 'accounts', 'a.csv', 'csv', 1, 0, 'now'), (2, 'flat', 'f.csv', 'csv', 1, 0, 'now');
      INSERT INTO source_column (table_id, position, name, inferred_type, type, role, dictionary, dictionary_unique, code_width, codes) VALUES
        (1, 0, 'Industry', 'category', 'category', 'attribute', '[]', 1, 1, x''),
        (2, 0, 'Lead Source', 'category', 'category', 'attribute', '[]', 1, 1, x''),
        (2, 1, 'Employees', 'number', 'number', 'attribute', '[]', 1, 1, x''),
        (2, 2, 'Stage', 'category', 'category', 'outcome', '[]', 1, 1, x'');
      DELETE FROM missing_token WHERE token = 'tbd';
    `)
    migrate(db, MIGRATIONS.slice(0, 6))
    expect(db.pragma('user_version', { simple: true })).toBe(6)
    const levels = db.prepare('SELECT name, level FROM source_column ORDER BY table_id, position').all()
    expect(levels).toEqual([
      { name: 'Industry', level: 'account' },
      { name: 'Lead Source', level: 'deal' },
      { name: 'Employees', level: 'account' },
      { name: 'Stage', level: null }
    ])
    const tokens = db.prepare('SELECT token FROM column_missing_token WHERE table_id = 2 AND position = 1 ORDER BY token').pluck().all()
    expect(tokens).toEqual(db.prepare('SELECT token FROM missing_token ORDER BY token').pluck().all() as string[])
    expect(tokens).not.toContain('tbd')
    const judgement = tables(db).filter((t) =>
      ['column_missing_token', 'placeholder_choice', 'import_shape_column', 'leak_overrule', 'column_label'].includes(t.name)
    )
    expect(judgement).toHaveLength(5)
    for (const table of judgement) expect(table.sql, table.name).toMatch(/STRICT/)
    expect(() => db.prepare("INSERT INTO column_label VALUES ('industry', '  ')").run()).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE source_column SET level = 'team'").run()).toThrow(/CHECK/)
    expect(() => db.prepare("INSERT INTO placeholder_choice VALUES ('industry', 'None', 1)").run()).toThrow(/CHECK/)
    // Deleting a table takes its columns' tokens with it.
    db.pragma('foreign_keys = ON')
    db.prepare('DELETE FROM source_table WHERE id = 2').run()
    expect(db.prepare('SELECT count(*) FROM column_missing_token WHERE table_id = 2').pluck().get()).toBe(0)
    db.close()
  })
})

describe('migration 0007 (CRM fields)', () => {
  it('adds the STRICT crm_field table, one field per CRM and attribute, with the known CRMs and types only', () => {
    const db = freshDb()
    migrate(db, MIGRATIONS.slice(0, 7))
    expect(db.pragma('user_version', { simple: true })).toBe(7)
    expect(tables(db).find((t) => t.name === 'crm_field')?.sql).toMatch(/STRICT/)
    db.prepare("INSERT INTO crm_field VALUES ('hubspot', 'Industry', 'industry', 'picklist')").run()
    expect(() => db.prepare("INSERT INTO crm_field VALUES ('hubspot', 'Industry', 'industry_2', 'text')").run()).toThrow(/UNIQUE|PRIMARY/)
    expect(() => db.prepare("INSERT INTO crm_field VALUES ('pipedrive', 'Industry', 'industry', 'text')").run()).toThrow(/CHECK/)
    expect(() => db.prepare("INSERT INTO crm_field VALUES ('salesforce', 'Industry', 'Industry', 'formula')").run()).toThrow(/CHECK/)
    expect(() => db.prepare("INSERT INTO crm_field VALUES ('salesforce', 'Industry', '', 'text')").run()).toThrow(/CHECK/)
    db.close()
  })
})

describe('migration 0008 (review periods)', () => {
  it('adds built and reviewed periods to revisions, as dates or nothing, and keeps existing revisions without one', () => {
    const db = freshDb()
    migrate(db, MIGRATIONS.slice(0, 7))
    db.exec(`INSERT INTO scorecard (id, name, position, created_at, updated_at) VALUES (1, 'Core', 0, 'now', 'now');
             INSERT INTO scorecard_revision (id, scorecard_id, kind) VALUES (1, 1, 'working');`)
    migrate(db, MIGRATIONS.slice(0, 8))
    expect(db.pragma('user_version', { simple: true })).toBe(8)
    expect(db.prepare('SELECT built_from, built_through, reviewed_from, reviewed_through FROM scorecard_revision').get()).toEqual({
      built_from: null,
      built_through: null,
      reviewed_from: null,
      reviewed_through: null
    })
    db.prepare("UPDATE scorecard_revision SET built_from = '2025-01-01', built_through = '2026-03-31'").run()
    expect(() => db.prepare("UPDATE scorecard_revision SET reviewed_from = 'last spring'").run()).toThrow(/CHECK/)
    db.close()
  })
})

describe('migration 0009 (prospects)', () => {
  it('adds one STRICT prospect list with its columns, and mappings kept per list tool', () => {
    const db = freshDb()
    migrate(db, MIGRATIONS.slice(0, 9))
    expect(db.pragma('user_version', { simple: true })).toBe(9)
    for (const name of ['prospect_list', 'prospect_column', 'prospect_attribute_map', 'prospect_value_map']) {
      expect(tables(db).find((t) => t.name === name)?.sql, name).toMatch(/STRICT/)
    }
    const list =
      "INSERT INTO prospect_list (source, source_reason, file_name, format, row_count, imported_at) VALUES (?, 'r', 'a.csv', 'csv', 1, 'now')"
    db.prepare(list).run('apollo')
    expect(() => db.prepare(list).run('zoominfo'), 'one list at a time').toThrow(/UNIQUE/)
    db.prepare('DELETE FROM prospect_list').run()
    expect(() => db.prepare(list).run('clearbit')).toThrow(/CHECK/)
    db.prepare(
      "INSERT INTO prospect_attribute_map (source, attribute, column_name, part, via, unit_factor) VALUES ('zoominfo', 'Industry', 'Primary NAICS Code', NULL, 'naics', 1)"
    ).run()
    expect(() =>
      db
        .prepare(
          "INSERT INTO prospect_attribute_map (source, attribute, column_name, part) VALUES ('apollo', 'Country', 'HQ', 'continent')"
        )
        .run()
    ).toThrow(/CHECK/)
    expect(() =>
      db.prepare("INSERT INTO prospect_attribute_map (source, attribute, unit_factor) VALUES ('apollo', 'Revenue', 0)").run()
    ).toThrow(/CHECK/)
    // Removing the list takes its columns with it.
    db.pragma('foreign_keys = ON')
    db.prepare(list).run('plain')
    const id = db.prepare('SELECT id FROM prospect_list').pluck().get()
    db.prepare(
      "INSERT INTO prospect_column (list_id, position, name, type, missing_tokens, dictionary, dictionary_unique, code_width, codes) VALUES (?, 0, 'Company', 'id', '[\"\"]', '[]', 1, 1, x'00')"
    ).run(id)
    db.prepare('DELETE FROM prospect_list').run()
    expect(db.prepare('SELECT count(*) FROM prospect_column').pluck().get()).toBe(0)
    db.close()
  })
})

describe('migration 0010 (column data last)', () => {
  const FIELDS =
    'table_id, position, name, inferred_type, type, role, category, date_order, multi_separators, level, level_reason, role_reason, unit, dictionary_unique, code_width, dictionary, codes'

  it("moves each column's dictionary and codes to the end of its row, keeping every value, token and constraint", () => {
    const db = freshDb()
    migrate(db, MIGRATIONS.slice(0, 9))
    db.pragma('foreign_keys = ON')
    db.exec(`
      INSERT INTO source_table (id, kind, file_name, format, header_row, row_count, imported_at) VALUES
        (1, 'accounts', 'a.csv', 'csv', 1, 50000, 'now'), (2, 'deals', 'd.csv', 'csv', 1, 50000, 'now');
    `)
    const insert = db.prepare(
      `INSERT INTO source_column (${FIELDS}) VALUES (?, ?, ?, 'category', ?, 'attribute', ?, NULL, NULL, ?, ?, 'because', ?, 0, 4, ?, ?)`
    )
    // Dictionaries and codes far larger than a page, so they spill into overflow pages.
    const dictionary = (n: number, tag: string) => JSON.stringify(Array.from({ length: n }, (_, i) => `${tag} value ${i}`))
    const codes = (seed: number) => Buffer.from(Uint32Array.from({ length: 50000 }, (_, i) => (i * seed) % 7919).buffer)
    insert.run(1, 0, 'Industry', 'category', 'Firmographic', 'account', 'level reason', null, dictionary(10000, 'industry'), codes(3))
    insert.run(1, 1, 'Employees', 'number', null, 'account', null, 'count', dictionary(12000, 'employees'), codes(7))
    for (let position = 2; position < 6; position++)
      insert.run(
        1,
        position,
        `Signal ${position}`,
        'category',
        null,
        'account',
        null,
        null,
        dictionary(10000, `signal ${position}`),
        codes(position)
      )
    insert.run(2, 0, 'Stage', 'category', null, 'deal', null, null, dictionary(11000, 'stage'), codes(11))
    db.exec(`INSERT INTO column_missing_token (table_id, position, token) VALUES (1, 0, ''), (1, 0, 'n/a'), (1, 1, ''), (2, 0, 'tbd')`)
    const content = () => db.prepare(`SELECT ${FIELDS} FROM source_column ORDER BY table_id, position`).all()
    const tokens = () => db.prepare('SELECT table_id, position, token FROM column_missing_token ORDER BY 1, 2, 3').all()
    const before = { columns: content(), tokens: tokens() }
    const largest = db.prepare('SELECT max(length(dictionary) + length(codes)) FROM source_column').pluck().get() as number
    const pagesBefore = db.pragma('page_count', { simple: true }) as number
    const pageSize = db.pragma('page_size', { simple: true }) as number

    migrate(db, MIGRATIONS.slice(0, 10))
    expect(db.pragma('user_version', { simple: true })).toBe(10)
    expect(content()).toEqual(before.columns)
    expect(tokens()).toEqual(before.tokens)
    const order = (db.prepare("SELECT name FROM pragma_table_info('source_column')").pluck().all() as string[]).slice(-2)
    expect(order).toEqual(['dictionary', 'codes'])
    // Copied a row at a time into the pages the previous one freed: not a second copy of the data.
    const grown = ((db.pragma('page_count', { simple: true }) as number) - pagesBefore) * pageSize
    expect(grown).toBeLessThan(2 * largest)
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(tables(db).find((t) => t.name === 'source_column')?.sql).toMatch(/STRICT/)
    expect(tables(db).map((t) => t.name)).not.toContain('source_column_before_0010')
    expect(() => db.prepare("UPDATE source_column SET unit = 'furlongs'").run()).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE source_column SET role = 'nope'").run()).toThrow(/CHECK/)
    expect(() => db.prepare("INSERT INTO column_missing_token VALUES (1, 9, 'x')").run()).toThrow(/FOREIGN KEY/)
    // Deleting a table still takes its columns and their tokens with it.
    db.prepare('DELETE FROM source_table WHERE id = 1').run()
    expect(db.prepare('SELECT count(*) FROM source_column WHERE table_id = 1').pluck().get()).toBe(0)
    expect(tokens()).toEqual([{ table_id: 2, position: 0, token: 'tbd' }])
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
