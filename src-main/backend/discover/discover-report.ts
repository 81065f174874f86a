import type { Database } from 'better-sqlite3'
import type { DiscoverReport, DiscoverValue } from '@shared/domain/discover'
import { discover, type DiscoveredBin, type DiscoverOptions, type DiscoverResult } from '@shared/engine/discover'
import type { EngineDataset } from '@shared/engine/engine-dataset'
import { EMPLOYEE_BANDS, REVENUE_BANDS, type Band } from '@shared/import/hygiene'
import { formatRange, type ValueKind } from '@shared/export/readable-values'
import { attributeWordsOf } from '../dataset/attribute-words'
import { loadTables } from '../dataset/stored-data'
import { engineDatasetFor } from '../engine/engine-dataset-cache'
import { targetFor } from '../simulate/run-simulation'
import { readBestDefinition } from './best-definition-queries'
import { readLeakOverrules } from './leak-overrules'

export type DiscoverTarget = DiscoverReport['target']

const num = (value: number): number | null => (Number.isFinite(value) ? value : null)

function value(bin: DiscoveredBin, kind?: ValueKind): DiscoverValue {
  return {
    // A range column's bins are cut on the number each band is scored by (11-50 by 30.5): they
    // are labelled by the bands they take in, as the one-pager says them.
    label:
      kind?.bands && bin.condition.op === 'between' ? formatRange(bin.condition.min ?? null, bin.condition.max ?? null, kind) : bin.label,
    n: bin.n,
    deals: bin.deals,
    accounts: bin.accounts,
    positives: bin.positives,
    rate: num(bin.rate),
    ci: [num(bin.ci[0]), num(bin.ci[1])],
    lift: num(bin.lift),
    woe: num(bin.woe),
    tooSmall: bin.tooSmall,
    condition: bin.condition
  }
}

/** Attribute categories as the user set them in the Data section (accounts' columns as joined). */
function categoriesOf(db: Database, dataset: EngineDataset): Map<string, string> {
  const categories = new Map<string, string>()
  for (const table of loadTables(db)) {
    for (const column of table.columns) {
      if (column.role !== 'attribute' || !column.category) continue
      const name = dataset.attributes.has(column.name) ? column.name : `${column.name} (account)`
      if (dataset.attributes.has(name) && !categories.has(name)) categories.set(name, column.category)
    }
  }
  return categories
}

/** Employee and revenue columns also get the bands consultants already think in. */
function standardBands(dataset: EngineDataset): Map<string, readonly Band[]> {
  const bands = new Map<string, readonly Band[]>()
  for (const [name, column] of dataset.attributes) {
    if (column.kind !== 'number') continue
    if (/employee|headcount|staff/i.test(name)) bands.set(name, EMPLOYEE_BANDS)
    else if (/revenue|arr\b|turnover/i.test(name)) bands.set(name, REVENUE_BANDS)
  }
  return bands
}

/** Date-typed attribute columns, checked for dates filled in after the deal began. */
function dateAttributesOf(db: Database, dataset: EngineDataset): Set<string> {
  const dates = new Set<string>()
  for (const table of loadTables(db)) {
    for (const column of table.columns) {
      if (column.role !== 'attribute' || column.type !== 'date') continue
      const name = dataset.attributes.has(column.name) ? column.name : `${column.name} (account)`
      if (dataset.attributes.has(name)) dates.add(name)
    }
  }
  return dates
}

/** What Discover needs from the workspace besides the data: categories, bands, overruled leaks, dates. */
export function discoverOptionsFor(db: Database, dataset: EngineDataset): Omit<DiscoverOptions, 'target'> {
  return {
    categories: categoriesOf(db, dataset),
    bands: standardBands(dataset),
    leakAllowed: readLeakOverrules(db),
    dateAttributes: dateAttributesOf(db, dataset)
  }
}

/**
 * Discover's result per dataset and settings: the Discover screen, the suggestion and every
 * deliverable read the same analysis, and a PDF re-rendered while the data is unchanged does
 * not re-run it. Keyed weakly by the dataset, which is rebuilt whenever the data changes.
 */
const discoverCache = new WeakMap<EngineDataset, Map<string, DiscoverResult>>()

function settingsKey(target: DiscoverTarget, options: Omit<DiscoverOptions, 'target'>, best: unknown): string {
  const plain = (value: unknown): unknown => (value instanceof Map ? [...value] : value instanceof Set ? [...value] : value)
  return JSON.stringify({ target, best, ...Object.fromEntries(Object.entries(options).map(([k, v]) => [k, plain(v)])) })
}

export function discoverFor(
  db: Database,
  target: DiscoverTarget
): { dataset: EngineDataset; result: DiscoverResult; options: Omit<DiscoverOptions, 'target'>; vector?: Int8Array } {
  const dataset = engineDatasetFor(db)
  const best = target === 'best' ? readBestDefinition(db) : null
  const vector = targetFor(dataset, target, best)
  const options = discoverOptionsFor(db, dataset)
  const key = settingsKey(target, options, best)
  let cached = discoverCache.get(dataset)
  if (!cached) discoverCache.set(dataset, (cached = new Map()))
  let result = cached.get(key)
  if (!result) {
    result = discover(dataset, { ...(vector ? { target: vector } : {}), ...options })
    cached.set(key, result)
  }
  return { dataset, result, options, ...(vector ? { vector } : {}) }
}

/** Every attribute's evidence, strongest first, in the shape `icp discover --json` documents. */
export function discoverReport(db: Database, target: DiscoverTarget): DiscoverReport {
  const { result } = discoverFor(db, target)
  const words = attributeWordsOf(db)
  return {
    target,
    n: result.n,
    positives: result.positives,
    baseRate: num(result.baseRate),
    accounts: result.accounts
      ? { n: result.accounts.n, positives: result.accounts.positives, baseRate: num(result.accounts.baseRate) }
      : null,
    signal: result.signal,
    attributes: result.attributes.map((attribute) => ({
      name: attribute.name,
      category: attribute.category,
      iv: attribute.iv,
      strength: attribute.strength,
      significant: attribute.significant,
      pValue: num(attribute.pValue),
      unit: attribute.unit,
      auc: num(attribute.auc),
      leakageSuspected: attribute.leakageSuspected,
      leakageReasons: attribute.leakageReasons,
      leakageOverruled: attribute.leakageOverruled,
      excluded: attribute.excluded,
      values: attribute.bins.map((bin) => value(bin, words(attribute.name).kind)),
      ...(attribute.bandView ? { bands: attribute.bandView.bins.map((bin) => value(bin, words(attribute.name).kind)) } : {})
    }))
  }
}
