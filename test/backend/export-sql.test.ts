import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { EngineDataset } from '@shared/engine/engine-dataset'
import { CONDITION_OPS, defaultScorecard, type ConditionOp, type Scorecard } from '@shared/engine/scorecard/model'
import { compileScorecard } from '@shared/engine/scoring/compile'
import { scoreCompiled } from '@shared/engine/scoring/score'
import { LIST_SEPARATOR, quoteIdentifier, scorecardSql } from '@shared/export/scorecard-sql'
import { simulationFor } from '../../src-main/backend/simulate/run-simulation'
import { testBackend } from '../support/backend'
import { openSampleData } from '../support/sample-data'
import { tempDir } from '../support/temp-dir'
import {
  categoryColumn,
  makeDataset,
  multiColumn,
  numberColumn,
  booleanColumn,
  mulberry32,
  randomDataset,
  randomInt,
  randomScorecard
} from '../unit/engine-fixtures'

/** The engine's deals as the warehouse table docs/exports.md describes: one column per attribute. */
function warehouse(dataset: EngineDataset): Database.Database {
  const db = new Database(':memory:')
  // The engine compares list items case-sensitively; SQLite's LIKE does not unless asked.
  db.pragma('case_sensitive_like = ON')
  const names = [...dataset.attributes.keys()]
  const sqlType = { category: 'TEXT', number: 'REAL', boolean: 'INTEGER', multi: 'TEXT' } as const
  db.exec(
    `CREATE TABLE accounts (deal_row INTEGER, ${names.map((n) => `${quoteIdentifier(n)} ${sqlType[dataset.attributes.get(n)!.kind]}`).join(', ')})`
  )
  const insert = db.prepare(`INSERT INTO accounts VALUES (${['?', ...names.map(() => '?')].join(', ')})`)
  db.transaction(() => {
    for (let row = 0; row < dataset.rowCount; row++) {
      insert.run(
        row,
        ...names.map((name) => {
          const column = dataset.attributes.get(name)!
          switch (column.kind) {
            case 'category':
              return column.codes[row] === 0xffffffff ? null : column.values[column.codes[row]!]
            case 'number':
              return Number.isNaN(column.values[row]!) ? null : column.values[row]
            case 'boolean':
              return column.values[row]! < 0 ? null : column.values[row]
            case 'multi': {
              if (column.missing[row]) return null
              const items = column.items.filter((_, i) => (column.bits[row * column.wordsPerRow + (i >>> 5)]! >>> (i & 31)) & 1)
              return items.join(LIST_SEPARATOR)
            }
          }
        })
      )
    }
  })()
  return db
}

/** Runs the generated SQL and checks every deal's points, score, knockout and tier against the engine. */
function expectSameAsEngine(scorecard: Scorecard, dataset: EngineDataset, db = warehouse(dataset)): void {
  const compiled = compileScorecard(scorecard, dataset)
  const scored = scoreCompiled(compiled)
  const rows = db.prepare(scorecardSql(scorecard)).all() as Array<{
    deal_row: number
    icp_points: number
    icp_score: number
    icp_tier: string
    icp_knockout: string | null
  }>
  expect(rows).toHaveLength(dataset.rowCount)
  for (const row of rows) {
    const r = row.deal_row
    const tier = scored.tiers[r]!
    const knockout = scored.knockedOutBy[r]!
    expect(row.icp_points, `points of deal ${r}`).toBe(scored.raw[r])
    expect(row.icp_score, `score of deal ${r}`).toBe(scored.scores[r])
    expect(row.icp_knockout).toBe(knockout < 0 ? null : scorecard.knockouts[knockout]!.name)
    expect(row.icp_tier).toBe(tier < 0 ? 'Disqualified' : scorecard.tiers[tier]!.name)
  }
}

