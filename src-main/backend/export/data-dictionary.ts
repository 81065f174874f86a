import type { Database } from 'better-sqlite3'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { headerKey } from '@shared/import/header-key'
import { describeRule } from '@shared/import/hygiene/describe-rule'
import { listRules } from '../dataset/hygiene-queries'
import { dealTableOf, loadTables, type LoadedTable } from '../dataset/stored-data'
import { readJoinSettings, readMissingTokens, type ColumnRecord } from '../store/dataset-queries'
import type { DataDictionary } from './workbook-dictionary-sheet'

/**
 * Each attribute name the engine uses, with the stored column behind it. Named as
 * build-engine-dataset.ts names them: a deals (or flat) table's attributes first, then the
 * accounts table's, suffixed " (account)" when a deal column took the name.
 */
export function engineAttributeColumns(tables: readonly LoadedTable[]): Map<string, { table: LoadedTable; column: ColumnRecord }> {
  const byName = new Map<string, { table: LoadedTable; column: ColumnRecord }>()
  const deals = dealTableOf(tables)
  const accounts = tables.find((t) => t.record.kind === 'accounts')
  const joined = deals ? (deals.record.kind === 'deals' && accounts ? [deals, accounts] : [deals]) : []
  joined.forEach((table, i) => {
    for (const column of table.columns) {
      if (column.role !== 'attribute') continue
      const name = i > 0 && byName.has(column.name) ? `${column.name} (account)` : column.name
      byName.set(name, { table, column })
    }
  })
  return byName
}

/** The engine attributes that hold dates (the engine keeps them as epoch milliseconds). */
export function dateAttributes(db: Database): Set<string> {
  const dates = new Set<string>()
  for (const [name, { column }] of engineAttributeColumns(loadTables(db))) if (column.type === 'date') dates.add(name)
  return dates
}

/** Every stored column with its type, role, category, rules applied and whether the scorecard reads it. */
export function dataDictionary(db: Database, scorecard: Scorecard): DataDictionary {
  const tables = loadTables(db)
  const rules = listRules(db).map((r) => r.rule)
  const used = new Set<ColumnRecord>()
  const attributes = engineAttributeColumns(tables)
  for (const condition of [...scorecard.criteria, ...scorecard.knockouts]) {
    const found = attributes.get(condition.attribute)
    if (found) used.add(found.column)
  }
  const entries = tables.flatMap((table) =>
    table.columns.map((column) => ({
      table: table.record.kind,
      column: column.name,
      type: column.type,
      role: column.role,
      category: column.category,
      // Rules name columns by header, forgiving case and spacing, as the engine applies them.
      rules: rules.filter((rule) => headerKey(rule.column) === headerKey(column.name)).map(describeRule),
      inScorecard: used.has(column)
    }))
  )
  const join = readJoinSettings(db)
  return {
    entries,
    missingTokens: readMissingTokens(db),
    join: join
      ? `Deals are joined to accounts on deals."${join.dealsKey}" = accounts."${join.accountsKey}" (${join.mode === 'exact' ? 'exact match' : 'case, spacing, punctuation and web address forms ignored'}).`
      : null
  }
}
