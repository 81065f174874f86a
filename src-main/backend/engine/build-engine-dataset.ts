import type { Database } from 'better-sqlite3'
import { SUCCESS_METRIC_ROLES, type ColumnType, type DateOrder, type Outcome } from '@shared/domain/dataset'
import type { HygieneRule } from '@shared/domain/data-views'
import type { DictionaryColumn } from '@shared/engine/dictionary-column'
import { MISSING_CODE, type EngineColumn, type EngineDataset } from '@shared/engine/engine-dataset'
import { countCodes } from '@shared/engine/dictionary-column'
import { distinctValues } from '@shared/import/profile-column'
import { outcomeMappingFor } from '@shared/import/outcome-mapping-for'
import { isMissingValue, readValue } from '@shared/import/values'
import { AppError } from '../app-error'
import { listRules } from '../dataset/hygiene-queries'
import { rowKeys } from '../dataset/join-report'
import { cleanedColumn, columnByName, columnByRole, dealTableOf, loadTables, type LoadedTable } from '../dataset/stored-data'
import { readJoinSettings, readOutcomeMapping, type ColumnRecord } from '../store/dataset-queries'
import { missingSetOf } from '../dataset/column-missing'

const DAY_MS = 86_400_000
const DEFAULT_SEPARATORS = ';,|/\n'

interface Reader {
  rules: readonly HygieneRule[]
}

/** One typed reading per dictionary entry (null when missing or unreadable as the type). */
/** Each dictionary entry of a stored column read as its type (null: missing or unreadable), as the engine reads it. */
export function readEntries(
  data: DictionaryColumn,
  type: ColumnType,
  dateOrder: DateOrder | null,
  missing: ReadonlySet<string>,
  multiSeparators: string | null = null
) {
  // Lists split on the separators detected at import (the ones the review showed), so a value
  // such as "Dynamics 365, Sales" stays one item when the column is separated by ";".
  const options = { dateOrder, multiSeparators: multiSeparators ?? DEFAULT_SEPARATORS }
  return data.dictionary.map((raw) => (isMissingValue(raw, missing) ? null : readValue(raw, type, options)))
}

function numbersOf(
  db: Database,
  table: LoadedTable,
  column: ColumnRecord | undefined,
  reader: Reader,
  type: ColumnType = 'number'
): Float64Array {
  const out = new Float64Array(table.record.rowCount).fill(NaN)
  if (!column) return out
  const data = cleanedColumn(db, table, column.position, reader.rules)
  const entries = readEntries(data, type, column.dateOrder, missingSetOf(column)).map((v) =>
    typeof v === 'number' ? v : v !== null && typeof v === 'object' && !Array.isArray(v) ? v.value : NaN
  )
  for (let row = 0; row < out.length; row++) out[row] = entries[data.codes[row]!]!
  return out
}

/** An attribute column in the engine's form, for `rows` deal rows reading source row `source(row)`. */
function engineColumn(
  db: Database,
  table: LoadedTable,
  column: ColumnRecord,
  reader: Reader,
  rows: number,
  source: (row: number) => number
): EngineColumn {
  const data = cleanedColumn(db, table, column.position, reader.rules)
  const entries = readEntries(data, column.type, column.dateOrder, missingSetOf(column), column.multiSeparators)
  const at = (row: number) => {
    const s = source(row)
    return s < 0 ? null : entries[data.codes[s]!]!
  }
  switch (column.type) {
    case 'number':
    case 'date':
    case 'range': {
      const values = new Float64Array(rows).fill(NaN)
      for (let row = 0; row < rows; row++) {
        const v = at(row)
        values[row] = typeof v === 'number' ? v : v !== null && typeof v === 'object' && !Array.isArray(v) ? v.value : NaN
      }
      return { kind: 'number', values }
    }
    case 'boolean': {
      const values = new Int8Array(rows).fill(-1)
      for (let row = 0; row < rows; row++) {
        const v = at(row)
        if (typeof v === 'boolean') values[row] = v ? 1 : 0
      }
      return { kind: 'boolean', values }
    }
    case 'multi': {
      const itemIndex = new Map<string, number>()
      const perEntry = entries.map((v) =>
        Array.isArray(v) ? v.map((item) => itemIndex.get(item) ?? (itemIndex.set(item, itemIndex.size), itemIndex.size - 1)) : null
      )
      const wordsPerRow = Math.max(1, Math.ceil(itemIndex.size / 32))
      const bits = new Uint32Array(rows * wordsPerRow)
      const missing = new Uint8Array(rows)
      for (let row = 0; row < rows; row++) {
        const s = source(row)
        const items = s < 0 ? null : perEntry[data.codes[s]!]!
        if (!items) {
          missing[row] = 1
          continue
        }
        for (const item of items) bits[row * wordsPerRow + (item >>> 5)]! |= 1 << (item & 31)
      }
      return { kind: 'multi', items: [...itemIndex.keys()], bits, wordsPerRow, missing }
    }
    default: {
      const valueIndex = new Map<string, number>()
      const perEntry = entries.map((v) =>
        typeof v === 'string' ? (valueIndex.get(v) ?? (valueIndex.set(v, valueIndex.size), valueIndex.size - 1)) : MISSING_CODE
      )
      const codes = new Uint32Array(rows)
      for (let row = 0; row < rows; row++) {
        const s = source(row)
        codes[row] = s < 0 ? MISSING_CODE : perEntry[data.codes[s]!]!
      }
      return { kind: 'category', codes, values: [...valueIndex.keys()] }
    }
  }
}

