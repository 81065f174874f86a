import type { Database } from 'better-sqlite3'
import type { ColumnType } from '@shared/domain/dataset'
import { attributeCatalog, type AttributeCatalog, type AttributeKind } from '@shared/engine/scorecard/operators'
import { dealTableOf, loadTables, type LoadedTable } from '../dataset/stored-data'
import { buildEngineDataset } from '../engine/build-engine-dataset'

/**
 * The workspace's attributes as a scorecard sees them: names, kinds and (when asked for) the
 * values that occur on deals. Both readers name attributes exactly as the engine's dataset does,
 * so a scorecard that validates here scores there.
 */

function kindOf(type: ColumnType): AttributeKind {
  switch (type) {
    case 'number':
    case 'date':
    case 'range':
      return 'number'
    case 'boolean':
      return 'boolean'
    case 'multi':
      return 'multi'
    default:
      return 'category'
  }
}

/** The tables whose attributes reach the deals, in the order the engine joins them. */
function attributeTables(tables: readonly LoadedTable[]): LoadedTable[] {
  const accounts = tables.find((t) => t.record.kind === 'accounts')
  const deals = dealTableOf(tables)
  if (!deals) return accounts ? [accounts] : []
  // A flat table already carries the account's attributes; a separate accounts table is then not joined.
  return deals.record.kind === 'deals' && accounts ? [deals, accounts] : [deals]
}

/**
 * Names and kinds from the column settings alone: cheap (no row is read), which is what a save
 * after every edit needs. Null when nothing has been imported, so callers skip the attribute checks.
 */
export function attributeKinds(db: Database): AttributeCatalog | null {
  const tables = loadTables(db)
  if (tables.length === 0) return null
  const catalog = new Map<string, { kind: AttributeKind }>()
  attributeTables(tables).forEach((table, i) => {
    for (const column of table.columns) {
      if (column.role !== 'attribute') continue
      // The engine suffixes an account column whose name a deal column already took.
      const name = i > 0 && catalog.has(column.name) ? `${column.name} (account)` : column.name
      catalog.set(name, { kind: kindOf(column.type) })
    }
  })
  return catalog
}

/**
 * Names, kinds and the values that occur on deals (after hygiene rules), read through the
 * engine's dataset. Without deals there are no values to check, so only names and kinds.
 */
export function attributeValues(db: Database): AttributeCatalog | null {
  if (!dealTableOf(loadTables(db))) return attributeKinds(db)
  return attributeCatalog(buildEngineDataset(db))
}
