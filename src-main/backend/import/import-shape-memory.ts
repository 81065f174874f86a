/**
 * The consultant's corrections on the review screen, remembered for the next file of the same
 * shape (the same column headers) in this workspace: next quarter's export is read the way it
 * was corrected last time, not guessed again. Only corrections are kept, so an improved guess
 * still reaches columns nobody had to fix.
 */
import type { Database } from 'better-sqlite3'
import { createHash } from 'node:crypto'
import type { AttributeLevel, ColumnProfile, ColumnRole, ColumnType, DateOrder, TableKind } from '@shared/domain/dataset'
import type { ColumnSetting } from '@shared/domain/import'
import { headerKey } from '@shared/import/header-key'

export interface RememberedColumn {
  kind: TableKind
  type: ColumnType
  role: ColumnRole
  category: string | null
  dateOrder: DateOrder | null
  level: AttributeLevel | null
}

export const REMEMBERED_REASON = 'as you set it for the last file with these columns'

/** Files with the same headers (ignoring case, spacing and order) share a shape. */
export function shapeKey(headers: readonly string[]): string {
  const keys = headers.map(headerKey).sort()
  return createHash('sha256').update(keys.join('\n')).digest('hex')
}

/** Every remembered shape of the workspace: shape key -> [column key, settings] (small; sent to the reader). */
export function readRememberedShapes(db: Database): Record<string, Array<[string, RememberedColumn]>> {
  const rows = db
    .prepare(
      `SELECT shape_key AS shapeKey, column_key AS columnKey, kind, type, role, category, date_order AS dateOrder, level
       FROM import_shape_column`
    )
    .all() as Array<RememberedColumn & { shapeKey: string; columnKey: string }>
  const shapes: Record<string, Array<[string, RememberedColumn]>> = {}
  for (const { shapeKey: key, columnKey, ...column } of rows) (shapes[key] ??= []).push([columnKey, column])
  return shapes
}

/**
 * Keeps what the consultant changed from the suggestion (and every column when the table kind
 * was changed, since the suggestions depend on it). Call inside the commit's transaction.
 */
export function rememberShape(
  db: Database,
  profiles: readonly ColumnProfile[],
  suggestedKind: TableKind,
  kind: TableKind,
  settings: readonly ColumnSetting[]
): void {
  const key = shapeKey(profiles.map((p) => p.name))
  const byIndex = new Map(settings.map((s) => [s.index, s]))
  const upsert = db.prepare(
    `INSERT INTO import_shape_column (shape_key, column_key, kind, type, role, category, date_order, level)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (shape_key, column_key) DO UPDATE SET kind = excluded.kind, type = excluded.type, role = excluded.role,
       category = excluded.category, date_order = excluded.date_order, level = excluded.level`
  )
  for (const profile of profiles) {
    const chosen = byIndex.get(profile.index)
    if (!chosen) continue
    const level = chosen.level ?? profile.level
    const dateOrder = chosen.dateOrder !== undefined ? chosen.dateOrder : profile.dateOrder
    const changed =
      kind !== suggestedKind ||
      chosen.type !== profile.type ||
      chosen.role !== profile.role ||
      (chosen.role === 'attribute' && chosen.category !== profile.category) ||
      dateOrder !== profile.dateOrder ||
      (chosen.role === 'attribute' && level !== profile.level)
    if (!changed) continue
    upsert.run(
      key,
      headerKey(profile.name),
      kind,
      chosen.type,
      chosen.role,
      chosen.role === 'attribute' ? chosen.category : null,
      dateOrder,
      chosen.role === 'attribute' ? level : null
    )
  }
}
