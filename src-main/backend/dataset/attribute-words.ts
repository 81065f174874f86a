import type { Database } from 'better-sqlite3'
import { isolated } from '@shared/format'
import type { AttributeWords } from '@shared/export/readable-condition'
import { PLAIN, type ValueKind } from '@shared/export/readable-values'
import { listColumns, listTables } from '../store/dataset-queries'
import { labelFor, readLabels } from './column-labels'

/**
 * How each engine attribute reads on screens and deliverables: the column's client-facing label
 * and what its numbers measure (money, a count, a code, a date). "Industry (account)", the
 * account table's copy of a name the deals also use, reads as its column.
 */
export function attributeWordsOf(db: Database): (attribute: string) => AttributeWords {
  const labels = readLabels(db)
  const kinds = new Map<string, ValueKind>()
  for (const table of listTables(db)) {
    for (const column of listColumns(db, table.id)) {
      if (column.role !== 'attribute') continue
      const kind: ValueKind = { unit: column.unit, date: column.type === 'date' }
      if (!kinds.has(column.name)) kinds.set(column.name, kind)
      kinds.set(`${column.name} (account)`, kind)
    }
  }
  return (attribute) => ({ label: isolated(labelFor(labels, attribute)), kind: kinds.get(attribute) ?? PLAIN })
}
