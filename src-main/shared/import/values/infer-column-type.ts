import type { ColumnType, DateOrder, ValueCount } from '@shared/domain/dataset'
import { DateOrderTally } from './date-order'
import { isDateHeader, isIdHeader } from './header-hints'
import { parseBoolean } from './parse-boolean'
import { parseDate } from './parse-date'
import { parseNumber } from './parse-number'
import { parseNumericRange } from './parse-range'
import { detectMultiSeparators } from './split-multi'

export { readValue } from './read-value'

export interface ColumnTypeInput {
  header: string
  /** The column's distinct non-missing values, trimmed, with row counts. */
  values: readonly ValueCount[]
  rowCount: number
  missingCount: number
}

export interface ColumnTypeGuess {
  type: ColumnType
  dateOrder: DateOrder | null
  dateOrderAmbiguous: boolean
  multiSeparators: string | null
}

/** Real exports hold stray junk ("see notes", "2"): up to this share of rows may not read as the type. */
const DIRTY_SHARE = 0.05
/** A numeric column is a range column when at least this share of its readable rows are bands. */
const MIN_RANGE_SHARE = 0.3
/** Excel serials of 1954-10-03 .. 2064-04-09: only read as dates under a date header. */
const SERIAL_MIN = 20_000
const SERIAL_MAX = 60_000
/** Nearly one value per row: an identifier or free text. */
const UNIQUE_SHARE = 0.9
/** Below this many rows, every column looks unique. */
const MIN_ROWS_FOR_UNIQUE = 20
const LONG_TEXT_LENGTH = 40
const FREE_TEXT_WORDS = 4
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/

/**
 * How a column's values should be read, judged from its distinct values weighted by their row
 * counts, in this order: id (by header), boolean, date, range, number, multi, then text, id or
 * category by length and uniqueness. Each parse test stops early once more than the dirty share
 * of rows has failed it, so a million-value id column costs little.
 */
export function inferColumnType(input: ColumnTypeInput): ColumnTypeGuess {
  const { header, values } = input
  let total = 0
  for (const { count } of values) total += count
  if (total === 0) return guess('category')

  const evidence = weighEvidence(values, total, isDateHeader(header))
  // A yes/no column is a flag whatever its header says ("Has Website", "Email Opt Out").
  if (evidence.boolean && values.length <= 6) return guess('boolean')
  if (isIdHeader(header)) return guess('id')
  if (evidence.boolean) return guess('boolean')
  if (evidence.date) {
    const { order, ambiguous } = evidence.dateOrder.verdict()
    return { ...guess('date'), dateOrder: order, dateOrderAmbiguous: ambiguous }
  }
  if (evidence.numeric) return guess(evidence.rangeShare >= MIN_RANGE_SHARE ? 'range' : 'number')

  const multiSeparators = detectMultiSeparators(values)
  if (multiSeparators !== null) return { ...guess('multi'), multiSeparators }
  return guess(textualType(values, total))
}

function guess(type: ColumnType): ColumnTypeGuess {
  return { type, dateOrder: null, dateOrderAmbiguous: false, multiSeparators: null }
}

interface Evidence {
  boolean: boolean
  date: boolean
  dateOrder: DateOrderTally
  numeric: boolean
  /** Bands among the rows that read as numbers or bands. */
  rangeShare: number
}

/** One pass over the values trying every parser that has not yet failed too many rows. */
function weighEvidence(values: readonly ValueCount[], total: number, dateHeader: boolean): Evidence {
  const allowed = DIRTY_SHARE * total
  let booleanFailed = 0
  let booleanDigits = 0
  let booleanWeight = 0
  let otherNumbers = 0
  let dateFailed = 0
  let dateStrings = 0
  let numericFailed = 0
  let ranges = 0
  const dateOrder = new DateOrderTally()
  for (const { value, count } of values) {
    const tryBoolean = booleanFailed <= allowed
    const tryDate = dateFailed <= allowed
    const tryNumeric = numericFailed <= allowed
    if (!tryBoolean && !tryDate && !tryNumeric) break
    const number = parseNumber(value)
    if (tryBoolean) {
      if (parseBoolean(value) === null) {
        booleanFailed += count
        if (number !== null) otherNumbers += count
      } else {
        booleanWeight += count
        if (number !== null) booleanDigits += count
      }
    }
    if (tryDate) {
      if (parseDate(value, null) !== null) {
        dateStrings += count
        // parseDate has just matched the value's shape: read again, it was a fifth of inference.
        dateOrder.addMatched(count)
      } else if (!(dateHeader && number !== null && number >= SERIAL_MIN && number <= SERIAL_MAX && PLAIN_NUMBER.test(value))) {
        dateFailed += count
      }
    }
    if (tryNumeric && number === null) {
      if (parseNumericRange(value) !== null) ranges += count
      else numericFailed += count
    }
  }
  // "0/1" is a checkbox, but "0/1/2/3" is a count whose rare 2s and 3s must not pass for dirt.
  const digitsOnly = booleanDigits * 2 > booleanWeight
  const numericRows = total - numericFailed
  return {
    boolean: booleanFailed <= allowed && !(digitsOnly && otherNumbers > 0),
    date: dateFailed <= allowed && (dateStrings > 0 || dateHeader),
    dateOrder,
    numeric: numericFailed <= allowed,
    rangeShare: numericRows > 0 ? ranges / numericRows : 0
  }
}

/**
 * Columns of words: long values are free text; nearly one value per row is an identifier, or
 * free text when the values are sentences; the rest are categories.
 */
function textualType(values: readonly ValueCount[], total: number): ColumnType {
  let long = 0
  let wordy = 0
  for (const { value, count } of values) {
    if (value.length > LONG_TEXT_LENGTH) long += count
    else if (wordCount(value) >= FREE_TEXT_WORDS) wordy += count
  }
  if (long * 2 > total) return 'text'
  if (values.length > UNIQUE_SHARE * total && total >= MIN_ROWS_FOR_UNIQUE) return (long + wordy) * 2 > total ? 'text' : 'id'
  return 'category'
}

function wordCount(value: string): number {
  let words = 0
  let inWord = false
  for (let i = 0; i < value.length; i++) {
    const space = value.charCodeAt(i) <= 32
    if (!space && !inWord) words++
    inWord = !space
  }
  return words
}
