import * as chars from './char-codes'
// Local bindings, not named imports: under tsx (the CLI) and vitest every call to an imported
// function goes through a getter, which made a million parses three times slower.
const { isDigitCode, isLetterCode, isSpaceCode, wordAt } = chars

/**
 * The shape of a date-like string: which parts it has and in what order, before any reading of
 * day versus month. Parsing dates and detecting a column's day/month order share it.
 *
 * Values are cut into tokens (numbers, words, punctuation) held in fixed typed arrays, because
 * a date column of timestamps can have a million distinct values. A value comes as a string or
 * as ASCII bytes in place: a CSV's timestamps still held as the file's bytes are read where they
 * are (EntryList.asciiSpan), so a million of them are parsed without making a million strings
 * (copying each into an array of its own first was a fifth of reading them). Each has its own
 * tokenizer, the same loop over charCodeAt or over the bytes: copying every string into an array
 * to share one loop made parsing a million timestamp strings 20-25% slower.
 */

const NUM = 1
const WORD = 2
const PUNCT = 3
const MAX_TOKENS = 20

const kind = new Uint8Array(MAX_TOKENS)
/** A number token's value, or a punctuation token's char code. */
const value = new Float64Array(MAX_TOKENS)
const start = new Int32Array(MAX_TOKENS)
const length = new Int32Array(MAX_TOKENS)
let count = 0
/** The value being read: a string, or (fromBytes) ASCII bytes; its word tokens are compared there. */
let source = ''
let fromBytes = false
let sourceBytes: Uint8Array = new Uint8Array(0)

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december'
] as const
const MONTH_ABBREVIATIONS = MONTHS.map((name) => name.slice(0, 3))
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'tues', 'thur', 'thurs'] as const
const WEEKDAY_ABBREVIATIONS = WEEKDAYS.map((name) => name.slice(0, 3))
const ORDINALS = ['st', 'nd', 'rd', 'th'] as const
const DATE_SEPARATORS = [45, 47, 46] // - / .

/**
 * What matchDateShape found. One shared object, overwritten by the next call: callers read it
 * at once (this keeps a million-value column from allocating a million results).
 */
export const shape = {
  /** 'ymd': year first (ISO); 'numeric': two 1-2 digit parts then the year; 'named': month by name. */
  style: 'ymd' as 'ymd' | 'numeric' | 'named',
  year: 0,
  /** ymd and named: the month; numeric: the first part (month or day, per the column's order). */
  first: 0,
  /** ymd and named: the day; numeric: the second part. */
  second: 0,
  /** The char code of a numeric date's separator ("-", "/" or "."); 0 for named months. */
  separator: 0,
  /** Time of day in milliseconds, already moved to UTC when an offset was given (may leave 0..24h). */
  timeMs: 0
}

/** Fills `shape` from a date-like string, or returns false; day and month ranges are not checked here. */
export function matchDateShape(text: string): boolean {
  source = text
  fromBytes = false
  return tokenizeString(text) && matchTokens()
}

/** matchDateShape for the value whose ASCII bytes are `bytes[from, end)`. */
export function matchDateShapeBytes(bytes: Uint8Array, from: number, end: number): boolean {
  fromBytes = true
  sourceBytes = bytes
  return matchCommonBytes(bytes, from, end) || (tokenizeBytes(bytes, from, end) && matchTokens())
}

/**
 * The two timestamp spellings exports write most, read by position without tokens: ISO
 * "2025-05-25", "2025-05-25 08:41", "2025-05-25T08:41:00Z" and US "7/24/2025",
 * "7/24/2025 7:17 AM". A CSV of a million deals has a million distinct timestamps in each date
 * column, and tokenizing them was most of its date parsing. False for anything else, and for
 * anything out of range: the tokenizer then decides, so this only answers where it would answer
 * the same (test/unit/import-values.test.ts holds the two equal).
 */
