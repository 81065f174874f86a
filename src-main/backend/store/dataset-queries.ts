import type { Database } from 'better-sqlite3'
import type { DictionaryColumn } from '@shared/engine/dictionary-column'
import type { AttributeLevel, ColumnRole, ColumnType, DateOrder, NumberUnit, Outcome, TableKind } from '@shared/domain/dataset'
import type { FileFormat, JoinSettings } from '@shared/domain/import'
import { DICTIONARY_PARAMETER, decodeCodes, decodeDictionary, encodeCodes, encodeColumnDictionary } from './column-codec'

export interface TableRecord {
  id: number
  kind: TableKind
  fileName: string
  format: FileFormat
  sheetName: string | null
  encoding: string | null
  delimiter: string | null
  headerRow: number
  rowCount: number
  importedAt: string
}

export interface ColumnRecord {
  position: number
  name: string
  inferredType: ColumnType
  type: ColumnType
  role: ColumnRole
  category: string | null
  dateOrder: DateOrder | null
  multiSeparators: string | null
  /** Attribute columns: whom the column describes (null for other roles). */
  level: AttributeLevel | null
  levelReason: string | null
  roleReason: string | null
  unit: NumberUnit | null
  /** The lower-case spellings that count as missing in this column ('' always among them). */
  missingTokens: string[]
}

export interface ColumnToSave extends ColumnRecord {
  data: DictionaryColumn
}

