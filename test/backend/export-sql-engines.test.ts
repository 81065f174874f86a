/**
 * The exported scorecard SQL run as a script in the three engines a client is likely to paste it
 * into (issue 17, item 8): SQLite, DuckDB (the npm package) and PostgreSQL (the system's, started
 * here; skipped with the reason where it is not installed). PostgreSQL and DuckDB nest block
 * comments: a category value holding "/*" once left a comment open until a "* /" inside a later
 * string literal, and the text after that literal ran as SQL (DROP TABLE). Here the hostile
 * values are in the scorecard and a canary table must survive every engine.
 */
import Database from 'better-sqlite3'
import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, describe, expect, it } from 'vitest'
import { defaultScorecard, type Scorecard } from '@shared/engine/scorecard/model'
import { scorecardSql } from '@shared/export/scorecard-sql'
import { skipBecause } from '../support/skip'
import { startPostgres, type PostgresServer } from '../support/postgres-server'

const OPEN = 'Retail /* nested'
const BREAKOUT = '*/ ; DROP TABLE canary; SELECT 1 AS x --'

const scorecard: Scorecard = {
  ...defaultScorecard('Hostile /* name'),
  criteria: [
    // No label: the comment describes the condition, values and all.
    { id: 'c1', category: 'Firmographic', attribute: 'Industry', op: 'in', values: [OPEN], points: 10 },
    { id: 'c2', category: 'Firmographic', attribute: 'Industry', op: 'in', values: [BREAKOUT], points: 5 },
    {
      id: 'c3',
      category: 'Firmographic',
      attribute: 'Industry',
      op: 'not_in',
      values: ['x'],
      points: 1,
      label: 'label /* opens\r\nDROP TABLE canary; -- */'
    }
  ],
  knockouts: [],
  tiers: [
    { name: 'A', min: 50 },
    { name: 'B', min: 0 }
  ]
}

const SETUP = [
  'CREATE TABLE canary (alive INTEGER);',
  'INSERT INTO canary VALUES (1);',
  'CREATE TABLE accounts (name VARCHAR(40), "Industry" VARCHAR(80));',
  `INSERT INTO accounts VALUES ('a', '${OPEN.replace(/'/g, "''")}'), ('b', '${BREAKOUT.replace(/'/g, "''")}'), ('c', 'x');`
].join('\n')

const sql = scorecardSql(scorecard)
/** The export, then the canary: a script that dropped it fails the last statement. */
const script = `${SETUP}\nCREATE TABLE scored AS ${sql.trim().replace(/;$/, '')};\nSELECT COUNT(*) FROM canary;\n`
const expected = [
  ['a', 11],
  ['b', 6],
  ['c', 0]
]

describe('the exported SQL in SQLite, DuckDB and PostgreSQL', () => {
  it('keeps user text in line comments, with no block comment opened or closed by it', () => {
    // Outside string literals (where the values themselves are, quoted).
    const code = sql.replace(/'(?:[^']|'')*'/g, "''")
    expect(code).not.toContain('/*')
    expect(code).not.toContain('*/')
    expect(sql).toContain('-- 1. Industry is Retail / * nested\n')
  })

  it('runs in SQLite as one script; the canary survives', () => {
    const db = new Database(':memory:')
    db.exec(script)
    expect(db.prepare('SELECT COUNT(*) AS n FROM canary').get()).toEqual({ n: 1 })
    expect(db.prepare('SELECT name, icp_points FROM scored ORDER BY name').raw().all()).toEqual(expected)
  })

  it('runs in DuckDB as one script; the canary survives', async () => {
    const instance = await DuckDBInstance.create(':memory:')
    const connection = await instance.connect()
    try {
      await connection.run(script)
      const canary = await connection.runAndReadAll('SELECT COUNT(*)::INTEGER FROM canary')
      expect(canary.getRows()).toEqual([[1]])
      const rows = await connection.runAndReadAll('SELECT name, icp_points::INTEGER FROM scored ORDER BY name')
      expect(rows.getRows()).toEqual(expected)
    } finally {
      connection.closeSync()
      instance.closeSync()
    }
  })

  let postgres: PostgresServer | string | null = null
  afterAll(() => {
    if (postgres !== null && typeof postgres !== 'string') postgres.stop()
  })

  it('runs in PostgreSQL as one script; the canary survives', (ctx) => {
    postgres = startPostgres()
    if (typeof postgres === 'string') skipBecause(ctx, postgres)
    const out = postgres.run(`${script}SELECT name || '=' || icp_points FROM scored ORDER BY name;\n`)
    expect(out.trim().split('\n')).toEqual(['1', ...expected.map(([name, points]) => `${name}=${points}`)])
  }, 90_000)
})
