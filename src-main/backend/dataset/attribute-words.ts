import type { Database } from 'better-sqlite3'
import { isolated } from '@shared/format'
import type { AttributeWords } from '@shared/export/readable-condition'
import type { HygieneRule } from '@shared/domain/data-views'
import { PLAIN, type SourceBand, type ValueKind } from '@shared/export/readable-values'
import { readEntries } from '../engine/build-engine-dataset'
import type { ColumnRecord } from '../store/dataset-queries'
import { labelFor, readLabels } from './column-labels'
import { missingSetOf } from './column-missing'
import { listRules } from './hygiene-queries'
import { cleanedColumn, loadTables, type LoadedTable } from './stored-data'

/**
 * How each engine attribute reads on screens and deliverables: the column's client-facing label
 * and what its numbers measure (money, a count, a code, a date). "Industry (account)", the
 * account table's copy of a name the deals also use, reads as its column.
 */
export function attributeWordsOf(db: Database): (attribute: string) => AttributeWords {
  const labels = readLabels(db)
  const kinds = new Map<string, ValueKind>()
  const rules = listRules(db).map((r) => r.rule)
  for (const table of loadTables(db)) {
    for (const column of table.columns) {
      if (column.role !== 'attribute') continue
      const kind: ValueKind = { unit: column.unit, date: column.type === 'date' }
      if (column.type === 'range') kind.bands = bandsOf(db, table, column, rules)
      if (!kinds.has(column.name)) kinds.set(column.name, kind)
      kinds.set(`${column.name} (account)`, kind)
    }
  }
  return (attribute) => ({ label: isolated(labelFor(labels, attribute)), kind: kinds.get(attribute) ?? PLAIN })
}

/**
 * The bands a range column holds ("11-50", "10,001+"), each with the number the engine scores it
 * by: a criterion on that number is printed as the bands it takes in ("51–500", not the
 * midpoints "126–350").
 */
function bandsOf(db: Database, table: LoadedTable, column: ColumnRecord, rules: readonly HygieneRule[]): SourceBand[] {
  const data = cleanedColumn(db, table, column.position, rules)
  const bands = new Map<number, SourceBand>()
  for (const entry of readEntries(data, 'range', column.dateOrder, missingSetOf(column))) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry) || !('value' in entry)) continue
    if (!bands.has(entry.value)) bands.set(entry.value, { low: entry.low, high: entry.high, value: entry.value })
  }
  return [...bands.values()]
}