function matchCommonBytes(c: Uint8Array, s: number, end: number): boolean {
  // Bytes past `end` (the file's next ones) may be looked at, as in the tokenizer's checks, but
  // no answer depends on them (test/unit/import-values.test.ts puts a timestamp there).
  if (end - s >= 10 && c[s + 4] === 45 && c[s + 7] === 45) {
    if (!digits(c, s, 4) || !digits(c, s + 5, 2) || !digits(c, s + 8, 2)) return false
    const timeMs = end - s === 10 ? 0 : commonTime(c, s + 10, end, c[s + 10] === 32 || c[s + 10] === 84, true)
    if (Number.isNaN(timeMs)) return false
    setShape('ymd', digitsValue(c, s, 4), digitsValue(c, s + 5, 2), digitsValue(c, s + 8, 2), 0, 45)
    shape.timeMs = timeMs
    return true
  }
  // m/d/yyyy, each of m and d one or two digits.
  const first = c[s + 1] === 47 ? 1 : c[s + 2] === 47 ? 2 : 0
  if (first === 0 || !digits(c, s, first)) return false
  const secondEnd = c[s + first + 2] === 47 ? first + 2 : c[s + first + 3] === 47 ? first + 3 : 0
  if (secondEnd === 0 || !digits(c, s + first + 1, secondEnd - first - 1)) return false
  const yearEnd = secondEnd + 5
  if (end - s < yearEnd || !digits(c, s + secondEnd + 1, 4)) return false
  const timeMs = end - s === yearEnd ? 0 : commonTime(c, s + yearEnd, end, c[s + yearEnd] === 32, false)
  if (Number.isNaN(timeMs)) return false
  setShape(
    'numeric',
    digitsValue(c, s + secondEnd + 1, 4),
    digitsValue(c, s, first),
    digitsValue(c, s + first + 1, secondEnd - first - 1),
    0,
    47
  )
  shape.timeMs = timeMs
  return true
}

/**
 * The time after a common date's one separator at `at`: "08:41", "08:41:00" and, when `iso`,
 * a closing "Z"; otherwise "7:17", "7:17:05" and " AM"/" PM". NaN where the tokenizer decides.
 */
function commonTime(c: Uint8Array, at: number, end: number, separated: boolean, iso: boolean): number {
  if (!separated) return Number.NaN
  const hourDigits = c[at + 2] === 58 ? 1 : c[at + 3] === 58 ? 2 : 0
  if (hourDigits === 0 || (iso && hourDigits === 1) || !digits(c, at + 1, hourDigits)) return Number.NaN
  let i = at + 2 + hourDigits
  if (i + 2 > end || !digits(c, i, 2)) return Number.NaN
  let hour = digitsValue(c, at + 1, hourDigits)
  const minute = digitsValue(c, i, 2)
  let second = 0
  i += 2
  if (i + 3 <= end && c[i] === 58 && digits(c, i + 1, 2)) {
    second = digitsValue(c, i + 1, 2)
    i += 3
  }
  if (iso && i + 1 === end && c[i] === 90) i++
  else if (!iso && i + 3 === end && c[i] === 32 && (c[i + 2]! | 0x20) === 109) {
    const half = c[i + 1]! | 0x20
    if ((half !== 97 && half !== 112) || hour < 1 || hour > 12) return Number.NaN
    hour = (hour % 12) + (half === 112 ? 12 : 0)
    i += 3
  }
  if (i !== end || hour > 23 || minute > 59 || second > 59) return Number.NaN
  return hour * HOUR_MS + minute * MINUTE_MS + second * 1000
}

function digits(c: Uint8Array, at: number, n: number): boolean {
  for (let k = at; k < at + n; k++) if (!isDigitCode(c[k]!)) return false
  return true
}

function digitsValue(c: Uint8Array, at: number, n: number): number {
  let v = 0
  for (let k = at; k < at + n; k++) v = v * 10 + c[k]! - 48
  return v
}

function matchTokens(): boolean {
  let i = 0
  if (isWordIn(i, WEEKDAYS, WEEKDAY_ABBREVIATIONS)) {
    i++
    if (isPunct(i, 44)) i++
  }
  const next = matchDatePart(i)
  if (next < 0) return false
  const timeMs = matchTime(next)
  if (Number.isNaN(timeMs)) return false
  shape.timeMs = timeMs
  return true
}

