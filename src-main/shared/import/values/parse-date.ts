import type { DateOrder } from '@shared/domain/dataset'
import { matchDateShape, matchDateShapeBytes, shape } from './date-shape'

export { detectDateOrder } from './date-order'

const DAY_MS = 86_400_000
const DOT = 46

/**
 * A date as epoch milliseconds (UTC; a date without a time is 00:00 UTC), or null.
 *
 * Year-first dates are always y-m-d; names spell the month. Numeric "3/5/2024" depends on the
 * column's order: null (undecided) reads US m/d/y, except dotted "05.03.2024", which is
 * European d.m.y by convention; while undecided, a value that only reads the other way
 * ("25/12/2024") is read that way rather than lost. Impossible dates (2024-02-30) are null.
 */
export function parseDate(raw: string, order: DateOrder | null): number | null {
  return matchDateShape(raw) ? dateOfShape(order) : null
}

/** parseDate for the value whose ASCII bytes are `bytes[from, end)` (see EntryList.asciiSpan). */
export function parseDateBytes(bytes: Uint8Array, from: number, end: number, order: DateOrder | null): number | null {
  return matchDateShapeBytes(bytes, from, end) ? dateOfShape(order) : null
}

/** The date `shape` holds, read in `order`; null when it is no calendar day. */
function dateOfShape(order: DateOrder | null): number | null {
  const { first, second, year, timeMs } = shape
  let day: number
  if (shape.style !== 'numeric') day = dayNumber(year, first, second)
  else if (order === 'dmy' || order === 'mdy') {
    day = order === 'dmy' ? dayNumber(year, second, first) : dayNumber(year, first, second)
  } else {
    const dayFirst = shape.separator === DOT
    day = dayFirst ? dayNumber(year, second, first) : dayNumber(year, first, second)
    if (Number.isNaN(day)) day = dayFirst ? dayNumber(year, first, second) : dayNumber(year, second, first)
  }
  return Number.isNaN(day) ? null : day * DAY_MS + timeMs
}

/** Days since 1970-01-01 of a valid calendar date, else NaN. */
function dayNumber(year: number, month: number, day: number): number {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN
  return daysFromCivil(year, month, day)
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** Howard Hinnant's days_from_civil: exact for any proleptic Gregorian date, no Date object needed. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/** Serial 2958465 is 9999-12-31, the last day Excel can show. */
const LAST_EXCEL_SERIAL = 2_958_465
/** Serial 61 (1900-03-01) onward counts from 1899-12-30 ... */
const EXCEL_EPOCH_DAY = -25_569
/** ... and serials 1-59 from 1899-12-31, because Excel counts a 1900-02-29 that never was (serial 60). */
const EXCEL_EARLY_EPOCH_DAY = -25_568

/**
 * An Excel (1900 date system) serial as epoch milliseconds UTC; the fraction is the time of day.
 * Serial 60 is Lotus 1-2-3's fictitious 1900-02-29, kept by Excel for compatibility: no real day,
 * so null, like anything outside 1..2958465.
 */
export function excelSerialToMs(serial: number): number | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= LAST_EXCEL_SERIAL + 1) return null
  const whole = Math.floor(serial)
  if (whole === 60) return null
  const day = whole + (whole < 60 ? EXCEL_EARLY_EPOCH_DAY : EXCEL_EPOCH_DAY)
  // Times are stored as fractions of a day; rounding to the millisecond undoes the binary error.
  return day * DAY_MS + Math.round((serial - whole) * DAY_MS)
}
