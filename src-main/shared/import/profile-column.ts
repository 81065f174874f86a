import type { ColumnProfile, ColumnType, DateOrder, PlaceholderDecision, ValueCount } from '../domain/dataset'
import { columnEntries, SelectedEntries, type DictionaryColumn, type EntryList } from '../engine/dictionary-column'
import { inferColumnType, isMissingValue, isTrimmed, missingTokenSet, readValue, type ColumnTypeGuess, type TypedValue } from './values'
import { parseDateBytes } from './values/parse-date'
import { decidePlaceholders, missingSpellings } from './values/placeholders'
import { numberUnit } from './values/number-unit'
import { proposeLabel } from '../export/readable-values'
import { filterDistinct, sampleDistinct, valueCounts, withoutIndexes, type DistinctValues } from './distinct-values'

export interface ProfileOptions {
  name: string
  index: number
  column: DictionaryColumn
  /** Rows per dictionary entry (countCodes). */
  counts: Uint32Array
  missingTokens: ReadonlySet<string>
  /** countDistinct() of this column, when the caller already has it. */
  distinct?: DistinctValues
  /** The user's choice; inference decides when absent. */
  type?: ColumnType
  dateOrder?: DateOrder | null
  /** Multi columns: the separators chosen at import (stored), instead of detecting them again. */
  multiSeparators?: string | null
  /** The placeholder decisions behind `missingTokens`, shown with the profile. */
  placeholders?: PlaceholderDecision[]
  /**
   * What `distinct`'s values read as, when the caller already inferred it from the same values
   * (columnMissing): inferring twice was a tenth of profiling a 100k-row workbook.
   */
  inferred?: ColumnTypeGuess | undefined
}

const TOP_VALUES = 12
/** Longer values are read as strings: no date is written in more characters than this. */
const DATE_BYTES = 64
const HISTOGRAM_BINS = 12
const UNPARSED_EXAMPLES = 5
/** Type inference looks at this many distinct values at most (an even spread of them). */
const INFERENCE_SAMPLE = 8_000

