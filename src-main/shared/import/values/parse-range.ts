import * as chars from './char-codes'
import * as numbers from './parse-number'
// Local bindings, not named imports: under tsx (the CLI) and vitest every call to an imported
// function goes through a getter, which made a million parses three times slower.
const { scanNumber, trailingExponent } = numbers
const { isDigitCode, isLetterCode, skipSpaces, skipSpacesBack, wordAt } = chars

/** A band such as "51-200" or "10,001+": open ends are null; `value` stands for the band in arithmetic. */
export interface NumericRange {
  low: number | null
  high: number | null
  value: number
}

/** Words after the band that only name the unit counted: "1-10 employees". */
const UNIT_WORDS = ['employees', 'employee', 'emps', 'people', 'staff', 'ftes', 'fte', 'users', 'seats', 'headcount'] as const
/** Openings that make a band with only an upper bound: "Under 10", "<= 10". */
const BELOW_PREFIXES = ['<=', '≤', '<', 'under', 'less than', 'fewer than', 'below', 'up to'] as const
/** Openings that make a band with only a lower bound: "Over 10,000", "> $1B". */
const ABOVE_PREFIXES = ['>=', '≥', '>', 'over', 'more than', 'greater than', 'above'] as const
const BELOW_SUFFIXES = ['or fewer', 'or less', 'and below', 'and under', 'or under'] as const
const ABOVE_SUFFIXES = ['or more', 'or above', 'and above', 'and up', 'or greater', 'plus'] as const
/** Dashes between the two ends of a band (the hyphen is handled last: "-5" is also a sign). */
const DASHES = ['–', '—', '‒', '―'] as const

/**
 * Reads a band of numbers: "51-200", "51 – 200", "201 to 500", "1K-5K", "$10M - $50M",
 * "10,001+", "Over 10,000", "> $1B", "< 10", "Under 10", "10 or fewer", "1-10 employees".
 *
 * The representative value is the midpoint of a closed band; for "low+" it is the low end, a
 * conservative lower bound (the band has no top to average with); for "< x" it is x/2. A single
 * number is not a band (null), so that number columns are never mistaken for range columns.
 */
export function parseNumericRange(raw: string): NumericRange | null {
  const s = skipSpaces(raw, 0, raw.length)
  let e = skipSpacesBack(raw, s, raw.length)
  if (!hasDigit(raw, s, e)) return null
  e = withoutUnit(raw, s, e)

  const below = afterPrefix(raw, s, e, BELOW_PREFIXES)
  if (below > s) return upTo(scanNumber(raw, below, e, 0))
  const above = afterPrefix(raw, s, e, ABOVE_PREFIXES)
  if (above > s) return from(scanNumber(raw, above, e, 0))
  if (raw.charCodeAt(e - 1) === 43) return from(scanNumber(raw, s, e - 1, 0))
  const belowEnd = beforeSuffix(raw, s, e, BELOW_SUFFIXES)
  if (belowEnd < e) return upTo(scanNumber(raw, s, belowEnd, 0))
  const aboveEnd = beforeSuffix(raw, s, e, ABOVE_SUFFIXES)
  if (aboveEnd < e) return from(scanNumber(raw, s, aboveEnd, 0))

  const between = afterPrefix(raw, s, e, ['between'])
  if (between > s) {
    const and = findWord(raw, between, e, ' and ')
    return and < 0 ? null : closed(raw, between, and, and + 5, e)
  }
  for (const dash of DASHES) {
    const at = raw.indexOf(dash, s + 1)
    if (at > 0 && at < e) return closed(raw, s, at, at + 1, e)
  }
  const to = findWord(raw, s + 1, e, ' to ')
  if (to > 0) return closed(raw, s, to, to + 4, e)
  const hyphen = raw.indexOf('-', s + 1)
  if (hyphen > 0 && hyphen < e) return closed(raw, s, hyphen, hyphen + 1, e)
  return null
}

function upTo(high: number | null): NumericRange | null {
  return high === null ? null : { low: null, high, value: high / 2 }
}

function from(low: number | null): NumericRange | null {
  return low === null ? null : { low, high: null, value: low }
}

/** Both ends; a low end written without the high end's magnitude borrows it ("$1-5M"), if that keeps low <= high. */
function closed(text: string, lowStart: number, lowEnd: number, highStart: number, highEnd: number): NumericRange | null {
  const high = scanNumber(text, highStart, highEnd, 0)
  if (high === null) return null
  let low = scanNumber(text, lowStart, lowEnd, 0)
  if (low === null) return null
  const lowLast = skipSpacesBack(text, lowStart, lowEnd) - 1
  const exponent = trailingExponent(text, highStart, highEnd)
  if (exponent !== 0 && isDigitCode(text.charCodeAt(lowLast))) {
    const scaled = scanNumber(text, lowStart, lowEnd, exponent)
    if (scaled !== null && scaled <= high) low = scaled
  }
  if (low > high) return null
  return { low, high, value: (low + high) / 2 }
}

function hasDigit(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (isDigitCode(text.charCodeAt(i))) return true
  return false
}

function withoutUnit(text: string, s: number, e: number): number {
  for (const unit of UNIT_WORDS) {
    const at = e - unit.length
    if (at > s && wordAt(text, at, unit) && !isLetterCode(text.charCodeAt(at - 1))) return skipSpacesBack(text, s, at)
  }
  return e
}

/** Index after a leading operator or word (and the spaces after it), or `s` when absent. */
function afterPrefix(text: string, s: number, e: number, prefixes: readonly string[]): number {
  for (const prefix of prefixes) {
    if (s + prefix.length >= e || !wordAt(text, s, prefix)) continue
    if (isLetterCode(prefix.charCodeAt(prefix.length - 1)) && isLetterCode(text.charCodeAt(s + prefix.length))) continue
    return skipSpaces(text, s + prefix.length, e)
  }
  return s
}

/** Index where a trailing phrase ("or more") starts, trimmed, or `e` when absent. */
function beforeSuffix(text: string, s: number, e: number, suffixes: readonly string[]): number {
  for (const suffix of suffixes) {
    const at = e - suffix.length
    if (at <= s || !wordAt(text, at, suffix) || isLetterCode(text.charCodeAt(at - 1))) continue
    return skipSpacesBack(text, s, at)
  }
  return e
}

/** Case-insensitive search for a spaced word such as " to " inside text[from, e). */
function findWord(text: string, from: number, e: number, word: string): number {
  for (let i = from; i + word.length <= e; i++) if (wordAt(text, i, word)) return i
  return -1
}
