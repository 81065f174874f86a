import type { ColumnProfile, ColumnType, DateOrder, ValueCount } from '../domain/dataset'
import type { DictionaryColumn } from '../engine/dictionary-column'
import { inferColumnType, isMissingValue, readValue } from './values'

export interface ProfileOptions {
  name: string
  index: number
  column: DictionaryColumn
  /** Rows per dictionary entry (countCodes). */
  counts: Uint32Array
  missingTokens: ReadonlySet<string>
  /** The user's choice; inference decides when absent. */
  type?: ColumnType
  dateOrder?: DateOrder | null
}

const TOP_VALUES = 12
const HISTOGRAM_BINS = 12
const UNPARSED_EXAMPLES = 5

/** The distinct non-missing values of a column (trimmed, merged) with row counts, and the missing count. */
export function distinctValues(
  column: DictionaryColumn,
  counts: Uint32Array,
  missingTokens: ReadonlySet<string>
): { values: ValueCount[]; missingCount: number } {
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

/**
 * Everything the review screen shows about one column: its inferred type, how much is missing,
 * its most common values or a histogram, and which values do not read as the chosen type.
 */
export function profileColumn(options: ProfileOptions): ColumnProfile {
  const { column, counts, name, index } = options
  const rowCount = column.codes.length
  const { values, missingCount } = distinctValues(column, counts, options.missingTokens)
  const inferred = inferColumnType({ header: name, values, rowCount, missingCount })
  const type = options.type ?? inferred.type
  const dateOrder = options.dateOrder !== undefined ? options.dateOrder : inferred.dateOrder
  const multiSeparators = inferred.multiSeparators ?? (type === 'multi' ? ';,|/\n' : null)
  const readOptions = { dateOrder, multiSeparators }

  let unparsedCount = 0
  const unparsedExamples: string[] = []
  const numbers: Array<{ value: number; count: number }> = []
  const tallies = new Map<string, number>()
  for (const { value, count } of values) {
    const typed = readValue(value, type, readOptions)
    if (typed === null) {
      unparsedCount += count
      if (unparsedExamples.length < UNPARSED_EXAMPLES) unparsedExamples.push(value)
      continue
    }
    if (typeof typed === 'number') numbers.push({ value: typed, count })
    else if (typeof typed === 'boolean') tally(tallies, typed ? 'Yes' : 'No', count)
    else if (Array.isArray(typed)) for (const item of typed) tally(tallies, item, count)
    else if (typeof typed === 'object') numbers.push({ value: typed.value, count })
    else tally(tallies, typed, count)
  }

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
    topValues: topOf(tallies),
    histogram: numbers.length > 0 ? histogram(numbers) : null,
    unparsedCount,
    unparsedExamples,
    dateOrder: type === 'date' ? dateOrder : null,
    dateOrderAmbiguous: type === 'date' && options.dateOrder === undefined && inferred.dateOrderAmbiguous,
    multiSeparators: type === 'multi' ? multiSeparators : null
  }
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

function histogram(numbers: ReadonlyArray<{ value: number; count: number }>): ColumnProfile['histogram'] {
  let min = Infinity
  let max = -Infinity
  for (const { value } of numbers) {
    if (value < min) min = value
    if (value > max) max = value
  }
  if (min === max) return [{ from: min, to: max, count: numbers.reduce((sum, n) => sum + n.count, 0) }]
  const width = (max - min) / HISTOGRAM_BINS
  const bins = Array.from({ length: HISTOGRAM_BINS }, (_, i) => ({ from: min + i * width, to: min + (i + 1) * width, count: 0 }))
  for (const { value, count } of numbers) {
    const bin = Math.min(HISTOGRAM_BINS - 1, Math.floor((value - min) / width))
    bins[bin]!.count += count
  }
  return bins
}

