import * as chars from './char-codes'
// Local bindings, not named imports: under tsx (the CLI) and vitest every call to an imported
// function goes through a getter, which made a million parses three times slower.
const { isDigitCode, isLetterCode, isSpaceCode, skipSpaces, skipSpacesBack, wordAt } = chars

/**
 * Numbers as CRM exports write them: "1,234,567.89", "1 234", "1.234.567,89", "12,5", "$12.5M",
 * "(1,200)", "12.5 million", "45%", "USD 1,200", "1.5E+06". The value is built from the digits as
 * one integer and scaled by a power of ten once, so "$1.2m" is exactly 1200000 and "45%" exactly
 * 0.45 (the same double Number("0.45") gives), and nothing is allocated on the common path.
 */
export function parseNumber(raw: string): number | null {
  return scanNumber(raw, 0, raw.length, 0)
}

const COMMA = 44
const DOT = 46
const PLUS = 43
const MINUS = 45
const UNICODE_MINUS = 0x2212
const PERCENT = 37

/** Currency markers, longest first so "us$" wins over "$"; letter codes must stand alone. */
const CURRENCIES = ['us$', 'ca$', 'au$', 'nz$', 'c$', 'a$', 'usd', 'eur', 'gbp', 'cad', 'aud', 'chf', 'jpy', '$', '€', '£', '¥'] as const

/** Magnitude words, longest first so "mm" wins over "m", and their powers of ten. */
const MAGNITUDE_WORDS = ['thousand', 'million', 'billion', 'trillion', 'mm', 'mn', 'bn', 'tn', 'k', 'm', 'b', 't'] as const
const MAGNITUDE_EXPONENTS = [3, 6, 9, 12, 6, 6, 9, 12, 3, 6, 9, 12] as const

/** Powers of ten that are exact doubles. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i)

/** Digits beyond this many cannot be accumulated exactly in a double. */
const MAX_EXACT_DIGITS = 15

/**
 * Reads text[start, end) as one number, in place (range parsing reads each side of "1K-5K" this
 * way). `extraExponent` scales the result by a power of ten: "$1-5M" lends the low side its "M".
 */
export function scanNumber(text: string, start: number, end: number, extraExponent: number): number | null {
  let s = skipSpaces(text, start, end)
  let e = skipSpacesBack(text, s, end)
  if (s >= e) return null
  let negative = false
  // Accountants write negatives as "(1,200)".
  if (text.charCodeAt(s) === 40 && text.charCodeAt(e - 1) === 41) {
    negative = true
    s = skipSpaces(text, s + 1, e)
    e = skipSpacesBack(text, s, e - 1)
  }
  let sign = signAt(text, s, e)
  if (sign !== 0) {
    negative = sign < 0 ? !negative : negative
    s = skipSpaces(text, s + 1, e)
  }
  const afterCurrency = currencyAt(text, s, e)
  if (afterCurrency > s) {
    s = skipSpaces(text, afterCurrency, e)
    // "$-1,200"
    sign = sign === 0 ? signAt(text, s, e) : 0
    if (sign !== 0) {
      negative = sign < 0 ? !negative : negative
      s = skipSpaces(text, s + 1, e)
    }
  } else {
    const beforeCurrency = currencyBefore(text, s, e)
    if (beforeCurrency < e) e = skipSpacesBack(text, s, beforeCurrency)
  }
  let exponent = extraExponent
  if (e > s && text.charCodeAt(e - 1) === PERCENT) {
    exponent -= 2
    e = skipSpacesBack(text, s, e - 1)
  } else {
    const magnitude = magnitudeBefore(text, s, e)
    if (magnitude >= 0) {
      exponent += MAGNITUDE_EXPONENTS[magnitude]!
      e = skipSpacesBack(text, s, e - MAGNITUDE_WORDS[magnitude]!.length)
    }
  }
  const value = scanDigits(text, s, e, exponent)
  if (value === null) return null
  return negative && value !== 0 ? -value : value
}

/** 1 for a leading "+", -1 for a leading minus, 0 for neither. */
function signAt(text: string, at: number, end: number): number {
  if (at >= end) return 0
  const code = text.charCodeAt(at)
  return code === PLUS ? 1 : code === MINUS || code === UNICODE_MINUS ? -1 : 0
}

/** Whether a currency marker could begin or end with this character (most values hold none). */
function mayBeCurrency(code: number): boolean {
  return code === 36 || code > 127 || isLetterCode(code)
}

/** Index just past a leading currency marker at `at`, or `at` when there is none. */
function currencyAt(text: string, at: number, end: number): number {
  if (at >= end || !mayBeCurrency(text.charCodeAt(at))) return at
  for (const marker of CURRENCIES) {
    if (at + marker.length > end || !wordAt(text, at, marker)) continue
    const next = at + marker.length
    if (isLetterCode(marker.charCodeAt(0)) && next < end && isLetterCode(text.charCodeAt(next))) continue
    return next
  }
  return at
}

/** Index where a trailing currency marker starts, or `end` when there is none. */
function currencyBefore(text: string, start: number, end: number): number {
  if (end <= start || !mayBeCurrency(text.charCodeAt(end - 1))) return end
  for (const marker of CURRENCIES) {
    const at = end - marker.length
    if (at <= start || !wordAt(text, at, marker)) continue
    if (isLetterCode(marker.charCodeAt(0)) && isLetterCode(text.charCodeAt(at - 1))) continue
    return at
  }
  return end
}

