/**
 * The header of a worksheet: the detected (or requested) row, merged header cells spread over
 * the columns they cover, and a merged group row above it ("Firmographics" over several
 * fields) turned into names for the header cells left blank.
 */
import type { CellObject, Range } from 'xlsx'
import { AppError } from '../../app-error'
import { cellText } from './cell-text'
import { FOLLOWING_ROWS, HEADER_SEARCH_ROWS, findHeaderRow, isHeaderLike, isValueLike, nonEmptyCount } from './header-detect'
import type { SheetData } from './workbook-sheets'
import { where } from './where'

export interface WorkbookHeader {
  /** 0-based sheet row of the header (the lower row of a two-row header). */
  row: number
  raw: string[]
  groups: string[] | null
}

export function rowTexts(sheet: SheetData, r: number): string[] {
  const row: (CellObject | undefined)[] = sheet.rows[r] ?? []
  const out = new Array<string>(row.length)
  for (let c = 0; c < row.length; c++) out[c] = cellText(row[c])
  return out
}

const coversRow = (m: Range, r: number): boolean => m.s.r <= r && r <= m.e.r

function hasHorizontalMerge(merges: readonly Range[], r: number): boolean {
  return merges.some((m) => coversRow(m, r) && m.e.c > m.s.c)
}

/**
 * True when the row reads as a header over the rows below it: in the columns where those rows
 * hold numbers or dates, this row holds words.
 */
function headerOverData(rows: readonly string[][], r: number): boolean {
  const cells = rows[r] ?? []
  const below = rows
    .slice(r + 1)
    .filter((row) => nonEmptyCount(row) > 0)
    .slice(0, FOLLOWING_ROWS)
  let valueColumns = 0
  let wordsOver = 0
  for (let c = 0; c < cells.length; c++) {
    const values = below.map((row) => row[c] ?? '').filter((v) => v !== '')
    if (values.length < 2 || values.filter(isValueLike).length < values.length * 0.6) continue
    valueColumns++
    const top = cells[c] ?? ''
    if (top !== '' && !isValueLike(top)) wordsOver++
  }
  return valueColumns > 0 && wordsOver >= valueColumns * 0.6
}

/**
 * A merged group row is itself header-like when the table is narrow; step down to the row of
 * field names when the next row reads as the header, or when the merged row is clearly sparser.
 */
function isGroupRow(sheet: SheetData, sample: readonly string[][], h: number): boolean {
  const next = sample[h + 1]
  if (next === undefined || !hasHorizontalMerge(sheet.merges, h) || !isHeaderLike(next)) return false
  const top = nonEmptyCount(sample[h] ?? [])
  const lower = nonEmptyCount(next)
  return lower > top && (headerOverData(sample, h + 1) || top * 2 <= lower)
}

/** Values by column in row r, with every merged range covering r spread over its columns. */
function spreadRow(sheet: SheetData, r: number): string[] {
  const out = rowTexts(sheet, r)
  for (const m of sheet.merges) {
    if (!coversRow(m, r)) continue
    const value = cellText(sheet.rows[m.s.r]?.[m.s.c])
    for (let c = m.s.c; c <= m.e.c; c++) {
      while (out.length <= c) out.push('')
      if (out[c] === '') out[c] = value
    }
  }
  return out
}

export function findWorkbookHeader(sheet: SheetData, fileName: string, headerRow: number | undefined): WorkbookHeader {
  const sampleSize = (headerRow ?? HEADER_SEARCH_ROWS) + FOLLOWING_ROWS + 5
  const sample: string[][] = []
  for (let r = 0; r < Math.min(sampleSize, sheet.info.rows); r++) sample.push(rowTexts(sheet, r))
  let h: number
  if (headerRow !== undefined) {
    if (!Number.isInteger(headerRow) || headerRow < 1 || headerRow > sheet.info.rows) {
      throw new AppError(
        'BAD_INPUT',
        `${where(fileName, sheet.name)}: the header row ${headerRow} is outside the data (the sheet has ${sheet.info.rows} rows).`,
        { file: fileName, sheet: sheet.name, row: headerRow }
      )
    }
    h = headerRow - 1
    if (nonEmptyCount(spreadRow(sheet, h)) === 0) {
      throw new AppError('BAD_INPUT', `${where(fileName, sheet.name, headerRow)}: the row is empty, so it cannot be the header.`, {
        file: fileName,
        sheet: sheet.name,
        row: headerRow
      })
    }
  } else {
    const found = findHeaderRow(sample)
    if (found === null) {
      throw new AppError(
        'BAD_INPUT',
        `${fileName}: no header row found in the first ${HEADER_SEARCH_ROWS} rows of sheet "${sheet.name}"; the header should be the row with the column names.`,
        { file: fileName, sheet: sheet.name, reason: 'no-header' }
      )
    }
    h = isGroupRow(sheet, sample, found) ? found + 1 : found
  }
  const groups = h > 0 && hasHorizontalMerge(sheet.merges, h - 1) ? spreadRow(sheet, h - 1) : null
  return { row: h, raw: spreadRow(sheet, h), groups }
}
