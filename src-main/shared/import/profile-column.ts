import type { ColumnProfile, ColumnType, DateOrder, PlaceholderDecision, ValueCount } from '../domain/dataset'
import type { DictionaryColumn } from '../engine/dictionary-column'
import { inferColumnType, isMissingValue, missingTokenSet, readValue } from './values'
import { decidePlaceholders, missingSpellings } from './values/placeholders'
import { numberUnit } from './values/number-unit'
import { proposeLabel } from '../export/readable-values'

export interface ProfileOptions {
  name: string
  index: number
  column: DictionaryColumn
  /** Rows per dictionary entry (countCodes). */
  counts: Uint32Array
  missingTokens: ReadonlySet<string>
  /** distinctValues() of this column, when the caller already has it. */
  distinct?: { values: ValueCount[]; missingCount: number }
  /** The user's choice; inference decides when absent. */
  type?: ColumnType
  dateOrder?: DateOrder | null
  /** Multi columns: the separators chosen at import (stored), instead of detecting them again. */
  multiSeparators?: string | null
  /** The placeholder decisions behind `missingTokens`, shown with the profile. */
  placeholders?: PlaceholderDecision[]
}

const TOP_VALUES = 12
const HISTOGRAM_BINS = 12
const UNPARSED_EXAMPLES = 5
/** Type inference looks at this many distinct values at most (an even spread of them). */
const INFERENCE_SAMPLE = 8_000

/** The distinct non-missing values of a column (trimmed, merged) with row counts, and the missing count. */
export function distinctValues(
  column: DictionaryColumn,
  counts: Uint32Array,
  missingTokens: ReadonlySet<string>
): { values: ValueCount[]; missingCount: number } {
  // A column of mostly unique values was stored without de-duplication (see
  // DictionaryColumnBuilder): merging its million entries through a map would cost more than
  // the rest of the import, so its rare repeats stay separate entries and its distinct count
  // is an upper bound (profiles say so with distinctIsEstimate).
  if (column.unique === false || (column.unique === true && column.dictionary.every(isTrimmed))) {
    return entryValues(column, counts, missingTokens)
  }
  const merged = new Map<string, number>()
  let missingCount = 0
  for (let code = 0; code < column.dictionary.length; code++) {
    const count = counts[code]!
    if (count === 0) continue
    const raw = column.dictionary[code]!
    if (isMissingValue(raw, missingTokens)) {
      missingCount += count
      continue
    }
    const value = raw.trim()
    merged.set(value, (merged.get(value) ?? 0) + count)
  }
  const values: ValueCount[] = []
  for (const [value, count] of merged) values.push({ value, count })
  return { values, missingCount }
}

function isTrimmed(value: string): boolean {
  if (value.length === 0) return true
  const first = value.charCodeAt(0)
  const last = value.charCodeAt(value.length - 1)
  return first > 32 && first !== 0xa0 && last > 32 && last !== 0xa0
}

/** One value per dictionary entry, trimmed; no map needed. */
function entryValues(
  column: DictionaryColumn,
  counts: Uint32Array,
  missingTokens: ReadonlySet<string>
): { values: ValueCount[]; missingCount: number } {
  const values: ValueCount[] = []
  let missingCount = 0
  for (let code = 0; code < column.dictionary.length; code++) {
    const count = counts[code]!
    if (count === 0) continue
    const raw = column.dictionary[code]!
    if (isMissingValue(raw, missingTokens)) missingCount += count
    else values.push({ value: isTrimmed(raw) ? raw : raw.trim(), count })
  }
  return { values, missingCount }
}

const BLANK_ONLY: ReadonlySet<string> = new Set([''])

export interface ColumnMissing {
  placeholders: PlaceholderDecision[]
  /** The spellings that count as missing in this column (for isMissingValue). */
  missing: ReadonlySet<string>
  /** The column's distinct values and missing count under that set. */
  distinct: { values: ValueCount[]; missingCount: number }
}