/** The distinct non-missing values of a column (trimmed, merged) with row counts, and the missing count. */
export function countDistinct(column: DictionaryColumn, counts: Uint32Array, missingTokens: ReadonlySet<string>): DistinctValues {
  // A column of mostly unique values was stored without de-duplication (see
  // DictionaryColumnBuilder): merging its million entries through a map would cost more than
  // the rest of the import, so its rare repeats stay separate entries and its distinct count
  // is an upper bound (profiles say so with distinctIsEstimate).
  if (column.unique === false || (column.unique === true && column.dictionary.every(isTrimmed))) {
    return entryDistinct(column, counts, missingTokens)
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
  return { values: [...merged.keys()], counts: [...merged.values()], missingCount }
}

/** countDistinct() as {value, count} objects, for callers that read values one by one. */
export function distinctValues(
  column: DictionaryColumn,
  counts: Uint32Array,
  missingTokens: ReadonlySet<string>
): { values: ValueCount[]; missingCount: number } {
  const distinct = countDistinct(column, counts, missingTokens)
  return { values: valueCounts(distinct), missingCount: distinct.missingCount }
}

/**
 * One value per dictionary entry, trimmed; no map needed. When no entry is unused, missing or
 * untrimmed (a column of ids or timestamps), the dictionary and counts are the answer as they are.
 */
function entryDistinct(column: DictionaryColumn, counts: Uint32Array, missingTokens: ReadonlySet<string>): DistinctValues {
  const entries = columnEntries(column)
  const known = knownDistinct(entries, counts, missingTokens)
  if (known !== null) return known
  if (allPlain(entries, counts, missingTokens)) return { values: entries, counts, missingCount: 0 }
  // Made at full size and cut to length (see filterDistinct).
  const values = new Array<string>(entries.length)
  const kept = new Uint32Array(entries.length)
  let k = 0
  let missingCount = 0
  for (let code = 0; code < entries.length; code++) {
    const count = counts[code]!
    if (count === 0) continue
    const raw = entries.at(code)!
    if (isMissingValue(raw, missingTokens)) missingCount += count
    else {
      values[k] = isTrimmed(raw) ? raw : raw.trim()
      kept[k++] = count
    }
  }
  values.length = k
  return { values, counts: kept.slice(0, k), missingCount }
}

/**
 * entryDistinct() from what the reader knows of the entries (EntryList.knownMissing), without
 * making a string of them: the values are the used entries that are not missing. Null when the
 * reader cannot tell.
 */
function knownDistinct(entries: EntryList, counts: Uint32Array, missingTokens: ReadonlySet<string>): DistinctValues | null {
  const missing = entries.knownMissing?.(missingTokens) ?? null
  if (missing === null) return null
  const size = entries.length
  // A column of ids: nothing missing and every entry used, so nothing to select (two lists of
  // a million made and cut for nothing were a tenth of profiling one).
  if (missing.length === 0 && allUsed(counts, size)) return { values: entries, counts, missingCount: 0 }
  const kept = new Uint32Array(size)
  const keptCounts = new Uint32Array(size)
  let missingCount = 0
  let k = 0
  let next = 0
  // The next missing entry, held apart: reading past the end of the list is slow.
  let nextMissing = missing.length > 0 ? missing[0]! : -1
  for (let code = 0; code < size; code++) {
    const count = counts[code]!
    if (code === nextMissing) {
      missingCount += count
      next++
      nextMissing = next < missing.length ? missing[next]! : -1
    } else if (count > 0) {
      keptCounts[k] = count
      kept[k++] = code
    }
  }
  if (k === size) return { values: entries, counts, missingCount: 0 }
  return { values: new SelectedEntries(entries, kept.slice(0, k)), counts: keptCounts.slice(0, k), missingCount }
}

function allUsed(counts: Uint32Array, size: number): boolean {
  for (let code = 0; code < size; code++) if (counts[code] === 0) return false
  return true
}

/** Whether every entry is used, non-empty, trimmed and not missing: the entries are then the distinct values. */
function allPlain(entries: EntryList, counts: Uint32Array, missingTokens: ReadonlySet<string>): boolean {
  for (let code = 0; code < entries.length; code++) {
    const raw = entries.at(code)!
    if (counts[code] === 0 || raw.length === 0 || !isTrimmed(raw) || isMissingValue(raw, missingTokens)) return false
  }
  return true
}

const BLANK_ONLY: ReadonlySet<string> = new Set([''])

export interface ColumnMissing {
  placeholders: PlaceholderDecision[]
  /** The spellings that count as missing in this column (for isMissingValue). */
  missing: ReadonlySet<string>
  /** The column's distinct values and missing count under that set. */
  distinct: DistinctValues
  /** What `distinct`'s values read as, when they are the very values the placeholders were judged on. */
  inferred?: ColumnTypeGuess
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
  // Asked for the hints first, a reader's view of a million entries tells its blanks from that
  // answer rather than from another pass (ByteSpanEntries.knownMissing).
  column.entries?.knownMissing?.(hints)
  const all = countDistinct(column, counts, BLANK_ONLY)
  // Hints are short words: longer values are never one, and skip the lower-casing.
  let longest = 0
  for (const hint of hints) longest = Math.max(longest, hint.length)
  const isHint = (value: string): boolean => value.length <= longest && hints.has(value.toLowerCase())
  // A column stored without de-duplication lists a repeated placeholder once per row: add them up.
  const hintedCounts = new Map<string, number>()
  // A reader's view that knows where its hints are (all.values holds no blank) is not read
  // whole: it would make a string of each value.
  const hintsAt = all.values.knownMissing?.(hints) ?? null
  // Made once: a column of a million dates may hold 180,000 placeholders, each its own entry.
  const hintedValues = hintsAt?.map((i) => all.values.at(i)!) ?? null
  const addHint = (i: number, value: string): void => {
    hintedCounts.set(value, (hintedCounts.get(value) ?? 0) + all.counts[i]!)
  }
  if (hintsAt !== null) hintsAt.forEach((i, k) => addHint(i, hintedValues![k]!))
  else
    for (let i = 0; i < all.values.length; i++) {
      const value = all.values.at(i)!
      if (isHint(value)) addHint(i, value)
    }
  // Most columns hold no hinted word: their values are sampled as they are, without a copy of
  // a million entries.
  const rest =
    hintedCounts.size === 0
      ? { ...all, dropped: 0 }
      : hintsAt !== null
        ? withoutIndexes(all, hintsAt)
        : filterDistinct(all, (value) => !isHint(value))
  const hinted = [...hintedCounts].map(([value, count]) => ({ value, count }))
  const sample = sampleDistinct(rest, INFERENCE_SAMPLE)
  let sampledRows = 0
  for (const v of sample) sampledRows += v.count
  const guessed = inferColumnType({ header: name, values: sample, rowCount: sampledRows, missingCount: 0 })
  const { type } = guessed
  // Sentinels (999) are looked for among the numbers themselves; hinted words are few, so cheap.
  const candidates = type === 'number' ? valueCounts(all) : hinted
  const placeholders = decidePlaceholders({ values: candidates, type, hints, ...(choices ? { choices } : {}) })
  const missing = missingTokenSet(missingSpellings(placeholders))
  if (placeholders.every((p) => !p.missing)) {
    // The type was read from these very values when none were set aside as hinted.
    return { placeholders, missing, distinct: all, ...(hintedCounts.size === 0 ? { inferred: guessed } : {}) }
  }
  const missingSpelled = new Set(placeholders.filter((p) => p.missing).map((p) => p.token))
  // Placeholders of a column not of numbers are hinted spellings. When every hinted spelling is
  // missing (a date column's "Unknown", say), the values left are the ones the type was read
  // from: reading them out again, and their type, was a tenth of profiling such a column.
  if (type !== 'number' && hinted.every((h) => missingSpelled.has(h.value))) {
    return {
      placeholders,
      missing,
      distinct: { values: rest.values, counts: rest.counts, missingCount: all.missingCount + rest.dropped },
      inferred: guessed
    }
  }
  // Placeholders are hinted spellings unless the column holds numbers (a sentinel may be any
  // value): where the hints are known, only they are read.
  const dropAt = hintsAt !== null && type !== 'number' ? hintsAt.filter((_, k) => missingSpelled.has(hintedValues![k]!)) : null
  const {
    values,
    counts: kept,
    dropped
  } = dropAt !== null ? withoutIndexes(all, dropAt) : filterDistinct(all, (value) => !missingSpelled.has(value))
  return { placeholders, missing, distinct: { values, counts: kept, missingCount: all.missingCount + dropped } }
}

/** The type an even spread of the distinct values reads as. */
function inferFrom(name: string, distinct: DistinctValues, rowCount: number): ColumnTypeGuess {
  const { values, missingCount } = distinct
  const sample = sampleDistinct(distinct, INFERENCE_SAMPLE)
  const sampledRows = values.length <= INFERENCE_SAMPLE ? rowCount - missingCount : sample.reduce((sum, v) => sum + v.count, 0)
  return inferColumnType({ header: name, values: sample, rowCount: sampledRows + missingCount, missingCount })
}

/**
 * Everything the review screen shows about one column: its inferred type, how much is missing,
 * its most common values or a histogram, and which values do not read as the chosen type.
 */
export function profileColumn(options: ProfileOptions): ColumnProfile {
  const { column, counts, name, index } = options
  const rowCount = column.codes.length
  const distinct = options.distinct ?? countDistinct(column, counts, options.missingTokens)
  const { values, missingCount } = distinct
  const valueRows = distinct.counts
  const inferred = options.inferred ?? inferFrom(name, distinct, rowCount)
  const type = options.type ?? inferred.type
  const dateOrder = options.dateOrder !== undefined ? options.dateOrder : inferred.dateOrder
  const multiSeparators = options.multiSeparators ?? inferred.multiSeparators ?? (type === 'multi' ? ';,|/\n' : null)
  const readOptions = { dateOrder, multiSeparators }

  // Identifiers and free text read as themselves; their profile is their most repeated values.
  if (type === 'id' || type === 'text') {
    return finish(topByCount(distinct), null, 0, [], null)
  }
  let unparsedCount = 0
  const unparsedExamples: string[] = []
  // Two flat lists, not an object per value: a date column of a million distinct timestamps
  // made a million objects here, most of the reader's garbage while profiling. Sized up front:
  // growing two arrays of a million doubles a push at a time was a fifth of profiling the
  // 1M-row CSV (--cpu-prof line ticks).
  const numbers = new Float64Array(values.length)
  const numberCounts = new Float64Array(numbers.length)
  let numberCount = 0
  const tallies = new Map<string, number>()
  // A date column's values still held as a CSV's bytes are parsed there, not from strings.
  const span = type === 'date' && values.asciiSpan !== undefined ? new Float64Array(2) : null
  for (let i = 0; i < values.length; i++) {
    const count = valueRows[i]!
    let typed: TypedValue = null
    if (span !== null) {
      const bytes = values.asciiSpan!(i, span)
      if (bytes !== null && span[1]! - span[0]! <= DATE_BYTES) typed = parseDateBytes(bytes, span[0]!, span[1]!, dateOrder)
    }
    // Not read from its bytes (or not a date that way: an Excel serial, say): as a string.
    if (typed === null) {
      const value = values.at(i)!
      typed = readValue(value, type, readOptions)
      if (typed === null) {
        unparsedCount += count
        if (unparsedExamples.length < UNPARSED_EXAMPLES) unparsedExamples.push(value)
        continue
      }
    }
    if (typeof typed === 'number') {
      numbers[numberCount] = typed
      numberCounts[numberCount++] = count
    } else if (typeof typed === 'boolean') tally(tallies, typed ? 'Yes' : 'No', count)
    else if (Array.isArray(typed)) for (const item of typed) tally(tallies, item, count)
    else if (typeof typed === 'object') {
      numbers[numberCount] = typed.value
      numberCounts[numberCount++] = count
    } else tally(tallies, typed, count)
  }

  const parsed = numbers.subarray(0, numberCount)
  const unit = type === 'number' || type === 'range' ? numberUnit(name, distinct, parsed) : null
  return finish(
    topOf(tallies),
    numberCount > 0 ? histogram(parsed, numberCounts.subarray(0, numberCount)) : null,
    unparsedCount,
    unparsedExamples,
    unit
  )

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
function topByCount({ values, counts }: DistinctValues): ValueCount[] {
  const top: ValueCount[] = []
  for (let i = 0; i < values.length; i++) {
    const count = counts[i]!
    if (top.length === TOP_VALUES && count <= top[TOP_VALUES - 1]!.count) continue
    let at = top.length
    while (at > 0 && top[at - 1]!.count < count) at--
    top.splice(at, 0, { value: values.at(i)!, count })
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

function histogram(numbers: Float64Array, counts: Float64Array): ColumnProfile['histogram'] {
  let min = Infinity
  let max = -Infinity
  for (let i = 0; i < numbers.length; i++) {
    const value = numbers[i]!
    if (value < min) min = value
    if (value > max) max = value
  }
  if (min === max) return [{ from: min, to: max, count: counts.reduce((sum, count) => sum + count, 0) }]
  const width = (max - min) / HISTOGRAM_BINS
  // Counted in a typed array, not in the bins' objects: a date column has a million values.
  const binCounts = new Float64Array(HISTOGRAM_BINS)
  for (let i = 0; i < numbers.length; i++) binCounts[Math.min(HISTOGRAM_BINS - 1, Math.floor((numbers[i]! - min) / width))]! += counts[i]!
  return Array.from({ length: HISTOGRAM_BINS }, (_, i) => ({ from: min + i * width, to: min + (i + 1) * width, count: binCounts[i]! }))
}
