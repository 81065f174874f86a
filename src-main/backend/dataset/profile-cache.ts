import type { Database } from 'better-sqlite3'
import type { ColumnProfile } from '@shared/domain/dataset'
import type { HygieneRule } from '@shared/domain/data-views'
import { headerKey } from '@shared/import/header-key'
import type { ColumnRecord } from '../store/dataset-queries'

/**
 * Column profiles of stored tables, remembered per open database. Profiling a million-row
 * column takes a second or more and the Data section asks for all of them after every edit;
 * a profile only changes when the table is re-imported (new table id), the column's type or
 * date order changes, or the rules or the column's missing spellings that shape it change — all in the key.
 */
const caches = new WeakMap<Database, Map<string, ColumnProfile>>()
const MAX_ENTRIES = 2000

export function profileKey(
  tableId: number,
  column: Pick<ColumnRecord, 'position' | 'name' | 'type' | 'dateOrder' | 'multiSeparators' | 'missingTokens'>,
  rules: readonly HygieneRule[]
): string {
  const own = rules.filter((rule) => headerKey(rule.column) === headerKey(column.name))
  // Sorted: the staged column and the stored one list the same spellings in different orders.
  const tokens = [...new Set(column.missingTokens)].sort()
  return JSON.stringify([tableId, column.position, column.type, column.dateOrder, column.multiSeparators, own, tokens])
}

export function cachedProfile(db: Database, key: string, compute: () => ColumnProfile): ColumnProfile {
  const hit = caches.get(db)?.get(key)
  if (hit) return hit
  const profile = compute()
  rememberProfile(db, key, profile)
  return profile
}

/** Seeds the cache with a profile already computed (the staged one, right after a commit). */
export function rememberProfile(db: Database, key: string, profile: ColumnProfile): void {
  let cache = caches.get(db)
  if (!cache) {
    cache = new Map()
    caches.set(db, cache)
  }
  if (cache.size >= MAX_ENTRIES) cache.clear()
  cache.set(key, profile)
}
