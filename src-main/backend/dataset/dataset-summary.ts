import type { Database } from 'better-sqlite3'
import type { OutcomeWords } from '@shared/domain/one-pager'
import { outcomeWordsFor } from '@shared/export/outcome-words'

import type { HygieneRule } from '@shared/domain/data-views'
import type { ColumnProfile } from '@shared/domain/dataset'
import type { DatasetSummary, StoredTable } from '@shared/domain/import'
import { countCodes } from '@shared/engine/dictionary-column'
import { distinctValues, profileColumn } from '@shared/import/profile-column'
import { isMissingValue } from '@shared/import/values'
import { outcomeMappingFor } from '@shared/import/outcome-mapping-for'
import { readMissingTokens, readOutcomeMapping, type ColumnRecord } from '../store/dataset-queries'
import { labelFor, readLabels } from './column-labels'
import { decideColumnMissing, missingSetOf } from './column-missing'
import { listRules } from './hygiene-queries'
import { cachedProfile, profileKey } from './profile-cache'
import { joinReport } from './join-report'
import { cleanedColumn, columnByRole, dealTableOf, loadTables, type LoadedTable } from './stored-data'

export function storedTableView(db: Database, table: LoadedTable, rules: readonly HygieneRule[]): StoredTable {
  return {
    kind: table.record.kind,
    fileName: table.record.fileName,
    format: table.record.format,
    sheetName: table.record.sheetName,
    rowCount: table.record.rowCount,
    importedAt: table.record.importedAt,
    columns: table.columns.map((column) => storedColumnProfile(db, table, column, rules))
  }
}

/** One stored column's profile as the Data section shows it (cached; see profile-cache.ts). */
export function storedColumnProfile(db: Database, table: LoadedTable, column: ColumnRecord, rules: readonly HygieneRule[]): ColumnProfile {
  const profile = cachedProfile(db, profileKey(table.record.id, column, rules), () => {
    const data = cleanedColumn(db, table, column.position, rules)
    const counts = countCodes(data)
    // The placeholders the column shows, judged on its values as the analysis reads them; one
    // pass gives both them and the distinct values the profile needs.
    const judged = decideColumnMissing(db, column.name, data, counts)
    const missing = missingSetOf(column)
    const agrees = judged.missing.size === missing.size && [...missing].every((t) => judged.missing.has(t))
    return profileColumn({
      name: column.name,
      index: column.position,
      column: data,
      counts,
      missingTokens: missing,
      ...(agrees ? { distinct: judged.distinct } : {}),
      type: column.type,
      dateOrder: column.dateOrder,
      multiSeparators: column.multiSeparators,
      placeholders: judged.placeholders
    })
  })
  return {
    ...profile,
    inferredType: column.inferredType,
    role: column.role,
    category: column.category,
    roleReason: column.roleReason,
    level: column.level,
    levelReason: column.levelReason,
    label: labelFor(readLabels(db), column.name)
  }
}

/** Distinct values of a column (after hygiene rules) with row counts. */
export function columnValues(
  db: Database,
  table: LoadedTable,
  position: number,
  rules: readonly HygieneRule[],
  missing: ReadonlySet<string>
) {
  const data = cleanedColumn(db, table, position, rules)
  return distinctValues(data, countCodes(data), missing)
}

/**
 * The deals table's outcome column and what each of its values means (the saved mapping, else
 * the suggestion), as the Data section counts them; null without an outcome column.
 */
export function outcomeColumnMapping(
  db: Database,
  dealTable: LoadedTable,
  rules: readonly HygieneRule[] = listRules(db).map((r) => r.rule)
): { name: string; mapping: DatasetSummary['outcomeMapping']; missingCount: number } | null {
  const column = columnByRole(dealTable, 'outcome')
  if (!column) return null
  const { values, missingCount } = columnValues(db, dealTable, column.position, rules, missingSetOf(column))
  return { name: column.name, mapping: outcomeMappingFor(values, readOutcomeMapping(db), column.name), missingCount }
}

/** How the workspace's outcome is said (shared/export/outcome-words.ts), from its outcome column and mapping. */
export function workspaceOutcomeWords(db: Database): OutcomeWords {
  const dealTable = dealTableOf(loadTables(db))
  const outcome = dealTable ? outcomeColumnMapping(db, dealTable) : null
  return wordsOf(outcome)
}

function wordsOf(outcome: ReturnType<typeof outcomeColumnMapping>): OutcomeWords {
  return outcomeWordsFor(outcome?.name ?? null, outcome?.mapping.map((m) => [m.value, m.outcome] as const) ?? [])
}

/** Everything the Data section shows: tables and their columns, counts, outcomes and the join. */
export function datasetSummary(db: Database): DatasetSummary {
  const tables = loadTables(db)
  const rules = listRules(db).map((r) => r.rule)
  const tokens = readMissingTokens(db)
  const dealTable = dealTableOf(tables)
  const accounts = tables.find((t) => t.record.kind === 'accounts') ?? null

  const outcomes = { won: 0, lost: 0, open: 0, unmapped: 0 }
  const outcome = dealTable ? outcomeColumnMapping(db, dealTable, rules) : null
  const outcomeMapping: DatasetSummary['outcomeMapping'] = outcome?.mapping ?? []
  for (const entry of outcomeMapping) outcomes[entry.outcome ?? 'unmapped'] += entry.count
  outcomes.unmapped += outcome?.missingCount ?? 0

  return {
    tables: tables.map((t) => storedTableView(db, t, rules)),
    join: accounts && dealTable?.record.kind === 'deals' ? joinReport(db, accounts, dealTable, rules) : null,
    accountCount: accounts ? accounts.record.rowCount : dealTable ? distinctAccounts(db, dealTable, rules) : 0,
    dealCount: dealTable?.record.rowCount ?? 0,
    outcomes,
    outcomeMapping,
    outcomeWords: wordsOf(outcome),
    missingTokens: tokens
  }
}

/**
 * In a flat or deals-only import, accounts are the distinct account ids (or names); a table with
 * no account key (a leads or campaign table) has one account per row.
 */
function distinctAccounts(db: Database, table: LoadedTable, rules: readonly HygieneRule[]): number {
  const key = columnByRole(table, 'account-id', 'account-name', 'domain')
  if (!key) return table.record.rowCount
  const data = cleanedColumn(db, table, key.position, rules)
  const missing = missingSetOf(key)
  const seen = new Set<string>()
  for (const value of data.dictionary) if (!isMissingValue(value, missing)) seen.add(value.trim())
  return seen.size
}
