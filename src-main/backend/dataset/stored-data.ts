import type { Database } from 'better-sqlite3'
import type { TableKind } from '@shared/domain/dataset'
import type { HygieneRule } from '@shared/domain/data-views'
import type { DictionaryColumn } from '@shared/engine/dictionary-column'
import { headerKey } from '@shared/import/header-key'
import { applyHygieneRules } from '@shared/import/hygiene'
import { parseNumber, parseNumericRange } from '@shared/import/values'
import { listColumns, listTables, readColumnData, type ColumnRecord, type TableRecord } from '../store/dataset-queries'

export interface LoadedTable {
  record: TableRecord
  columns: ColumnRecord[]
}

export function loadTable(db: Database, kind: TableKind): LoadedTable | null {
  const record = listTables(db).find((t) => t.kind === kind)
  return record ? { record, columns: listColumns(db, record.id) } : null
}

export function loadTables(db: Database): LoadedTable[] {
  return listTables(db).map((record) => ({ record, columns: listColumns(db, record.id) }))
}

/** The table that holds deals: a deals table, or else a flat one. */
export function dealTableOf(tables: readonly LoadedTable[]): LoadedTable | null {
  return tables.find((t) => t.record.kind === 'deals') ?? tables.find((t) => t.record.kind === 'flat') ?? null
}

const toNumber = (raw: string): number | null => parseNumber(raw) ?? parseNumericRange(raw)?.value ?? null

/**
 * A stored column as the analysis sees it: the raw values as imported, with the workspace's
 * hygiene rules applied to its dictionary (codes are unchanged, so this costs one pass over
 * the distinct values).
 */
export function cleanedColumn(db: Database, table: LoadedTable, position: number, rules: readonly HygieneRule[]): DictionaryColumn {
  const raw = readColumnData(db, table.record, position)
  const name = table.columns[position]?.name ?? ''
  // Rules name columns by header, forgiving case and spacing (next quarter's export may differ).
  const header = headerKey(name)
  if (!rules.some((rule) => headerKey(rule.column) === header)) return raw
  return { dictionary: applyHygieneRules(name, raw.dictionary, rules, toNumber), codes: raw.codes }
}

export function columnByRole(table: LoadedTable, ...roles: ColumnRecord['role'][]): ColumnRecord | undefined {
  for (const role of roles) {
    const found = table.columns.find((c) => c.role === role)
    if (found) return found
  }
  return undefined
}

export function columnByName(table: LoadedTable, name: string): ColumnRecord | undefined {
  return table.columns.find((c) => c.name === name)
}
