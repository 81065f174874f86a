import type { Database } from 'better-sqlite3'
import type { EngineDataset } from '@shared/engine/engine-dataset'
import { buildEngineDataset } from './build-engine-dataset'

/**
 * Everything the engine's copy of the data depends on, read cheaply from the workspace: table
 * ids (a re-import gets a new id), column settings, outcome mapping, join, missing tokens and
 * hygiene rules. When it changes, the copy is rebuilt.
 */
function dataVersion(db: Database): string {
  const parts = [
    "SELECT group_concat(id || kind || row_count, '|') FROM source_table",
    "SELECT group_concat(table_id || '.' || position || type || role || coalesce(category, '') || coalesce(date_order, ''), '|') FROM source_column",
    "SELECT group_concat(value || '=' || coalesce(outcome, ''), '|') FROM outcome_mapping",
    "SELECT group_concat(accounts_key || deals_key || mode, '|') FROM dataset_join",
    "SELECT group_concat(token, '|') FROM missing_token",
    "SELECT group_concat(id || kind || column_name || coalesce(merge_to, '') || coalesce(normalize_to, '') || coalesce(band_preset, ''), '|') FROM hygiene_rule",
    "SELECT group_concat(rule_id || '.' || position || coalesce(merge_from, '') || coalesce(band_cut, '') || coalesce(band_label, ''), '|') FROM hygiene_rule_value"
  ]
  return parts.map((sql) => String(db.prepare(sql).pluck().get() ?? '')).join('\n')
}

const cache = new WeakMap<Database, { version: string; dataset: EngineDataset }>()

/** FNV-1a: a short, stable name for a data version (it crosses the API; the full string is long). */
function hashOf(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0
  return hash.toString(36)
}

/**
 * Names the data the engine copy was built from, so a client holding masks or a pack (the
 * renderer's what-if worker) can tell that they describe other rows after an import.
 */
export function engineDataVersion(db: Database): string {
  return `${hashOf(dataVersion(db))}-${engineDatasetFor(db).rowCount}`
}

/** The engine's columnar copy of the workspace's deals, rebuilt only when the data changed. */
export function engineDatasetFor(db: Database): EngineDataset {
  const version = dataVersion(db)
  const hit = cache.get(db)
  if (hit && hit.version === version) return hit.dataset
  const dataset = buildEngineDataset(db)
  cache.set(db, { version, dataset })
  return dataset
}