describe('the scorecard as SQL', () => {
  it('scores random data exactly like the engine, covering every operator, caps and knockouts', () => {
    const random = mulberry32(23)
    const ops = new Set<ConditionOp>()
    let caps = 0
    let knockouts = 0
    for (let trial = 0; trial < 80; trial++) {
      const dataset = randomDataset(random, randomInt(random, 1, 150))
      const scorecard = randomScorecard(random)
      for (const c of [...scorecard.criteria, ...scorecard.knockouts]) ops.add(c.op)
      if (scorecard.attributeCaps?.some((cap) => scorecard.criteria.some((c) => c.attribute === cap.attribute))) caps++
      if (scorecard.knockouts.length) knockouts++
      expectSameAsEngine(scorecard, dataset)
    }
    expect([...ops].sort()).toEqual([...CONDITION_OPS].sort())
    expect(caps).toBeGreaterThan(5)
    expect(knockouts).toBeGreaterThan(5)
  })

  it('quotes identifiers and escapes literals, LIKE wildcards and comment breakers', () => {
    const weird = `Weird "col" -- x`
    const dataset = makeDataset({
      outcome: [1, 0, 1, 0, 1],
      attributes: {
        [weird]: categoryColumn(["O'Brien & Co", '100%_sure', 'plain', null, "it's */ done"]),
        Tools: multiColumn([['a%b', 'c_d'], ['a!b'], ['axb', 'cxd'], [], null], ['a%b', 'c_d', 'a!b', 'axb', 'cxd']),
        Size: numberColumn([-5, 0, 12.5, null, 1e6]),
        Flag: booleanColumn([true, false, null, true, false])
      }
    })
    const scorecard: Scorecard = {
      ...defaultScorecard(`Bad */ name\n-- DROP TABLE accounts;`),
      criteria: [
        {
          id: 'c1',
          category: 'Firmographic',
          attribute: weird,
          op: 'in',
          values: ["O'Brien & Co", "it's */ done"],
          points: 7,
          label: 'ends */ early\nDROP TABLE accounts'
        },
        { id: 'c2', category: 'Firmographic', attribute: weird, op: 'not_in', values: ['100%_sure'], points: -3 },
        { id: 'c3', category: 'Technographic', attribute: 'Tools', op: 'contains_any', values: ['a%b'], points: 5 },
        { id: 'c4', category: 'Technographic', attribute: 'Tools', op: 'contains_all', values: ['a!b'], points: 4 },
        { id: 'c5', category: 'Firmographic', attribute: 'Size', op: 'between', min: -10, max: 12.5, points: 6 },
        { id: 'c6', category: 'Triggers', attribute: 'Flag', op: 'is_false', points: 2 }
      ],
      knockouts: [{ name: "Can't buy", attribute: 'Size', op: 'gt', value: 100000 }],
      tiers: [
        { name: "Tier 'A'", min: 70 },
        { name: 'Rest', min: 0 }
      ]
    }
    const sql = scorecardSql(scorecard)
    expect(sql).not.toMatch(/\nDROP TABLE/)
    expect(sql).toContain('-- 1. ends * / early DROP TABLE accounts\n')
    expect(sql).toContain(`"Weird ""col"" -- x"`)
    expectSameAsEngine(scorecard, dataset)
  })

  it('scores the generated sample client exactly like the engine', async () => {
    const backend = testBackend(tempDir(), 'native')
    await openSampleData(backend)
    const scorecard: Scorecard = {
      ...defaultScorecard('Core ICP'),
      criteria: [
        { id: 'c1', category: 'Firmographic', attribute: 'Industry', op: 'in', values: ['SaaS', 'FinTech'], points: 30 },
        { id: 'c2', category: 'Firmographic', attribute: 'Employees', op: 'between', min: 51, max: 500, points: 20 },
        { id: 'c3', category: 'Technographic', attribute: 'Tech Stack', op: 'contains_any', values: ['Salesforce'], points: 15 },
        { id: 'c4', category: 'Technographic', attribute: 'Tech Stack', op: 'contains_all', values: ['HubSpot', 'Slack'], points: 15 },
        { id: 'c5', category: 'Triggers', attribute: 'Recently Raised', op: 'is_true', points: 25 },
        { id: 'c6', category: 'Firmographic', attribute: 'Industry', op: 'is_missing', points: -5 }
      ],
      knockouts: [{ name: 'Education', attribute: 'Industry', op: 'in', values: ['Education'] }],
      attributeCaps: [{ attribute: 'Tech Stack', cap: 20 }]
    }
    const { db } = backend.context.session.require()
    expectSameAsEngine(scorecard, simulationFor(db, scorecard, 'won').view.dataset)
    const { id } = await backend.call('scorecard-create', { name: 'Core ICP' })
    await backend.call('scorecard-save', { id, scorecard })
    const file = await backend.call('export-sql', { scorecardId: id })
    expect(file.fileName).toBe('Core ICP.sql')
    expect(file.text).toBe(scorecardSql(scorecard))
    backend.close()
  })
})