function tokenizeString(text: string): boolean {
  count = 0
  let i = 0
  const end = text.length
  while (i < end) {
    const code = text.charCodeAt(i)
    if (isSpaceCode(code)) {
      i++
      continue
    }
    if (count === MAX_TOKENS) return false
    start[count] = i
    if (isDigitCode(code)) {
      let n = 0
      while (i < end && isDigitCode(text.charCodeAt(i))) n = n * 10 + text.charCodeAt(i++) - 48
      kind[count] = NUM
      value[count] = n
    } else if (isLetterCode(code)) {
      while (i < end && isLetterCode(text.charCodeAt(i))) i++
      kind[count] = WORD
    } else if (code === 45 || code === 47 || code === 46 || code === 58 || code === 44 || code === 43) {
      i++
      kind[count] = PUNCT
      value[count] = code
    } else return false
    length[count] = i - start[count]!
    count++
  }
  return count > 0
}

/** tokenizeString over bytes[from, end): the same loop, kept separate so each stays monomorphic. */
function tokenizeBytes(codes: Uint8Array, from: number, end: number): boolean {
  count = 0
  let i = from
  while (i < end) {
    const code = codes[i]!
    if (isSpaceCode(code)) {
      i++
      continue
    }
    if (count === MAX_TOKENS) return false
    start[count] = i
    if (isDigitCode(code)) {
      let n = 0
      while (i < end && isDigitCode(codes[i]!)) n = n * 10 + codes[i++]! - 48
      kind[count] = NUM
      value[count] = n
    } else if (isLetterCode(code)) {
      while (i < end && isLetterCode(codes[i]!)) i++
      kind[count] = WORD
    } else if (code === 45 || code === 47 || code === 46 || code === 58 || code === 44 || code === 43) {
      i++
      kind[count] = PUNCT
      value[count] = code
    } else return false
    length[count] = i - start[count]!
    count++
  }
  return count > 0
}

function isNum(i: number, minDigits: number, maxDigits: number): boolean {
  return i < count && kind[i] === NUM && length[i]! >= minDigits && length[i]! <= maxDigits
}

function isPunct(i: number, code: number): boolean {
  return i < count && kind[i] === PUNCT && value[i] === code
}

/** Whether word token i is `word` (lower-case ASCII), in any case. */
function isWord(i: number, word: string): boolean {
  if (i >= count || kind[i] !== WORD || length[i] !== word.length) return false
  const at = start[i]!
  if (!fromBytes) return wordAt(source, at, word)
  // A word token is ASCII letters only, so setting the 0x20 bit lowers it.
  for (let k = 0; k < word.length; k++) if ((sourceBytes[at + k]! | 0x20) !== word.charCodeAt(k)) return false
  return true
}

function isWordIn(i: number, names: readonly string[], abbreviations: readonly string[]): boolean {
  return wordIndex(i, names, abbreviations) >= 0
}

/** Index of the name a word token spells (in full or abbreviated to 3 letters), or -1. */
function wordIndex(i: number, names: readonly string[], abbreviations: readonly string[]): number {
  if (i >= count || kind[i] !== WORD) return -1
  for (let k = 0; k < names.length; k++) {
    if (isWord(i, names[k]!) || isWord(i, abbreviations[k]!)) return k
  }
  return -1
}

function monthAt(i: number): number {
  if (isWord(i, 'sept')) return 9
  return wordIndex(i, MONTHS, MONTH_ABBREVIATIONS) + 1
}

function num(i: number): number {
  return value[i]!
}

/** Two-digit years: 00-69 are 2000s, 70-99 are 1900s (the spreadsheet convention). */
function fullYear(i: number): number {
  const year = num(i)
  if (length[i] === 4) return year
  return year < 70 ? 2000 + year : 1900 + year
}

