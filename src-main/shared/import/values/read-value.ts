import type { ColumnType, DateOrder } from '@shared/domain/dataset'
import { excelSerialToMs, parseDate } from './parse-date'
import { parseBoolean } from './parse-boolean'
import { parseNumber } from './parse-number'
import { type NumericRange, parseNumericRange } from './parse-range'
import { splitMultiValue } from './split-multi'

/** One cell read as its column's type: epoch ms for dates, items for multi, trimmed text for words. */
export type TypedValue = number | boolean | string | string[] | NumericRange | null

export interface ReadOptions {
  dateOrder: DateOrder | null
  multiSeparators: string | null
}

const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/
/** Runs of whitespace, or any whitespace other than a single plain space. */
const NEEDS_COLLAPSE = /\s\s|[^\S ]/
const WHITESPACE_RUN = /\s+/g

/**
 * The typed reading of one raw, non-missing value, or null when it does not read as the type.
 * In a number column a band reads as its representative value, and in a range column a plain
 * number as the band from it to itself: exports mix the two ("1,250" among "51-200"), and both
 * say how big the account is. In a date column a plain number is an Excel serial.
 */
export function readValue(raw: string, type: ColumnType, options: ReadOptions): TypedValue {
  switch (type) {
    case 'number':
      return parseNumber(raw) ?? parseNumericRange(raw)?.value ?? null
    case 'range': {
      const range = parseNumericRange(raw)
      if (range !== null) return range
      const number = parseNumber(raw)
      return number === null ? null : { low: number, high: number, value: number }
    }
    case 'date': {
      const date = parseDate(raw, options.dateOrder)
      if (date !== null) return date
      const trimmed = raw.trim()
      return PLAIN_NUMBER.test(trimmed) ? excelSerialToMs(Number(trimmed)) : null
    }
    case 'boolean':
      return parseBoolean(raw)
    case 'multi': {
      const items = splitMultiValue(raw, options.multiSeparators ?? '').map(collapseWhitespace)
      return items.length === 0 ? null : items
    }
    case 'category':
    case 'text':
    case 'id': {
      const text = collapseWhitespace(raw)
      return text === '' ? null : text
    }
  }
}

/** Trimmed, with inner runs of whitespace (tabs, line breaks, double spaces) as one space. */
export function collapseWhitespace(raw: string): string {
  const trimmed = raw.trim()
  return NEEDS_COLLAPSE.test(trimmed) ? trimmed.replace(WHITESPACE_RUN, ' ') : trimmed
}
