import type { Database } from 'better-sqlite3'
import { countCodes, type DictionaryColumn } from '@shared/engine/dictionary-column'
import { headerKey } from '@shared/import/header-key'
import { columnMissing, type ColumnMissing } from '@shared/import/profile-column'
import { missingTokenSet } from '@shared/import/values'
import {
  listColumns,
  listTables,
  readColumnData,
  readMissingTokens,
  readPlaceholderChoices,
  writeColumnMissingTokens,
  type ColumnRecord
} from '../store/dataset-queries'

/**
 * Which spellings count as missing in each stored column: decided from the column's raw data,
 * the workspace's placeholder tokens (a hint) and the consultant's choices for that header, and
 * kept with the column so every reader (profiles, the engine, joins, exports) uses one answer.
 */
export function decideColumnMissing(
  db: Database,
  name: string,
  data: DictionaryColumn,
  counts: Uint32Array = countCodes(data)
): ColumnMissing & { tokens: string[] } {
  const hints = missingTokenSet(readMissingTokens(db))
  const choices = readPlaceholderChoices(db).get(headerKey(name))
  const decided = columnMissing(name, data, counts, hints, choices)
  return { ...decided, tokens: [...decided.missing] }
}

/** Decides again for every stored column, after the token list or a choice changed. Call inside a transaction. */
export function redecideAllMissing(db: Database): void {
  for (const table of listTables(db)) {
    for (const column of listColumns(db, table.id)) {
      const { tokens } = decideColumnMissing(db, column.name, readColumnData(db, table, column.position))
      writeColumnMissingTokens(db, table.id, column.position, tokens)
    }
  }
}

const sets = new Map<string, ReadonlySet<string>>()

/** The column's missing spellings as a set for isMissingValue (shared between calls). */
export function missingSetOf(column: Pick<ColumnRecord, 'missingTokens'>): ReadonlySet<string> {
  const key = column.missingTokens.join('\u0000')
  let set = sets.get(key)
  if (!set) {
    if (sets.size > 500) sets.clear()
    set = missingTokenSet(column.missingTokens)
    sets.set(key, set)
  }
  return set
}