/** Matches the date part from token i; returns the token index after it, or -1. */
function matchDatePart(i: number): number {
  for (const separator of DATE_SEPARATORS) {
    if (!isPunct(i + 1, separator) || !isPunct(i + 3, separator)) continue
    if (isNum(i, 4, 4) && isNum(i + 2, 1, 2) && isNum(i + 4, 1, 2)) return setShape('ymd', num(i), num(i + 2), num(i + 4), i + 5, separator)
    if (isNum(i, 1, 2) && isNum(i + 2, 1, 2) && (isNum(i + 4, 4, 4) || isNum(i + 4, 2, 2))) {
      return setShape('numeric', fullYear(i + 4), num(i), num(i + 2), i + 5, separator)
    }
    break
  }
  // "5 Mar 2024", "05-Mar-24", "5th March, 2024"
  if (isNum(i, 1, 2)) {
    let j = i + 1
    if (isWordIn(j, ORDINALS, ORDINALS)) j++
    if (isPunct(j, 45) || isPunct(j, 46)) j++
    const month = monthAt(j)
    if (month === 0) return -1
    j++
    if (isPunct(j, 45) || isPunct(j, 44) || isPunct(j, 46)) j++
    if (!isNum(j, 4, 4) && !isNum(j, 2, 2)) return -1
    return setShape('named', fullYear(j), month, num(i), j + 1, 0)
  }
  // "Mar 5, 2024", "March 5 2024", "Mar. 5th, 2024"
  const month = monthAt(i)
  if (month === 0) return -1
  let j = i + 1
  if (isPunct(j, 46)) j++
  if (!isNum(j, 1, 2)) return -1
  const day = num(j)
  j++
  if (isWordIn(j, ORDINALS, ORDINALS)) j++
  if (isPunct(j, 44)) j++
  if (!isNum(j, 4, 4)) return -1
  return setShape('named', num(j), month, day, j + 1, 0)
}

function setShape(style: typeof shape.style, year: number, first: number, second: number, next: number, separator: number): number {
  shape.style = style
  shape.first = first
  shape.second = second
  shape.year = year
  shape.separator = separator
  return next
}

const HOUR_MS = 3_600_000
const MINUTE_MS = 60_000

/** "14:30", "2:30 PM", "T14:30:15.250Z", "14:30+02:00": milliseconds after midnight UTC, 0 if absent, NaN if malformed. */
function matchTime(from: number): number {
  let i = from
  if (i === count) return 0
  if (isWord(i, 't')) i++
  if (!isNum(i, 1, 2) || !isPunct(i + 1, 58) || !isNum(i + 2, 2, 2)) return Number.NaN
  let hour = num(i)
  const minute = num(i + 2)
  let second = 0
  let millisecond = 0
  i += 3
  if (isPunct(i, 58) && isNum(i + 1, 2, 2)) {
    second = num(i + 1)
    i += 2
    if ((isPunct(i, 46) || isPunct(i, 44)) && isNum(i + 1, 1, 9)) {
      millisecond = Math.round(num(i + 1) / 10 ** (length[i + 1]! - 3))
      i += 2
    }
  }
  if (minute > 59 || second > 59 || millisecond > 999) return Number.NaN
  const pm = isWord(i, 'pm')
  if (pm || isWord(i, 'am')) {
    if (hour < 1 || hour > 12) return Number.NaN
    hour = (hour % 12) + (pm ? 12 : 0)
    i++
  }
  if (hour > 23) return Number.NaN
  const local = hour * HOUR_MS + minute * MINUTE_MS + second * 1000 + millisecond
  const offset = matchOffset(i)
  return Number.isNaN(offset) ? offset : local - offset
}

/** "Z", "UTC", "+02:00", "-0500": the zone's offset from UTC in milliseconds, NaN if malformed. */
function matchOffset(i: number): number {
  if (i === count) return 0
  if (isWord(i, 'z') || isWord(i, 'utc') || isWord(i, 'gmt')) return i + 1 === count ? 0 : Number.NaN
  const sign = isPunct(i, 43) ? 1 : isPunct(i, 45) ? -1 : 0
  if (sign === 0) return Number.NaN
  let hours: number
  let minutes = 0
  if (isNum(i + 1, 4, 4) && i + 2 === count) {
    hours = Math.floor(num(i + 1) / 100)
    minutes = num(i + 1) % 100
  } else if (isNum(i + 1, 2, 2) && i + 2 === count) hours = num(i + 1)
  else if (isNum(i + 1, 2, 2) && isPunct(i + 2, 58) && isNum(i + 3, 2, 2) && i + 4 === count) {
    hours = num(i + 1)
    minutes = num(i + 3)
  } else return Number.NaN
  if (hours > 14 || minutes > 59) return Number.NaN
  return sign * (hours * HOUR_MS + minutes * MINUTE_MS)
}
