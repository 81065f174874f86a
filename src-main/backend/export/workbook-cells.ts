import type { Cell, Style } from 'exceljs'
import { startsLikeFormula } from '@shared/export/spreadsheet-text'
import { NUMBER_FORMATS } from './workbook-styles'

const NOT_XML =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** The text without the characters XML 1.0 cannot carry (one would make the whole workbook unreadable). */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '')
}

/**
 * Text from the client's data (or typed by the consultant) goes into a cell through here. A
 * string value is a string cell in XLSX, never a formula; text that starts like one (=, +, -, @,
 * tab, CR) is also given the Text number format, so a client who opens the cell and presses
 * Enter keeps text rather than turning it into a live formula.
 */
export function setText(cell: Cell, text: string, style?: Partial<Style>): void {
  // exceljs writes text as it is, and one control character or lone surrogate in a client's
  // value makes the whole workbook unreadable (XML 1.0 cannot carry them).
  const clean = xmlSafe(text)
  cell.value = clean
  if (style) cell.style = { ...style }
  if (startsLikeFormula(clean)) cell.numFmt = NUMBER_FORMATS.text
}
