import type { Database } from 'better-sqlite3'
import type { HygieneRule } from '@shared/domain/data-views'

export interface StoredRule {
  id: number
  rule: HygieneRule
}

interface RuleRow {
  id: number
  kind: HygieneRule['kind']
  column: string
  mergeTo: string | null
  normalizeTo: 'code' | 'name' | null
  bandPreset: 'employees' | 'revenue' | 'custom' | null
}

interface ValueRow {
  ruleId: number
  mergeFrom: string | null
  bandCut: number | null
  bandLabel: string | null
}

export function listRules(db: Database): StoredRule[] {
  const rules = db
    .prepare(
      `SELECT id, kind, column_name AS column, merge_to AS mergeTo, normalize_to AS normalizeTo, band_preset AS bandPreset
       FROM hygiene_rule ORDER BY position, id`
    )
    .all() as RuleRow[]
  const values = db
    .prepare(
      `SELECT rule_id AS ruleId, merge_from AS mergeFrom, band_cut AS bandCut, band_label AS bandLabel
       FROM hygiene_rule_value ORDER BY rule_id, position`
    )
    .all() as ValueRow[]
  const byRule = new Map<number, ValueRow[]>()
  for (const v of values) byRule.set(v.ruleId, [...(byRule.get(v.ruleId) ?? []), v])
  return rules.map((row) => ({ id: row.id, rule: toRule(row, byRule.get(row.id) ?? []) }))
}

function toRule(row: RuleRow, values: ValueRow[]): HygieneRule {
  switch (row.kind) {
    case 'merge':
      return { kind: 'merge', column: row.column, to: row.mergeTo ?? '', from: values.map((v) => v.mergeFrom ?? '') }
    case 'us-state':
    case 'country':
      return { kind: row.kind, column: row.column, to: row.normalizeTo ?? 'code' }
    case 'bands': {
      const cuts = values.filter((v) => v.bandCut !== null).map((v) => v.bandCut!)
      const labels = values.filter((v) => v.bandLabel !== null).map((v) => v.bandLabel!)
      return {
        kind: 'bands',
        column: row.column,
        preset: row.bandPreset ?? 'custom',
        ...(cuts.length > 0 ? { cuts } : {}),
        ...(labels.length > 0 ? { labels } : {})
      }
    }
  }
}

/** Appends a rule (call inside a transaction). */
export function insertRule(db: Database, rule: HygieneRule): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO hygiene_rule (position, kind, column_name, merge_to, normalize_to, band_preset)
       VALUES ((SELECT coalesce(max(position), -1) + 1 FROM hygiene_rule), ?, ?, ?, ?, ?)`
    )
    .run(
      rule.kind,
      rule.column,
      rule.kind === 'merge' ? rule.to : null,
      rule.kind === 'us-state' || rule.kind === 'country' ? rule.to : null,
      rule.kind === 'bands' ? rule.preset : null
    )
  const id = Number(lastInsertRowid)
  const insertValue = db.prepare(
    'INSERT INTO hygiene_rule_value (rule_id, position, merge_from, band_cut, band_label) VALUES (?, ?, ?, ?, ?)'
  )
  if (rule.kind === 'merge') rule.from.forEach((from, i) => insertValue.run(id, i, from, null, null))
  if (rule.kind === 'bands') {
    const cuts = rule.cuts ?? []
    const labels = rule.labels ?? []
    for (let i = 0; i < Math.max(cuts.length, labels.length); i++) {
      insertValue.run(id, i, null, cuts[i] ?? null, labels[i] ?? null)
    }
  }
  return id
}

export function deleteRule(db: Database, id: number): boolean {
  return db.prepare('DELETE FROM hygiene_rule WHERE id = ?').run(id).changes > 0
}