const NUMERIC_METRICS = SUCCESS_METRIC_ROLES.filter((role) => role !== 'churned')

/**
 * Success metrics per deal, by role: an account's metric (LTV, NRR, ...) is copied onto each of
 * its deals like its attributes are, so best customers can be ranked from the engine's copy alone.
 */
function metricsOf(
  db: Database,
  deals: LoadedTable,
  accounts: LoadedTable | null,
  reader: Reader,
  accountSource: (row: number) => number,
  churned: Int8Array | undefined
): Map<string, Float64Array> {
  const rows = deals.record.rowCount
  const metrics = new Map<string, Float64Array>()
  for (const role of NUMERIC_METRICS) {
    const fromAccounts = accounts ? columnByRole(accounts, role) : undefined
    const column = fromAccounts ?? columnByRole(deals, role)
    if (!column) continue
    const table = fromAccounts && accounts ? accounts : deals
    const source = table === deals ? (row: number) => row : accountSource
    // A metric is read as a number whatever type the column was given (a range: its representative value).
    const type = column.type === 'range' || column.type === 'date' ? column.type : 'number'
    const read = engineColumn(db, table, { ...column, type }, reader, rows, source)
    if (read.kind === 'number') metrics.set(role, read.values)
  }
  if (churned)
    metrics.set(
      'churned',
      Float64Array.from(churned, (v) => (v < 0 ? NaN : v))
    )
  return metrics
}

function textsOf(
  db: Database,
  table: LoadedTable,
  column: ColumnRecord | undefined,
  reader: Reader,
  rows: number,
  source: (row: number) => number
): string[] {
  if (!column) return new Array<string>(rows).fill('')
  const data = cleanedColumn(db, table, column.position, reader.rules)
  return Array.from({ length: rows }, (_, row) => {
    const s = source(row)
    return s < 0 ? '' : data.dictionary[data.codes[s]!]!.trim()
  })
}

/**
 * Builds the engine's columnar copy of the workspace's deals: outcome, amount, cycle, close
 * date and every attribute (the account's attributes joined onto each of its deals).
 */