/** Replaces the table of this kind (and its columns). Call inside a transaction. */
export function replaceTable(db: Database, table: Omit<TableRecord, 'id'>, columns: readonly ColumnToSave[]): number {
  db.prepare('DELETE FROM source_table WHERE kind = ?').run(table.kind)
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO source_table (kind, file_name, format, sheet_name, encoding, delimiter, header_row, row_count, imported_at)
       VALUES (@kind, @fileName, @format, @sheetName, @encoding, @delimiter, @headerRow, @rowCount, @importedAt)`
    )
    .run(table)
  const tableId = Number(lastInsertRowid)
  const insert = db.prepare(
    `INSERT INTO source_column (table_id, position, name, inferred_type, type, role, category, date_order,
       multi_separators, dictionary, dictionary_unique, code_width, codes, level, level_reason, role_reason, unit)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ${DICTIONARY_PARAMETER}, ?, ?, ?, ?, ?, ?, ?)`
  )
  for (const column of columns) {
    const { width, bytes } = encodeCodes(column.data)
    insert.run(
      tableId,
      column.position,
      column.name,
      column.inferredType,
      column.type,
      column.role,
      column.category,
      column.dateOrder,
      column.multiSeparators,
      encodeColumnDictionary(column.data),
      column.data.unique === true ? 1 : 0,
      width,
      bytes,
      column.role === 'attribute' ? column.level : null,
      column.role === 'attribute' ? (column.levelReason?.slice(0, 400) ?? null) : null,
      column.roleReason?.slice(0, 400) ?? null,
      column.unit
    )
    writeColumnMissingTokens(db, tableId, column.position, column.missingTokens)
  }
  return tableId
}

/** Replaces the spellings that count as missing in one column. Call inside a transaction. */
export function writeColumnMissingTokens(db: Database, tableId: number, position: number, tokens: readonly string[]): void {
  db.prepare('DELETE FROM column_missing_token WHERE table_id = ? AND position = ?').run(tableId, position)
  const insert = db.prepare('INSERT OR IGNORE INTO column_missing_token (table_id, position, token) VALUES (?, ?, ?)')
  for (const token of new Set(['', ...tokens.map((t) => t.trim().toLowerCase())])) insert.run(tableId, position, token)
}

export function listTables(db: Database): TableRecord[] {
  return db
    .prepare(
      `SELECT id, kind, file_name AS fileName, format, sheet_name AS sheetName, encoding, delimiter,
              header_row AS headerRow, row_count AS rowCount, imported_at AS importedAt
       FROM source_table ORDER BY CASE kind WHEN 'accounts' THEN 0 WHEN 'deals' THEN 1 ELSE 2 END`
    )
    .all() as TableRecord[]
}

export function listColumns(db: Database, tableId: number): ColumnRecord[] {
  const columns = db
    .prepare(
      `SELECT position, name, inferred_type AS inferredType, type, role, category, date_order AS dateOrder,
              multi_separators AS multiSeparators, level, level_reason AS levelReason, role_reason AS roleReason, unit
       FROM source_column WHERE table_id = ? ORDER BY position`
    )
    .all(tableId) as Array<Omit<ColumnRecord, 'missingTokens'>>
  const tokens = new Map<number, string[]>()
  const rows = db
    .prepare('SELECT position, token FROM column_missing_token WHERE table_id = ? ORDER BY position, token')
    .all(tableId) as Array<{
    position: number
    token: string
  }>
  for (const { position, token } of rows) {
    const list = tokens.get(position)
    if (list) list.push(token)
    else tokens.set(position, [token])
  }
  return columns.map((c) => ({ ...c, missingTokens: tokens.get(c.position) ?? [''] }))
}

export function readColumnData(db: Database, table: TableRecord, position: number): DictionaryColumn {
  const row = db
    .prepare(
      'SELECT dictionary, dictionary_unique AS isUnique, code_width AS width, codes FROM source_column WHERE table_id = ? AND position = ?'
    )
    .get(table.id, position) as { dictionary: string; isUnique: number; width: number; codes: Buffer } | undefined
  if (!row) throw new Error(`column ${position} of the ${table.kind} table is missing`)
  return {
    dictionary: decodeDictionary(row.dictionary),
    codes: decodeCodes(row.codes, row.width, table.rowCount),
    unique: row.isUnique === 1
  }
}

export function updateColumnSetting(
  db: Database,
  tableId: number,
  position: number,
  setting: Pick<
    ColumnRecord,
    'type' | 'role' | 'category' | 'dateOrder' | 'multiSeparators' | 'level' | 'levelReason' | 'roleReason' | 'unit'
  >
): void {
  db.prepare(
    `UPDATE source_column SET type = ?, role = ?, category = ?, date_order = ?, multi_separators = ?, level = ?, level_reason = ?,
       role_reason = ?, unit = ?
     WHERE table_id = ? AND position = ?`
  ).run(
    setting.type,
    setting.role,
    setting.category,
    setting.dateOrder,
    setting.multiSeparators,
    setting.role === 'attribute' ? setting.level : null,
    setting.role === 'attribute' ? (setting.levelReason?.slice(0, 400) ?? null) : null,
    setting.roleReason?.slice(0, 400) ?? null,
    setting.unit,
    tableId,
    position
  )
}

/** The consultant's placeholder choices: column key (headerKey) -> lower-case token -> missing. */
export function readPlaceholderChoices(db: Database): Map<string, Map<string, boolean>> {
  const rows = db.prepare('SELECT column_key AS columnKey, token, missing FROM placeholder_choice').all() as Array<{
    columnKey: string
    token: string
    missing: number
  }>
  const choices = new Map<string, Map<string, boolean>>()
  for (const { columnKey, token, missing } of rows) {
    const forColumn = choices.get(columnKey) ?? new Map<string, boolean>()
    forColumn.set(token, missing === 1)
    choices.set(columnKey, forColumn)
  }
  return choices
}

export function writePlaceholderChoice(db: Database, columnKey: string, token: string, missing: boolean): void {
  db.prepare(
    `INSERT INTO placeholder_choice (column_key, token, missing) VALUES (?, ?, ?)
     ON CONFLICT (column_key, token) DO UPDATE SET missing = excluded.missing`
  ).run(columnKey, token.trim().toLowerCase(), missing ? 1 : 0)
}

export function readOutcomeMapping(db: Database): Map<string, Outcome | null> {
  const rows = db.prepare('SELECT value, outcome FROM outcome_mapping').all() as Array<{
    value: string
    outcome: Outcome | null
  }>
  return new Map(rows.map((r) => [r.value, r.outcome]))
}

/** Merges entries into the mapping (values not mentioned keep their mapping). */
export function writeOutcomeMapping(db: Database, entries: ReadonlyArray<{ value: string; outcome: Outcome | null }>): void {
  const upsert = db.prepare(
    'INSERT INTO outcome_mapping (value, outcome) VALUES (?, ?) ON CONFLICT (value) DO UPDATE SET outcome = excluded.outcome'
  )
  for (const entry of entries) upsert.run(entry.value, entry.outcome)
}

export function readMissingTokens(db: Database): string[] {
  return (db.prepare('SELECT token FROM missing_token ORDER BY token').all() as Array<{ token: string }>).map((r) => r.token)
}

export function writeMissingTokens(db: Database, tokens: readonly string[]): void {
  db.prepare('DELETE FROM missing_token').run()
  const insert = db.prepare('INSERT OR IGNORE INTO missing_token (token) VALUES (?)')
  for (const token of tokens) insert.run(token.trim().toLowerCase())
}

export function readJoinSettings(db: Database): JoinSettings | null {
  const row = db.prepare('SELECT accounts_key AS accountsKey, deals_key AS dealsKey, mode FROM dataset_join WHERE id = 1').get() as
    JoinSettings | undefined
  return row ?? null
}

export function writeJoinSettings(db: Database, settings: JoinSettings | null): void {
  db.prepare('DELETE FROM dataset_join').run()
  if (settings) {
    db.prepare('INSERT INTO dataset_join (id, accounts_key, deals_key, mode) VALUES (1, ?, ?, ?)').run(
      settings.accountsKey,
      settings.dealsKey,
      settings.mode
    )
  }
}

export function listCategories(db: Database): string[] {
  return (db.prepare('SELECT name FROM category ORDER BY position, name').all() as Array<{ name: string }>).map((r) => r.name)
}

export function addCategory(db: Database, name: string): void {
  db.prepare('INSERT OR IGNORE INTO category (name, position) VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM category))').run(name)
}
