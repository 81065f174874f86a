import type { Cell, Style } from 'exceljs'
import { startsLikeFormula } from '@shared/export/spreadsheet-text'
import { NUMBER_FORMATS } from './workbook-styles'

/**
 * Text from the client's data (or typed by the consultant) goes into a cell through here. A
 * string value is a string cell in XLSX, never a formula; text that starts like one (=, +, -, @,
 * tab, CR) is also given the Text number format, so a client who opens the cell and presses
 * Enter keeps text rather than turning it into a live formula.
 */
export function setText(cell: Cell, text: string, style?: Partial<Style>): void {
  cell.value = text
  if (style) cell.style = { ...style }
  if (startsLikeFormula(text)) cell.numFmt = NUMBER_FORMATS.text
}
