import { suggestMerges } from '@shared/import/hygiene'
import { roleClash, type AttributeLevel, type ColumnRole } from '@shared/domain/dataset'
import { applyLevels } from '@shared/import/column-levels'
import { headerKey } from '@shared/import/header-key'
import { detectMultiSeparators } from '@shared/import/values'
import { accountView } from '@shared/engine/account-view'
import { AppError } from '../app-error'
import { engineDatasetFor } from '../engine/engine-dataset-cache'
import type { Handlers } from '../dispatch'
import {
  addCategory,
  listCategories,
  updateColumnSetting,
  writeJoinSettings,
  writeMissingTokens,
  writeOutcomeMapping,
  readColumnData,
  writeColumnMissingTokens,
  writePlaceholderChoice,
  type ColumnRecord
} from '../store/dataset-queries'
import { writeLabel } from './column-labels'
import { decideColumnMissing, missingSetOf, redecideAllMissing } from './column-missing'
import { columnValues, datasetSummary, storedColumnProfile, storedTableView } from './dataset-summary'
import { deleteRule, insertRule, listRules } from './hygiene-queries'
import { joinList } from './join-report'
import { cleanedColumn, columnByName, loadTable, loadTables, type LoadedTable } from './stored-data'
import { ruleViews } from './rule-views'

type DatasetMethods =
  | 'dataset-summary'
  | 'dataset-set-column'
  | 'dataset-set-placeholder'
  | 'dataset-set-outcomes'
  | 'dataset-set-join'
  | 'dataset-join-list'
  | 'dataset-rows'
  | 'dataset-accounts'
  | 'dataset-remove-table'
  | 'dataset-set-missing-tokens'
  | 'dataset-table'
  | 'category-list'
  | 'category-add'
  | 'hygiene-list'
  | 'hygiene-add'
  | 'hygiene-remove'
  | 'hygiene-suggest'

/**
 * An attribute keeps its level; a column that becomes one is judged as the import would judge
 * it (by the data when the table has an account key); the consultant's choice wins.
 */
function levelOf(
  db: Parameters<typeof loadTable>[0],
  table: LoadedTable,
  column: ColumnRecord,
  role: ColumnRole,
  chosen: AttributeLevel | null | undefined
): Pick<ColumnRecord, 'level' | 'levelReason'> {
  if (role !== 'attribute') return { level: null, levelReason: null }
  if (chosen) return { level: chosen, levelReason: chosen === column.level ? column.levelReason : 'your choice' }
  if (column.role === 'attribute' && column.level) return { level: column.level, levelReason: column.levelReason }
  const judged = table.columns.map((c) => ({
    name: c.name,
    role: c === column ? role : c.role,
    level: c.level,
    levelReason: c.levelReason
  }))
  const data = table.columns.map((c) => readColumnData(db, table.record, c.position))
  applyLevels(judged, data, table.columns.map(missingSetOf), table.record.kind)
  const { level, levelReason } = judged[column.position]!
  return { level, levelReason }
}

const KIND_NAMES = { accounts: 'accounts', deals: 'deals', flat: 'flat (deals with account columns)' } as const

function requireTable(db: Parameters<typeof loadTable>[0], kind: keyof typeof KIND_NAMES) {
  const table = loadTable(db, kind)
  if (!table) throw new AppError('NOT_FOUND', `This workspace has no ${KIND_NAMES[kind]} table yet; import one first.`)
  return table
}

