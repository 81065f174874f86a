import type { Database } from 'better-sqlite3'
import { basename } from 'node:path'
import type { HygieneRule } from '@shared/domain/data-views'
import { roleClash, type TableKind } from '@shared/domain/dataset'
import type { ColumnSetting, ImportMode, OutcomeMappingEntry } from '@shared/domain/import'
import { concatColumns, countCodes, DictionaryColumnBuilder, filterRows, type DictionaryColumn } from '@shared/engine/dictionary-column'
import { joinKey } from '@shared/engine/join-key'
import { applyLevels } from '@shared/import/column-levels'
import { headerKey } from '@shared/import/header-key'
import { outcomeMappingFor } from '@shared/import/outcome-mapping-for'
import { distinctValues } from '@shared/import/profile-column'
import { isMissingValue } from '@shared/import/values'
import { AppError } from '../app-error'
import { decideColumnMissing, missingSetOf } from '../dataset/column-missing'
import { insertRule, listRules } from '../dataset/hygiene-queries'
import { profileKey, rememberProfile } from '../dataset/profile-cache'
import { loadTable, type LoadedTable } from '../dataset/stored-data'
import {
  readColumnData,
  readMissingTokens,
  readOutcomeMapping,
  readJoinSettings,
  replaceTable,
  writeJoinSettings,
  writeOutcomeMapping,
  type ColumnToSave
} from '../store/dataset-queries'
import { rememberShape } from './import-shape-memory'
import type { StagedFile } from './staged-file'

export interface CommitRequest {
  kind: TableKind
  columns: ColumnSetting[]
  outcomeMapping?: Array<{ value: string; outcome: 'won' | 'lost' | 'open' | null }> | undefined
  mode: ImportMode
  appendKey?: string | undefined
  rules?: HygieneRule[] | undefined
}

/**
 * Saves a staged file as the workspace's table of `kind`, in one transaction: either the whole
 * import lands, with its roles, outcome mapping and join, or the workspace stays as it was.
 */
export function commitImport(db: Database, staged: StagedFile, request: CommitRequest): void {
  const settings = new Map(request.columns.map((c) => [c.index, c]))
  const columns: ColumnToSave[] = staged.profiles.map((profile) => {
    const chosen = settings.get(profile.index)
    const role = chosen?.role ?? profile.role
    return {
      position: profile.index,
      name: profile.name,
      inferredType: profile.inferredType,
      type: chosen?.type ?? profile.type,
      role,
      category: role === 'attribute' ? (chosen?.category ?? profile.category ?? 'Firmographic') : null,
      dateOrder: chosen?.dateOrder !== undefined ? chosen.dateOrder : profile.dateOrder,
      multiSeparators: profile.multiSeparators,
      level: role === 'attribute' ? (chosen?.level ?? profile.level) : null,
      levelReason: chosen?.level && chosen.level !== profile.level ? 'your choice' : profile.levelReason,
      roleReason: role === profile.role ? profile.roleReason : 'your choice',
      unit: profile.unit,
      missingTokens: staged.columnMissing[profile.index] ?? [''],
      data: staged.columns[profile.index]!
    }
  })
  checkRoles(staged.fileName, request.kind, columns)
  levelNewAttributes(columns, request.kind)
  const tokens = readMissingTokens(db)

  db.transaction(() => {
    const existing = loadTable(db, request.kind)
    const appended = request.mode === 'append' && existing ? appendTo(db, existing, columns, request.appendKey) : null
    // Placeholders are decided on the rows as they will be stored: the appended whole, or the
    // staged file when the token list has not changed since it was read.
    const toSave =
      appended || !sameTokens(staged.missingTokens, tokens)
        ? (appended ?? columns).map((c) => ({ ...c, missingTokens: decideColumnMissing(db, c.name, c.data).tokens }))
        : columns
    if (appended) checkRoles(staged.fileName, request.kind, toSave)
    const mapping = outcomeMappingOf(db, request, toSave)
    const outcomeColumn = toSave.find((c) => c.role === 'outcome')
    if (outcomeColumn && request.kind !== 'accounts') checkOutcomes(staged.fileName, outcomeColumn.name, mapping)
    const rowCount = toSave[0]?.data.codes.length ?? 0
    const tableId = replaceTable(
      db,
      {
        kind: request.kind,
        fileName: basename(staged.fileName),
        format: staged.format,
        sheetName: staged.sheetName,
        encoding: staged.encoding,
        delimiter: staged.delimiter,
        headerRow: staged.headerRow,
        rowCount,
        importedAt: new Date().toISOString()
      },
      toSave
    )
    if (toSave === columns) rememberStagedProfiles(db, tableId, staged, columns)
    if (mapping.length > 0) writeOutcomeMapping(db, mapping)
    addCleanups(db, request.rules ?? staged.cleanups.filter((c) => c.byDefault).map((c) => c.rule))
    rememberShape(db, staged.profiles, staged.suggestedKind, request.kind, request.columns)
    if (request.kind === 'deals' || request.kind === 'accounts') suggestJoin(db)
  })()
}