/** Index in MAGNITUDE_WORDS of a trailing magnitude word ("K", " million") after a digit or a space, or -1. */
function magnitudeBefore(text: string, start: number, end: number): number {
  if (end <= start || !isLetterCode(text.charCodeAt(end - 1))) return -1
  for (let k = 0; k < MAGNITUDE_WORDS.length; k++) {
    const word = MAGNITUDE_WORDS[k]!
    const at = end - word.length
    if (at <= start || !wordAt(text, at, word)) continue
    const before = text.charCodeAt(at - 1)
    if (isDigitCode(before) || isSpaceCode(before)) return k
  }
  return -1
}

/**
 * The unsigned number in text[s, e): digits with at most one decimal separator and optional
 * thousands grouping, then an optional exponent ("1.5E+06").
 *
 * Which of "," and "." is the decimal separator: when both occur, the last one; a lone comma
 * only when 1-2 digits follow it ("12,5", but "1,234" is 1234); a lone dot always; several of
 * the same kind are grouping. Groups must be 3 digits, so "1.2.3" and "1,23" are not numbers.
 */
function scanDigits(text: string, s: number, e: number, exponent: number): number | null {
  let digits = 0
  let commas = 0
  let dots = 0
  let spaces = 0
  let lastComma = -1
  let lastDot = -1
  let coreEnd = e
  let expPart = 0
  for (let i = s; i < e; i++) {
    const code = text.charCodeAt(i)
    if (isDigitCode(code)) {
      digits++
      continue
    }
    const isSpace = isSpaceCode(code)
    if (code === COMMA || code === DOT || isSpace) {
      if (i === s && code !== DOT) return null
      const prev = text.charCodeAt(i - 1)
      if (i > s && !isDigitCode(prev)) return null
      if (code === COMMA) {
        commas++
        lastComma = i
      } else if (code === DOT) {
        dots++
        lastDot = i
      } else spaces++
      continue
    }
    if ((code | 0x20) === 101 && digits > 0) {
      const parsed = scanExponent(text, i + 1, e)
      if (parsed === null) return null
      expPart = parsed
      coreEnd = i
      break
    }
    return null
  }
  if (digits === 0) return null
  const lastCode = text.charCodeAt(coreEnd - 1)
  if (!isDigitCode(lastCode) && !(lastCode === DOT && dots === 1 && commas === 0)) return null

  let decimalAt = -1
  let groupCode = -1
  if (commas > 0 && dots > 0) {
    if (lastComma > lastDot) {
      if (commas > 1) return null
      decimalAt = lastComma
      groupCode = DOT
    } else {
      if (dots > 1) return null
      decimalAt = lastDot
      groupCode = COMMA
    }
  } else if (commas > 0) {
    const after = coreEnd - lastComma - 1
    const loneZero = lastComma - s === 1 && text.charCodeAt(s) === 48
    if (commas === 1 && (after === 1 || after === 2 || loneZero)) decimalAt = lastComma
    else groupCode = COMMA
  } else if (dots > 0) {
    if (dots === 1) decimalAt = lastDot
    else groupCode = DOT
  }
  if (groupCode !== -1 && spaces > 0) return null
  return accumulate(text, s, coreEnd, decimalAt, exponent + expPart)
}

/** "+06" after the "E" of "1.5E+06". */
function scanExponent(text: string, from: number, end: number): number | null {
  let i = from
  let sign = 1
  const code = text.charCodeAt(i)
  if (code === PLUS || code === MINUS) {
    sign = code === MINUS ? -1 : 1
    i++
  }
  if (i >= end || end - i > 3) return null
  let value = 0
  for (; i < end; i++) {
    const digit = text.charCodeAt(i)
    if (!isDigitCode(digit)) return null
    value = value * 10 + digit - 48
  }
  return sign * value
}

/** Checks the 3-digit grouping while building the digits into one integer, then scales it. */
function accumulate(text: string, s: number, end: number, decimalAt: number, exponent: number): number | null {
  let mantissa = 0
  let significant = 0
  let fraction = 0
  let inFraction = false
  let grouped = false
  let groupStart = s
  for (let i = s; i < end; i++) {
    const code = text.charCodeAt(i)
    if (isDigitCode(code)) {
      if (inFraction) fraction++
      if (mantissa !== 0 || code !== 48) significant++
      mantissa = mantissa * 10 + (code - 48)
      continue
    }
    if (i === decimalAt) {
      if (grouped && i - groupStart !== 3) return null
      inFraction = true
      continue
    }
    if (inFraction) return null
    const length = i - groupStart
    if (grouped ? length !== 3 : length < 1 || length > 3 || text.charCodeAt(s) === 48) return null
    grouped = true
    groupStart = i + 1
  }
  if (grouped && !inFraction && end - groupStart !== 3) return null
  if (significant > MAX_EXACT_DIGITS) mantissa = longMantissa(text, s, end)
  const power = exponent - fraction
  const value = power >= 0 ? mantissa * pow10(power) : mantissa / pow10(-power)
  return Number.isFinite(value) ? value : null
}

/** Rare: more digits than a double holds exactly, so let the platform round them. */
function longMantissa(text: string, s: number, end: number): number {
  let digits = ''
  for (let i = s; i < end; i++) {
    const code = text.charCodeAt(i)
    if (isDigitCode(code)) digits += text[i]
  }
  return Number(digits)
}

function pow10(power: number): number {
  return POW10[power] ?? 10 ** power
}

/**
 * The power of ten a trailing magnitude word or "%" applies to text[start, end) ("5M" -> 6,
 * "20%" -> -2, "500" -> 0). A range such as "$1-5M" lends it to its low side.
 */
export function trailingExponent(text: string, start: number, end: number): number {
  const e = skipSpacesBack(text, start, end)
  if (e > start && text.charCodeAt(e - 1) === PERCENT) return -2
  const magnitude = magnitudeBefore(text, start, e)
  return magnitude < 0 ? 0 : MAGNITUDE_EXPONENTS[magnitude]!
}