export function buildEngineDataset(db: Database): EngineDataset {
  const tables = loadTables(db)
  const deals = dealTableOf(tables)
  if (!deals) throw new AppError('NOT_FOUND', 'This workspace has no deals yet; import a deals or flat export first.')
  const accounts = deals.record.kind === 'deals' ? (tables.find((t) => t.record.kind === 'accounts') ?? null) : null
  const reader: Reader = { rules: listRules(db).map((r) => r.rule) }
  const rows = deals.record.rowCount
  const identity = (row: number) => row

  const outcome = new Int8Array(rows).fill(-1)
  const outcomeColumn = columnByRole(deals, 'outcome')
  if (outcomeColumn) {
    const data = cleanedColumn(db, deals, outcomeColumn.position, reader.rules)
    const missing = missingSetOf(outcomeColumn)
    const { values } = distinctValues(data, countCodes(data), missing)
    const mapping = new Map(outcomeMappingFor(values, readOutcomeMapping(db), outcomeColumn.name).map((m) => [m.value, m.outcome]))
    const code: Record<Outcome, number> = { won: 1, lost: 0, open: -1 }
    const perEntry = data.dictionary.map((raw) => {
      const mapped = isMissingValue(raw, missing) ? null : mapping.get(raw.trim())
      return mapped ? code[mapped] : -1
    })
    for (let row = 0; row < rows; row++) outcome[row] = perEntry[data.codes[row]!]!
  }

  const closedAt = numbersOf(db, deals, columnByRole(deals, 'closed-date'), reader, 'date')
  const createdAt = numbersOf(db, deals, columnByRole(deals, 'created-date'), reader, 'date')
  let cycleDays = numbersOf(db, deals, columnByRole(deals, 'sales-cycle-days'), reader)
  if (!columnByRole(deals, 'sales-cycle-days')) {
    cycleDays = closedAt.map((closed, row) => (closed - createdAt[row]!) / DAY_MS)
  }

  // Which account each deal belongs to: a row of the accounts table, or a distinct key in a flat table.
  const accountRowOf = new Int32Array(rows).fill(-1)
  const accountIndex = new Int32Array(rows).fill(-1)
  let accountCount = 0
  const join = readJoinSettings(db)
  const keyless = !accounts && !columnByRole(deals, 'account-id', 'account-name', 'domain')
  if (accounts && join && columnByName(accounts, join.accountsKey) && columnByName(deals, join.dealsKey)) {
    // The same keys the join report counts, so the engine joins exactly what the report shows.
    const keyRow = new Map<string, number>()
    rowKeys(db, accounts, join.accountsKey, join.mode, reader.rules).forEach((key, row) => {
      if (key !== null && !keyRow.has(key)) keyRow.set(key, row)
    })
    rowKeys(db, deals, join.dealsKey, join.mode, reader.rules).forEach((key, row) => {
      const found = key === null ? undefined : keyRow.get(key)
      if (found !== undefined) accountRowOf[row] = accountIndex[row] = found
    })
    accountCount = accounts.record.rowCount
  } else if (keyless) {
    // A table with no account key (leads, a campaign's contacts): each row is its own account,
    // so accounts are counted, scored and exported row by row rather than not at all.
    for (let row = 0; row < rows; row++) accountIndex[row] = row
    accountCount = rows
  } else {
    const keyColumn = columnByRole(deals, 'account-id', 'account-name', 'domain')
    const seen = new Map<string, number>()
    const keys = keyColumn ? rowKeys(db, deals, keyColumn.name, 'normalized', reader.rules) : []
    keys.forEach((key, row) => {
      if (key === null) return
      let index = seen.get(key)
      if (index === undefined) {
        index = seen.size
        seen.set(key, index)
      }
      accountIndex[row] = index
    })
    accountCount = seen.size
  }

  const attributes = new Map<string, EngineColumn>()
  const levels = new Map<string, 'account' | 'deal'>()
  for (const column of deals.columns) {
    if (column.role !== 'attribute') continue
    attributes.set(column.name, engineColumn(db, deals, column, reader, rows, identity))
    levels.set(column.name, column.level ?? (deals.record.kind === 'deals' ? 'deal' : 'account'))
  }
  if (accounts) {
    const fromAccount = (row: number) => accountRowOf[row]!
    for (const column of accounts.columns) {
      if (column.role !== 'attribute') continue
      const name = attributes.has(column.name) ? `${column.name} (account)` : column.name
      attributes.set(name, engineColumn(db, accounts, column, reader, rows, fromAccount))
      levels.set(name, 'account')
    }
  }

  const accountSource = accounts ? (row: number) => accountRowOf[row]! : identity
  const accountTable = accounts ?? deals
  // Churn is an account fact: read it from the accounts table when there is one.
  const churnedColumn = columnByRole(accountTable, 'churned') ?? columnByRole(deals, 'churned')
  const churnedSource = churnedColumn && accountTable.columns.includes(churnedColumn) ? accountTable : deals
  let churned: Int8Array | undefined
  if (churnedColumn) {
    const read = engineColumn(
      db,
      churnedSource,
      { ...churnedColumn, type: 'boolean' },
      reader,
      rows,
      churnedSource === deals ? identity : accountSource
    )
    if (read.kind === 'boolean') churned = read.values
  }
  const metrics = metricsOf(db, deals, accounts, reader, accountSource, churned)
  const dealIds = textsOf(db, deals, columnByRole(deals, 'deal-id'), reader, rows, identity)
  const idColumn = keyless ? undefined : columnByRole(accountTable, 'account-id')
  const domainColumn = columnByRole(accountTable, 'domain')
  const accountKeys = {
    idColumn: idColumn?.name ?? null,
    domainColumn: domainColumn?.name ?? null,
    domains: domainColumn ? textsOf(db, accountTable, domainColumn, reader, rows, keyless ? identity : accountSource) : []
  }
  return {
    rowCount: rows,
    outcome,
    amount: numbersOf(db, deals, columnByRole(deals, 'deal-amount'), reader),
    cycleDays,
    closedAt,
    createdAt,
    ...(churned ? { churned } : {}),
    metrics,
    accountIndex,
    accountCount,
    dealIds,
    accountIds: keyless
      ? Array.from({ length: rows }, (_, row) => dealIds[row] || `Row ${row + 1}`)
      : textsOf(db, accountTable, columnByRole(accountTable, 'account-id', 'domain', 'account-name'), reader, rows, accountSource),
    accountNames: textsOf(db, accountTable, columnByRole(accountTable, 'account-name', 'account-id'), reader, rows, accountSource),
    accountKeys,
    attributes,
    levels
  }
}
