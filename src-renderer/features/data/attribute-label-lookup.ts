import type { DatasetSummary } from '@shared/domain/import'

/**
 * Attribute names as clients read them: each column's label from the Data section ("HQ
 * country" for hq_country). An account table's copy of a name the deals also use is listed by
 * the engine as "Industry (account)" and reads as its label with the same suffix.
 * Kept free of React so unit tests (type-checked without the DOM) can import it.
 */
export function attributeLabels(summary: DatasetSummary | null): (name: string) => string {
  const labels = new Map<string, string>()
  for (const table of summary?.tables ?? []) {
    for (const column of table.columns) {
      if (!labels.has(column.name)) labels.set(column.name, column.label)
      if (table.kind === 'accounts') labels.set(`${column.name} (account)`, `${column.label} (account)`)
    }
  }
  return (name) => labels.get(name) ?? name
}
