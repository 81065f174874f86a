/**
 * What a worksheet cell's bytes mean, as SheetJS reads them: its type (the t attribute), its
 * style's kind (number or date), a whole number or shared-string index read from the digits, a
 * formula's cached string, and the texts of numbers and dates, made once per distinct value.
 */
import type { Buffer } from 'node:buffer'
import { trimCell } from './cell-string'
import { dateText, numberText } from './cell-text'
import { serialDate, unescapeXml, utf8Read } from './sheetjs-xml-text'
import { StyleKind } from './xlsx-package'

/** BIFF error codes by Excel's error text (SheetJS's RBErr), and the text cellText gives each. */
export const ERROR_TEXT = new Map<string, string>([
  ['#NULL!', '#NULL!'],
  ['#DIV/0!', '#DIV/0!'],
  ['#VALUE!', '#VALUE!'],
  ['#REF!', '#REF!'],
  ['#NAME?', '#NAME?'],
  ['#NUM!', '#NUM!'],
  ['#N/A', '#N/A'],
  ['#GETTING_DATA', '#GETTING_DATA'],
  // A code cellText has no text for.
  ['#WTF?', '#ERROR!']
])

/** The bytes at `at` spell `word` (ASCII). */
export function startsAt(b: Buffer, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (b[at + i] !== word.charCodeAt(i)) return false
  return true
}

/** A cell style's kind; a style index SheetJS would not find formats nothing (index 0's General). */
export function styleKind(styles: Uint8Array, b: Buffer, from: number, to: number): StyleKind {
  const index = digitsValue(b, from, to)
  // "01" or " 1" is not an array index, so SheetJS finds no style and uses format 0.
  if (index === null || (to - from > 1 && b[from] === 48)) return StyleKind.Number
  return index < styles.length ? (styles[index] as StyleKind) : StyleKind.Number
}

/** The value of 1 to 9 ASCII digits, or null. */
export function digitsValue(b: Buffer, from: number, to: number): number | null {
  if (to <= from || to - from > 9) return null
  let n = 0
  for (let k = from; k < to; k++) {
    const d = b[k]! - 48
    if (d < 0 || d > 9) return null
    n = n * 10 + d
  }
  return n
}

/**
 * The value of digits that print back as themselves (an optional '-', no leading zero, at most
 * 15 digits, so the number is exact), or null.
 */
export function plainInteger(b: Buffer, from: number, to: number): number | null {
  let k = from
  const negative = b[k] === 45
  if (negative) k++
  const digits = to - k
  if (digits < 1 || digits > 15 || (b[k] === 48 && (digits > 1 || negative))) return null
  let n = 0
  for (; k < to; k++) {
    const d = b[k]! - 48
    if (d < 0 || d > 9) return null
    n = n * 10 + d
  }
  return negative ? -n : n
}

/** A date-formatted serial's text: SheetJS's date for it, or the number for Excel's 29 Feb 1900. */
export function serialText(v: number): string {
  const date = serialDate(v)
  return typeof date === 'number' ? numberText(date) : dateText(date)
}

const CACHE_LIMIT = 65_536

/** Texts of whole numbers and whole-day dates, made once each: a column repeats them. */
export class NumberTexts {
  private readonly integers = new Map<number, string>()
  private readonly dates = new Map<number, string>()

  integer(n: number): string {
    let text = this.integers.get(n)
    if (text === undefined) {
      text = String(n)
      if (this.integers.size < CACHE_LIMIT) this.integers.set(n, text)
    }
    return text
  }

  date(serial: number): string {
    let text = this.dates.get(serial)
    if (text === undefined) {
      text = serialText(serial)
      if (this.dates.size < CACHE_LIMIT) this.dates.set(serial, text)
    }
    return text
  }
}

export const enum CellType {
  Number,
  Shared,
  FormulaString,
  Inline,
  Boolean,
  Date,
  Error,
  Other
}

/** The t attribute: absent, "" and "n" are numbers (SheetJS's default). */
export function cellType(b: Buffer, from: number, to: number): CellType {
  if (from < 0 || to === from) return CellType.Number
  const first = b[from]
  if (to - from === 1) {
    if (first === 115) return CellType.Shared
    if (first === 110) return CellType.Number
    if (first === 98) return CellType.Boolean
    if (first === 101) return CellType.Error
    if (first === 100) return CellType.Date
    return CellType.Other
  }
  if (to - from === 3 && startsAt(b, from, 'str')) return CellType.FormulaString
  if (to - from === 9 && startsAt(b, from, 'inlineStr')) return CellType.Inline
  return CellType.Other
}

/** A formula's cached string (t="str"): SheetJS unescapes it, decodes it, and unescapes it again. */
export function formulaString(b: Buffer, from: number, to: number): string {
  let plain = true
  let ascii = true
  for (let k = from; k < to; k++) {
    const c = b[k]!
    if (c === 38 || c === 95 || c === 13) plain = false
    else if (c >= 128) ascii = false
  }
  if (plain) return trimCell(b.toString(ascii ? 'latin1' : 'utf8', from, to))
  const raw = b.toString('latin1', from, to)
  return trimCell(unescapeXml(utf8Read(unescapeXml(raw)), true))
}