export const datasetHandlers: Pick<Handlers, DatasetMethods> = {
  'dataset-summary': (_input, ctx) => datasetSummary(ctx.session.require().db),

  'dataset-table'({ kind }, ctx) {
    const { db } = ctx.session.require()
    const rules = listRules(db).map((r) => r.rule)
    return storedTableView(db, requireTable(db, kind), rules)
  },

  'dataset-set-column'(input, ctx) {
    const { db } = ctx.session.require()
    const table = requireTable(db, input.kind)
    const column = table.columns[input.index]
    if (!column) throw new AppError('BAD_INPUT', `The ${input.kind} table has no column ${input.index + 1}.`)
    const role = input.role ?? column.role
    if (role !== column.role) {
      const clash = roleClash(table.columns.map((c) => (c.position === column.position ? { ...c, role } : c)))
      if (clash) {
        const holder = clash.first.position === column.position ? clash.second : clash.first
        throw new AppError('BAD_INPUT', `Column "${holder.name}" already has that role; change it first.`)
      }
    }
    const type = input.type ?? column.type
    const rules = listRules(db).map((r) => r.rule)
    // A column turned into a list splits on the separators its values use, fixed now so the
    // profile and the engine split it the same way.
    let multiSeparators = column.multiSeparators
    if (type === 'multi' && multiSeparators === null) {
      const { values } = columnValues(db, table, column.position, rules, missingSetOf(column))
      multiSeparators = detectMultiSeparators(values) ?? ';,|/\n'
    }
    const dateOrder = input.dateOrder !== undefined ? input.dateOrder : column.dateOrder
    // What the numbers measure follows the type they are read as.
    const unit =
      type === column.type ? column.unit : storedColumnProfile(db, table, { ...column, type, dateOrder, multiSeparators }, rules).unit
    const { level, levelReason } = levelOf(db, table, column, role, input.level)
    db.transaction(() => {
      if (input.label !== undefined) writeLabel(db, column.name, input.label)
      updateColumnSetting(db, table.record.id, column.position, {
        type,
        role,
        category: role === 'attribute' ? (input.category !== undefined ? input.category : (column.category ?? 'Firmographic')) : null,
        dateOrder,
        multiSeparators,
        level,
        levelReason,
        roleReason: role === column.role ? column.roleReason : 'your choice',
        unit
      })
    })()
    return datasetSummary(db)
  },

  'dataset-set-placeholder'(input, ctx) {
    const { db } = ctx.session.require()
    const table = requireTable(db, input.kind)
    const column = table.columns[input.index]
    if (!column) throw new AppError('BAD_INPUT', `The ${input.kind} table has no column ${input.index + 1}.`)
    db.transaction(() => {
      writePlaceholderChoice(db, headerKey(column.name), input.token, input.missing)
      const { tokens } = decideColumnMissing(db, column.name, readColumnData(db, table.record, column.position))
      writeColumnMissingTokens(db, table.record.id, column.position, tokens)
    })()
    return datasetSummary(db)
  },

  'dataset-set-outcomes'({ mapping }, ctx) {
    const { db } = ctx.session.require()
    db.transaction(() => writeOutcomeMapping(db, mapping))()
    return datasetSummary(db)
  },

  'dataset-set-join'(input, ctx) {
    const { db } = ctx.session.require()
    const accounts = requireTable(db, 'accounts')
    const deals = requireTable(db, 'deals')
    if (!columnByName(accounts, input.accountsKey)) {
      throw new AppError('BAD_INPUT', `The accounts table has no column "${input.accountsKey}".`)
    }
    if (!columnByName(deals, input.dealsKey)) throw new AppError('BAD_INPUT', `The deals table has no column "${input.dealsKey}".`)
    db.transaction(() => writeJoinSettings(db, input))()
    return datasetSummary(db)
  },

  'dataset-join-list'(input, ctx) {
    const { db } = ctx.session.require()
    const rules = listRules(db).map((r) => r.rule)
    return joinList(db, requireTable(db, 'accounts'), requireTable(db, 'deals'), rules, input.list, input.offset, input.limit)
  },

  'dataset-rows'(input, ctx) {
    const { db } = ctx.session.require()
    const table = requireTable(db, input.kind)
    const rules = listRules(db).map((r) => r.rule)
    const end = Math.min(table.record.rowCount, input.offset + input.limit)
    const columns = table.columns.map((c) => cleanedColumn(db, table, c.position, rules))
    const rows: string[][] = []
    for (let row = input.offset; row < end; row++) {
      rows.push(columns.map((column) => column.dictionary[column.codes[row]!] ?? ''))
    }
    return { total: table.record.rowCount, headers: table.columns.map((c) => c.name), rows }
  },

  'dataset-accounts'(input, ctx) {
    const all = accountView(engineDatasetFor(ctx.session.require().db))
    const counts = { won: 0, lost: 0, open: 0 }
    for (const account of all) counts[account.outcome]++
    const chosen = input.outcome === 'all' ? all : all.filter((a) => a.outcome === input.outcome)
    return { total: chosen.length, counts, rows: chosen.slice(input.offset, input.offset + input.limit) }
  },

  'dataset-remove-table'({ kind }, ctx) {
    const { db } = ctx.session.require()
    requireTable(db, kind)
    db.transaction(() => {
      db.prepare('DELETE FROM source_table WHERE kind = ?').run(kind)
      if (kind !== 'flat') writeJoinSettings(db, null)
    })()
    return datasetSummary(db)
  },

  'dataset-set-missing-tokens'({ tokens }, ctx) {
    const { db } = ctx.session.require()
    db.transaction(() => {
      writeMissingTokens(db, tokens)
      redecideAllMissing(db)
    })()
    return datasetSummary(db)
  },

  'category-list': (_input, ctx) => listCategories(ctx.session.require().db),

  'category-add'({ name }, ctx) {
    const { db } = ctx.session.require()
    db.transaction(() => addCategory(db, name))()
    return listCategories(db)
  },

  'hygiene-list': (_input, ctx) => ruleViews(ctx.session.require().db),

  'hygiene-add'({ rule }, ctx) {
    const { db } = ctx.session.require()
    const known = loadTables(db).some((t) => t.columns.some((c) => c.name === rule.column))
    if (!known) throw new AppError('BAD_INPUT', `No imported table has a column "${rule.column}".`)
    db.transaction(() => insertRule(db, rule))()
    return ruleViews(db)
  },

  'hygiene-remove'({ id }, ctx) {
    const { db } = ctx.session.require()
    if (!db.transaction(() => deleteRule(db, id))()) throw new AppError('NOT_FOUND', 'That hygiene rule no longer exists.')
    return ruleViews(db)
  },

  'hygiene-suggest'({ kind, column }, ctx) {
    const { db } = ctx.session.require()
    const table = requireTable(db, kind)
    const found = columnByName(table, column)
    if (!found) throw new AppError('BAD_INPUT', `The ${kind} table has no column "${column}".`)
    const rules = listRules(db).map((r) => r.rule)
    const { values } = columnValues(db, table, found.position, rules, missingSetOf(found))
    const counts = new Map(values.map((v) => [v.value, v.count]))
    return suggestMerges(values).map((group) => ({
      to: group.to,
      from: group.from.map((value) => ({ value, count: counts.get(value) ?? 0 }))
    }))
  }
}
