import type { Database } from 'better-sqlite3'
import type { Condition, ConditionOp, Criterion, Knockout, Scorecard } from '@shared/engine/scorecard/model'
import { OPERAND_SHAPE } from '@shared/engine/scorecard/operators'

/**
 * The content of one scorecard revision (the working copy or a saved version) in its typed
 * tables. Writers expect a scorecard that passed validation and run inside the caller's
 * transaction. The scorecard's name is not content: it lives on the scorecard row, so a
 * version restored after a rename keeps the current name.
 */

/** The tables holding a revision's content, children before parents. */
const CONTENT_TABLES = [
  'scorecard_criterion_value',
  'scorecard_criterion',
  'scorecard_knockout_value',
  'scorecard_knockout',
  'scorecard_category',
  'scorecard_tier',
  'scorecard_attribute_cap'
] as const

/** Columns copied as they are from one revision to another, parents before children. */
const COPIED_COLUMNS: ReadonlyArray<readonly [table: string, columns: string]> = [
  ['scorecard_category', 'position, name, budget'],
  ['scorecard_criterion', 'position, criterion_id, category, attribute, op, min, max, value, points, label'],
  ['scorecard_criterion_value', 'criterion_position, position, value'],
  ['scorecard_knockout', 'position, name, attribute, op, min, max, value'],
  ['scorecard_knockout_value', 'knockout_position, position, value'],
  ['scorecard_tier', 'position, name, min, color'],
  ['scorecard_attribute_cap', 'position, attribute, cap']
]

interface ConditionRow {
  position: number
  attribute: string
  op: ConditionOp
  min: number | null
  max: number | null
  value: number | null
}

interface CriterionRow extends ConditionRow {
  id: string
  category: string
  points: number
  label: string | null
}

interface KnockoutRow extends ConditionRow {
  name: string
}

interface ValueRow {
  owner: number
  value: string
}

export function clearContent(db: Database, revisionId: number): void {
  for (const table of CONTENT_TABLES) db.prepare(`DELETE FROM ${table} WHERE revision_id = ?`).run(revisionId)
}

/** Copies every row of one revision into another (which should be empty). */
export function copyContent(db: Database, fromRevision: number, toRevision: number): void {
  for (const [table, columns] of COPIED_COLUMNS) {
    db.prepare(`INSERT INTO ${table} (revision_id, ${columns}) SELECT ?, ${columns} FROM ${table} WHERE revision_id = ?`).run(
      toRevision,
      fromRevision
    )
  }
}

function operandColumns(condition: Condition): [min: number | null, max: number | null, value: number | null] {
  const shape = OPERAND_SHAPE[condition.op]
  return [
    shape === 'range' ? (condition.min ?? null) : null,
    shape === 'range' ? (condition.max ?? null) : null,
    shape === 'value' ? (condition.value ?? null) : null
  ]
}

function listedValues(condition: Condition): readonly string[] {
  return OPERAND_SHAPE[condition.op] === 'values' ? (condition.values ?? []) : []
}

