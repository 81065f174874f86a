import type { Database } from 'better-sqlite3'
import type { HygieneRule } from '@shared/domain/data-views'
import type { JoinListPage } from '@shared/domain/data-views'
import type { JoinReport, JoinSettings } from '@shared/domain/import'
import { joinKey } from '@shared/engine/join-key'
import { isMissingValue } from '@shared/import/values'
import { readJoinSettings } from '../store/dataset-queries'
import { missingSetOf } from './column-missing'
import { cleanedColumn, columnByName, columnByRole, type LoadedTable } from './stored-data'

/** Each row's join key (null when the row has no key), computed once per distinct value. */
export function rowKeys(
  db: Database,
  table: LoadedTable,
  columnName: string,
  mode: JoinSettings['mode'],
  rules: readonly HygieneRule[]
): Array<string | null> {
  const column = columnByName(table, columnName)
  if (!column) return new Array<string | null>(table.record.rowCount).fill(null)
  const missing = missingSetOf(column)
  const data = cleanedColumn(db, table, column.position, rules)
  const keyOf = data.dictionary.map((value) => {
    if (isMissingValue(value, missing)) return null
    const key = joinKey(value, mode)
    return key === '' ? null : key
  })
  return Array.from(data.codes, (code) => keyOf[code] ?? null)
}

interface JoinIndex {
  settings: JoinSettings
  accountKeys: Array<string | null>
  dealKeys: Array<string | null>
  accountKeySet: Set<string>
  dealKeySet: Set<string>
}

function joinIndex(db: Database, accounts: LoadedTable, deals: LoadedTable, rules: readonly HygieneRule[]): JoinIndex | null {
  const settings = readJoinSettings(db)
  if (!settings) return null
  const accountKeys = rowKeys(db, accounts, settings.accountsKey, settings.mode, rules)
  const dealKeys = rowKeys(db, deals, settings.dealsKey, settings.mode, rules)
  const accountKeySet = new Set(accountKeys.filter((k): k is string => k !== null))
  const dealKeySet = new Set(dealKeys.filter((k): k is string => k !== null))
  return { settings, accountKeys, dealKeys, accountKeySet, dealKeySet }
}

/** How many deals found their account, and how many accounts have deals. */
export function joinReport(db: Database, accounts: LoadedTable, deals: LoadedTable, rules: readonly HygieneRule[]): JoinReport | null {
  const index = joinIndex(db, accounts, deals, rules)
  if (!index) return null
  let matchedDeals = 0
  for (const key of index.dealKeys) if (key !== null && index.accountKeySet.has(key)) matchedDeals++
  let accountsWithDeals = 0
  for (const key of index.accountKeys) if (key !== null && index.dealKeySet.has(key)) accountsWithDeals++
  return {
    settings: index.settings,
    matchedDeals,
    unmatchedDeals: index.dealKeys.length - matchedDeals,
    accountsWithDeals,
    accountsWithoutDeals: index.accountKeys.length - accountsWithDeals
  }
}

export type JoinList = 'matched-deals' | 'unmatched-deals' | 'accounts-without-deals'

/** One page of a join report list, each row named by its key, its name and where it is. */
export function joinList(
  db: Database,
  accounts: LoadedTable,
  deals: LoadedTable,
  rules: readonly HygieneRule[],
  list: JoinList,
  offset: number,
  limit: number
): JoinListPage {
  const index = joinIndex(db, accounts, deals, rules)
  if (!index) return { total: 0, rows: [] }
  const onAccounts = list === 'accounts-without-deals'
  const table = onAccounts ? accounts : deals
  const keys = onAccounts ? index.accountKeys : index.dealKeys
  const wanted = (key: string | null): boolean =>
    list === 'accounts-without-deals'
      ? key === null || !index.dealKeySet.has(key)
      : list === 'matched-deals'
        ? key !== null && index.accountKeySet.has(key)
        : key === null || !index.accountKeySet.has(key)
  const rows: number[] = []
  for (let row = 0; row < keys.length; row++) if (wanted(keys[row] ?? null)) rows.push(row)

  const keyColumn = columnByName(table, onAccounts ? index.settings.accountsKey : index.settings.dealsKey)
  const nameColumn = onAccounts ? columnByRole(table, 'account-name', 'account-id') : columnByRole(table, 'deal-id', 'account-name')
  const keyData = keyColumn ? cleanedColumn(db, table, keyColumn.position, rules) : null
  const nameData = nameColumn ? cleanedColumn(db, table, nameColumn.position, rules) : null
  // Placeholders such as "n/a" are not keys: show them as empty, like the analysis sees them.
  const text = (data: typeof keyData, column: typeof keyColumn, row: number): string => {
    const value = data ? (data.dictionary[data.codes[row]!] ?? '') : ''
    return column && isMissingValue(value, missingSetOf(column)) ? '' : value.trim()
  }
  return {
    total: rows.length,
    rows: rows.slice(offset, offset + limit).map((row) => ({
      key: text(keyData, keyColumn, row),
      name: text(nameData, nameColumn, row),
      // Data rows are numbered from 1 in the order they were imported.
      detail: `${onAccounts ? 'Account' : 'Deal'} row ${row + 1}`
    }))
  }
}