/**
 * Decides from the column's own data which placeholder spellings are missing values in it
 * (see values/placeholders.ts): `hints` is the workspace's token list, `choices` the user's
 * per-column overrides (lower-case token -> missing).
 */
export function columnMissing(
  name: string,
  column: DictionaryColumn,
  counts: Uint32Array,
  hints: ReadonlySet<string>,
  choices?: ReadonlyMap<string, boolean>
): ColumnMissing {
  const all = distinctValues(column, counts, BLANK_ONLY)
  // Hints are short words: longer values are never one, and skip the lower-casing.
  let longest = 0
  for (const hint of hints) longest = Math.max(longest, hint.length)
  const isHint = (value: string): boolean => value.length <= longest && hints.has(value.toLowerCase())
  // A column stored without de-duplication lists a repeated placeholder once per row: add them up.
  const hintedCounts = new Map<string, number>()
  for (const v of all.values) if (isHint(v.value)) hintedCounts.set(v.value, (hintedCounts.get(v.value) ?? 0) + v.count)
  // Most columns hold no hinted word: their values are sampled as they are, without a copy of
  // a million entries.
  const rest = hintedCounts.size === 0 ? all.values : all.values.filter((v) => !isHint(v.value))
  const hinted = [...hintedCounts].map(([value, count]) => ({ value, count }))
  const sample = sampleValues(rest, INFERENCE_SAMPLE)
  let sampledRows = 0
  for (const v of sample) sampledRows += v.count
  const { type } = inferColumnType({ header: name, values: sample, rowCount: sampledRows, missingCount: 0 })
  // Sentinels (999) are looked for among the numbers themselves; hinted words are few, so cheap.
  const candidates = type === 'number' ? all.values : hinted
  const placeholders = decidePlaceholders({ values: candidates, type, hints, ...(choices ? { choices } : {}) })
  const missing = missingTokenSet(missingSpellings(placeholders))
  if (placeholders.every((p) => !p.missing)) {
    return { placeholders, missing, distinct: all }
  }
  const values: ValueCount[] = []
  let missingCount = all.missingCount
  const missingSpelled = new Set(placeholders.filter((p) => p.missing).map((p) => p.token))
  for (const v of all.values) {
    if (missingSpelled.has(v.value)) missingCount += v.count
    else values.push(v)
  }
  return { placeholders, missing, distinct: { values, missingCount } }
}

/**
 * An even spread of a column's distinct values. Taking every k-th value keeps the average rows
 * per value, so shares and uniqueness judged on the sample match the whole column.
 */
export function sampleValues(values: readonly ValueCount[], size: number): ValueCount[] {
  if (values.length <= size) return values as ValueCount[]
  const step = values.length / size
  const sample: ValueCount[] = []
  for (let i = 0; i < size; i++) sample.push(values[Math.floor(i * step)]!)
  return sample
}

/**
 * Everything the review screen shows about one column: its inferred type, how much is missing,
 * its most common values or a histogram, and which values do not read as the chosen type.
 */