/** The clean-ups kept on the review screen become hygiene rules (each once), like rules added by hand. */
function addCleanups(db: Database, rules: readonly HygieneRule[]): void {
  // Keys in a fixed order, so a rule sent back by the page matches the stored one.
  const keyOf = (rule: HygieneRule): string => JSON.stringify(rule, Object.keys(rule).sort())
  const existing = new Set(listRules(db).map((r) => keyOf(r.rule)))
  for (const rule of rules) {
    const key = keyOf(rule)
    if (existing.has(key)) continue
    insertRule(db, rule)
    existing.add(key)
  }
}

/**
 * Columns the consultant turned into attributes on the review screen (or a table kind that
 * changed) get their level the way the import would have judged it.
 */
function levelNewAttributes(columns: ColumnToSave[], kind: TableKind): void {
  if (columns.every((c) => c.role !== 'attribute' || c.level !== null)) return
  const judged = columns.map((c) => ({
    name: c.name,
    role: c.role,
    level: null as ColumnToSave['level'],
    levelReason: null as string | null
  }))
  applyLevels(
    judged,
    columns.map((c) => c.data),
    columns.map((c) => missingSetOf(c)),
    kind
  )
  columns.forEach((c, i) => {
    if (c.role === 'attribute' && c.level === null) {
      c.level = judged[i]!.level
      c.levelReason = judged[i]!.levelReason
    }
  })
}

/**
 * The staged profiles describe exactly the rows just saved (for columns no hygiene rule
 * touches, read with the same type): remember them so the summary need not profile again.
 */
function rememberStagedProfiles(db: Database, tableId: number, staged: StagedFile, columns: readonly ColumnToSave[]): void {
  const rules = listRules(db).map((r) => r.rule)
  for (const column of columns) {
    const profile = staged.profiles[column.position]
    if (!profile || profile.type !== column.type || profile.dateOrder !== column.dateOrder) continue
    if (rules.some((rule) => headerKey(rule.column) === headerKey(column.name))) continue
    rememberProfile(db, profileKey(tableId, column, rules), profile)
  }
}

/**
 * The mapping is judged on the values of the column that is actually the outcome (the user may
 * have moved the role) in the table as it will be saved (an append adds to the stored rows),
 * with the request's choices over the saved ones over suggestions.
 */
function outcomeMappingOf(db: Database, request: CommitRequest, columns: readonly ColumnToSave[]): OutcomeMappingEntry[] {
  const outcome = request.kind === 'accounts' ? undefined : columns.find((c) => c.role === 'outcome')
  if (!outcome) return []
  const { values } = distinctValues(outcome.data, countCodes(outcome.data), missingSetOf(outcome))
  return outcomeMappingFor(
    values,
    [...readOutcomeMapping(db), ...(request.outcomeMapping ?? []).map((m) => [m.value, m.outcome] as const)],
    outcome.name
  )
}

/** Staged profiles were computed with the tokens in force then; they only count if unchanged. */
function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  const left = [...new Set(a.map((t) => t.trim().toLowerCase()))].sort()
  const right = [...new Set(b.map((t) => t.trim().toLowerCase()))].sort()
  return left.length === right.length && left.every((t, i) => t === right[i])
}