/** Writes a scorecard into an empty revision. */
export function writeContent(db: Database, revisionId: number, scorecard: Scorecard): void {
  const category = db.prepare('INSERT INTO scorecard_category (revision_id, position, name, budget) VALUES (?, ?, ?, ?)')
  scorecard.categories.forEach((c, i) => category.run(revisionId, i, c.name, c.budget))

  const criterion = db.prepare(
    `INSERT INTO scorecard_criterion (revision_id, position, criterion_id, category, attribute, op, min, max, value, points, label)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const criterionValue = db.prepare(
    'INSERT INTO scorecard_criterion_value (revision_id, criterion_position, position, value) VALUES (?, ?, ?, ?)'
  )
  scorecard.criteria.forEach((c, i) => {
    criterion.run(revisionId, i, c.id, c.category, c.attribute, c.op, ...operandColumns(c), c.points, c.label ?? null)
    listedValues(c).forEach((value, j) => criterionValue.run(revisionId, i, j, value))
  })

  const knockout = db.prepare(
    'INSERT INTO scorecard_knockout (revision_id, position, name, attribute, op, min, max, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
  )
  const knockoutValue = db.prepare(
    'INSERT INTO scorecard_knockout_value (revision_id, knockout_position, position, value) VALUES (?, ?, ?, ?)'
  )
  scorecard.knockouts.forEach((k, i) => {
    knockout.run(revisionId, i, k.name, k.attribute, k.op, ...operandColumns(k))
    listedValues(k).forEach((value, j) => knockoutValue.run(revisionId, i, j, value))
  })

  const tier = db.prepare('INSERT INTO scorecard_tier (revision_id, position, name, min, color) VALUES (?, ?, ?, ?, ?)')
  scorecard.tiers.forEach((t, i) => tier.run(revisionId, i, t.name, t.min, t.color ?? null))

  const cap = db.prepare('INSERT INTO scorecard_attribute_cap (revision_id, position, attribute, cap) VALUES (?, ?, ?, ?)')
  ;(scorecard.attributeCaps ?? []).forEach((c, i) => cap.run(revisionId, i, c.attribute, c.cap))
}

/** Only the operand fields the op uses, as the model documents them (a range always has both bounds, null when open). */
function conditionOf(row: ConditionRow, values: readonly string[]): Condition {
  const base = { attribute: row.attribute, op: row.op }
  switch (OPERAND_SHAPE[row.op]) {
    case 'values':
      return { ...base, values: [...values] }
    case 'range':
      return { ...base, min: row.min, max: row.max }
    case 'value':
      return { ...base, value: row.value ?? 0 }
    case 'none':
      return base
  }
}

function valuesByOwner(db: Database, table: string, ownerColumn: string, revisionId: number): Map<number, string[]> {
  const rows = db
    .prepare(`SELECT ${ownerColumn} AS owner, value FROM ${table} WHERE revision_id = ? ORDER BY ${ownerColumn}, position`)
    .all(revisionId) as ValueRow[]
  const byOwner = new Map<number, string[]>()
  for (const row of rows) {
    const list = byOwner.get(row.owner)
    if (list) list.push(row.value)
    else byOwner.set(row.owner, [row.value])
  }
  return byOwner
}

export function readContent(db: Database, revisionId: number, name: string): Scorecard {
  const categories = db
    .prepare('SELECT name, budget FROM scorecard_category WHERE revision_id = ? ORDER BY position')
    .all(revisionId) as Scorecard['categories']

  const criterionValues = valuesByOwner(db, 'scorecard_criterion_value', 'criterion_position', revisionId)
  const criterionRows = db
    .prepare(
      `SELECT position, criterion_id AS id, category, attribute, op, min, max, value, points, label
       FROM scorecard_criterion WHERE revision_id = ? ORDER BY position`
    )
    .all(revisionId) as CriterionRow[]
  const criteria: Criterion[] = criterionRows.map((row) => ({
    id: row.id,
    category: row.category,
    ...conditionOf(row, criterionValues.get(row.position) ?? []),
    points: row.points,
    ...(row.label !== null ? { label: row.label } : {})
  }))

  const knockoutValues = valuesByOwner(db, 'scorecard_knockout_value', 'knockout_position', revisionId)
  const knockoutRows = db
    .prepare('SELECT position, name, attribute, op, min, max, value FROM scorecard_knockout WHERE revision_id = ? ORDER BY position')
    .all(revisionId) as KnockoutRow[]
  const knockouts: Knockout[] = knockoutRows.map((row) => ({ name: row.name, ...conditionOf(row, knockoutValues.get(row.position) ?? []) }))

  const tierRows = db
    .prepare('SELECT name, min, color FROM scorecard_tier WHERE revision_id = ? ORDER BY position')
    .all(revisionId) as Array<{ name: string; min: number; color: string | null }>
  const tiers = tierRows.map((t) => ({ name: t.name, min: t.min, ...(t.color !== null ? { color: t.color } : {}) }))

  const attributeCaps = db
    .prepare('SELECT attribute, cap FROM scorecard_attribute_cap WHERE revision_id = ? ORDER BY position')
    .all(revisionId) as Array<{ attribute: string; cap: number }>

  return { name, categories, criteria, knockouts, tiers, attributeCaps }
}