export function profileColumn(options: ProfileOptions): ColumnProfile {
  const { column, counts, name, index } = options
  const rowCount = column.codes.length
  const { values, missingCount } = options.distinct ?? distinctValues(column, counts, options.missingTokens)
  const sample = sampleValues(values, INFERENCE_SAMPLE)
  const sampledRows = sample === values ? rowCount - missingCount : sample.reduce((sum, v) => sum + v.count, 0)
  const inferred = inferColumnType({ header: name, values: sample, rowCount: sampledRows + missingCount, missingCount })
  const type = options.type ?? inferred.type
  const dateOrder = options.dateOrder !== undefined ? options.dateOrder : inferred.dateOrder
  const multiSeparators = options.multiSeparators ?? inferred.multiSeparators ?? (type === 'multi' ? ';,|/\n' : null)
  const readOptions = { dateOrder, multiSeparators }

  let unparsedCount = 0
  const unparsedExamples: string[] = []
  // Two flat lists, not an object per value: a date column of a million distinct timestamps
  // made a million objects here, most of the reader's garbage while profiling.
  const numbers: number[] = []
  const numberCounts: number[] = []
  const tallies = new Map<string, number>()
  // Identifiers and free text read as themselves; their profile is their most repeated values.
  if (type === 'id' || type === 'text') {
    return finish(topByCount(values), null, 0, [], null)
  }
  for (const { value, count } of values) {
    const typed = readValue(value, type, readOptions)
    if (typed === null) {
      unparsedCount += count
      if (unparsedExamples.length < UNPARSED_EXAMPLES) unparsedExamples.push(value)
      continue
    }
    if (typeof typed === 'number') {
      numbers.push(typed)
      numberCounts.push(count)
    } else if (typeof typed === 'boolean') tally(tallies, typed ? 'Yes' : 'No', count)
    else if (Array.isArray(typed)) for (const item of typed) tally(tallies, item, count)
    else if (typeof typed === 'object') {
      numbers.push(typed.value)
      numberCounts.push(count)
    } else tally(tallies, typed, count)
  }

  const unit = type === 'number' || type === 'range' ? numberUnit(name, values, numbers) : null
  return finish(topOf(tallies), numbers.length > 0 ? histogram(numbers, numberCounts) : null, unparsedCount, unparsedExamples, unit)

  function finish(
    topValues: ValueCount[],
    bins: ColumnProfile['histogram'],
    unparsed: number,
    examples: string[],
    unit: ColumnProfile['unit']
  ): ColumnProfile {
    return {
      index,
      name,
      inferredType: inferred.type,
      type,
      role: 'attribute',
      category: null,
      rowCount,
      missingCount,
      distinctCount: values.length,
      distinctIsEstimate: column.unique === false,
      topValues,
      histogram: bins,
      unparsedCount: unparsed,
      unparsedExamples: examples,
      dateOrder: type === 'date' ? dateOrder : null,
      dateOrderAmbiguous: type === 'date' && options.dateOrder === undefined && inferred.dateOrderAmbiguous,
      multiSeparators: type === 'multi' ? multiSeparators : null,
      roleReason: null,
      level: null,
      levelReason: null,
      unit,
      placeholders: options.placeholders ?? [],
      label: proposeLabel(name)
    }
  }
}

/** The most frequent values without sorting them all (a million ids cost one pass). */
function topByCount(values: readonly ValueCount[]): ValueCount[] {
  const top: ValueCount[] = []
  for (const entry of values) {
    if (top.length === TOP_VALUES && entry.count <= top[TOP_VALUES - 1]!.count) continue
    let at = top.length
    while (at > 0 && top[at - 1]!.count < entry.count) at--
    top.splice(at, 0, entry)
    if (top.length > TOP_VALUES) top.pop()
  }
  return top
}

function tally(tallies: Map<string, number>, key: string, count: number): void {
  tallies.set(key, (tallies.get(key) ?? 0) + count)
}

function topOf(tallies: Map<string, number>): ValueCount[] {
  return [...tallies]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, TOP_VALUES)
}

function histogram(numbers: readonly number[], counts: readonly number[]): ColumnProfile['histogram'] {
  let min = Infinity
  let max = -Infinity
  for (const value of numbers) {
    if (value < min) min = value
    if (value > max) max = value
  }
  if (min === max) return [{ from: min, to: max, count: counts.reduce((sum, count) => sum + count, 0) }]
  const width = (max - min) / HISTOGRAM_BINS
  const bins = Array.from({ length: HISTOGRAM_BINS }, (_, i) => ({ from: min + i * width, to: min + (i + 1) * width, count: 0 }))
  for (let i = 0; i < numbers.length; i++) {
    const bin = Math.min(HISTOGRAM_BINS - 1, Math.floor((numbers[i]! - min) / width))
    bins[bin]!.count += counts[i]!
  }
  return bins
}