function checkRoles(fileName: string, kind: TableKind, columns: readonly ColumnToSave[]): void {
  const clash = roleClash(columns)
  if (clash) {
    throw new AppError(
      'BAD_INPUT',
      `${fileName}: columns "${clash.first.name}" and "${clash.second.name}" both have the role "${clash.role}"; a table has at most one.`
    )
  }
  if (kind !== 'accounts' && !columns.some((c) => c.role === 'outcome')) {
    throw new AppError(
      'BAD_INPUT',
      `${fileName}: no column has the role "Outcome" (won/lost); choose the column that holds the deal stage or result.`
    )
  }
}

function checkOutcomes(fileName: string, column: string, mapping: ReadonlyArray<{ outcome: string | null }>): void {
  // The check is on the outcome column's own values, mapped as they will be read.
  const outcomes = new Set(mapping.map((m) => m.outcome))
  if (!outcomes.has('won') || !outcomes.has('lost')) {
    throw new AppError(
      'BAD_INPUT',
      `${fileName}, column "${column}": no value is mapped to ${outcomes.has('won') ? 'lost' : 'won'}; map at least one value to won and one to lost (e.g. "Closed Won", "Closed Lost").`,
      { column }
    )
  }
}

/**
 * Appends the new rows to the stored table, matching columns by name. With a key column, stored
 * rows whose key reappears in the new file are replaced by the new rows (a refresh by key).
 */
function appendTo(db: Database, existing: LoadedTable, incoming: readonly ColumnToSave[], appendKey: string | undefined): ColumnToSave[] {
  const rowCount = existing.record.rowCount
  let keep: Uint8Array | null = null
  if (appendKey) {
    const oldKey = existing.columns.find((c) => c.name === appendKey)
    const newKey = incoming.find((c) => c.name === appendKey)
    if (!oldKey || !newKey) {
      throw new AppError('BAD_INPUT', `The key column "${appendKey}" must exist in both the stored table and the new file.`)
    }
    // A blank or placeholder key ("N/A") identifies nothing: such rows are never replaced.
    const missing = missingSetOf(newKey)
    const keyOf = (value: string): string | null => (isMissingValue(value, missing) ? null : joinKey(value, 'exact'))
    const fresh = new Set(Array.from(newKey.data.dictionary, keyOf).filter((k): k is string => k !== null))
    const stored = readColumnData(db, existing.record, oldKey.position)
    const storedKeys = stored.dictionary.map(keyOf)
    keep = new Uint8Array(rowCount)
    for (let row = 0; row < rowCount; row++) {
      const key = storedKeys[stored.codes[row]!] ?? null
      keep[row] = key !== null && fresh.has(key) ? 0 : 1
    }
  }
  const newRows = incoming[0]?.data.codes.length ?? 0
  const names = [
    ...existing.columns.map((c) => c.name),
    ...incoming.filter((c) => !existing.columns.some((e) => e.name === c.name)).map((c) => c.name)
  ]
  return names.map((name, position) => {
    const old = existing.columns.find((c) => c.name === name)
    const added = incoming.find((c) => c.name === name)
    const oldData: DictionaryColumn = old ? readColumnData(db, existing.record, old.position) : blank(rowCount)
    const kept = keep ? filterRows(oldData, keep) : oldData
    const data = concatColumns(kept, added ? added.data : blank(newRows))
    const base = old ?? added!
    return { ...base, position, data }
  })
}

function blank(rows: number): DictionaryColumn {
  const builder = new DictionaryColumnBuilder(rows)
  for (let i = 0; i < rows; i++) builder.push('')
  return builder.finish()
}

/** Once both tables exist, join deals to accounts on their id (else name, else domain) columns. */
function suggestJoin(db: Database): void {
  if (readJoinSettings(db)) return
  const accounts = loadTable(db, 'accounts')
  const deals = loadTable(db, 'deals')
  if (!accounts || !deals) return
  for (const role of ['account-id', 'account-name', 'domain'] as const) {
    const a = accounts.columns.find((c) => c.role === role)
    const d = deals.columns.find((c) => c.role === role)
    if (a && d) {
      writeJoinSettings(db, { accountsKey: a.name, dealsKey: d.name, mode: 'normalized' })
      return
    }
  }
}
