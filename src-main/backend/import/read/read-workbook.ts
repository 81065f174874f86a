/**
 * Reads one worksheet of an XLSX/XLSM/XLSB/XLS/ODS workbook: SheetJS parses the file (dense
 * rows, cached formula values), then the rows are walked cell by cell into the row sink. No
 * second copy of the sheet is built (sheet_to_json would hold every row twice).
 */
import type { CellObject } from 'xlsx'
import { cellText } from './cell-text'
import { cleanHeader, planHeaders } from './header-names'
import type { ReadControl } from './read-control'
import { ColumnScan } from './footer-rows'
import { RowSink } from './row-sink'
import type { ReadOptions, RowHandler, TableReadResult } from './types'
import { findWorkbookHeader } from './workbook-header'
import { chooseSheet, loadSheets, parseWorkbook, type SheetData } from './workbook-sheets'
import { where } from './where'

export type WorkbookOutcome = Pick<TableReadResult, 'sheets' | 'sheetName' | 'headerRow' | 'headers' | 'rowCount' | 'skipped' | 'warnings'>

function lastFilled(cells: readonly string[]): number {
  let last = cells.length - 1
  while (last >= 0 && cells[last] === '') last--
  return last
}

/** Which of the blank-headed columns hold data in delivered rows below the header. */
function columnsWithData(sheet: SheetData, fromRow: number, columns: readonly number[], named: number): Set<number> {
  const scan = new ColumnScan(new Set(columns), named)
  const fields: string[] = []
  for (let r = fromRow; r < sheet.info.rows && !scan.done; r++) {
    const row: (CellObject | undefined)[] | undefined = sheet.rows[r]
    if (row === undefined) continue
    for (let c = 0; c < row.length; c++) fields[c] = cellText(row[c])
    scan.push(fields, row.length)
  }
  return scan.found
}

/**
 * Values of cells merged down over several data rows, by the rows they cover: a merged cell
 * shows its value on every row it spans, so every one of those rows gets it.
 */
function mergedDown(sheet: SheetData, headerRow: number): Map<number, Array<[number, string]>> {
  const fills = new Map<number, Array<[number, string]>>()
  for (const m of sheet.merges) {
    if (m.s.r <= headerRow || m.e.r <= m.s.r) continue
    const value = cellText(sheet.rows[m.s.r]?.[m.s.c])
    if (value === '') continue
    // A merge may claim rows far past the data (ODS's number-rows-spanned is only a number):
    // only rows that can hold data are filled.
    const end = Math.min(m.e.r, sheet.info.rows - 1)
    for (let r = m.s.r + 1; r <= end; r++) {
      const list = fills.get(r) ?? []
      list.push([m.s.c, value])
      fills.set(r, list)
    }
  }
  return fills
}

function mergeNote(fileName: string, sheet: string, rows: number): string {
  return `${where(fileName, sheet)}: values of merged cells were copied into the ${rows === 1 ? 'row' : `${rows} rows`} below them that they span.`
}

export function readWorkbook(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions,
  onRow: RowHandler,
  control: ReadControl
): WorkbookOutcome {
  control.throwIfCancelled()
  // SheetJS parses the whole file in one call; cancelling takes effect right after it.
  const book = parseWorkbook(bytes, fileName)
  control.throwIfCancelled()
  const sheets = loadSheets(book)
  const sheet = chooseSheet(sheets, fileName, options.sheet)
  const header = findWorkbookHeader(sheet, fileName, options.headerRow)
  const groups = header.groups
  const rawEnd = lastFilled(header.raw) + 1
  const groupEnd = groups === null ? 0 : lastFilled(groups) + 1
  const span = Math.max(rawEnd, groupEnd)
  const blank: number[] = []
  for (let c = 0; c < span; c++) if (cleanHeader(header.raw[c] ?? '') === '') blank.push(c)
  const named = span - blank.length
  const withData = columnsWithData(sheet, header.row + 1, blank, named)
  // Columns past the header's own last cell belong to the table only through a group title
  // over data; otherwise a value there is a cell without a header, which the sink refuses.
  let width = rawEnd
  for (const c of withData) if (c >= width && (groups?.[c] ?? '') !== '') width = c + 1
  const raw = header.raw.slice(0, width)
  while (raw.length < width) raw.push('')

  const at = where(fileName, sheet.name, header.row + 1)
  const plan = planHeaders({ raw, groups, hasData: (c) => withData.has(c), at })
  const sink = new RowSink({ fileName, sheet: sheet.name, width, keep: plan.keep, named, onRow })
  const fields: string[] = []
  const total = sheet.info.rows
  const fills = mergedDown(sheet, header.row)
  for (let r = header.row + 1; r < total; r++) {
    const row: (CellObject | undefined)[] | undefined = sheet.rows[r]
    let count = row === undefined ? 0 : row.length
    for (let c = 0; c < count; c++) fields[c] = cellText(row?.[c])
    for (const [c, value] of fills.get(r) ?? []) {
      while (count <= c) fields[count++] = ''
      if (fields[c] === '') fields[c] = value
    }
    sink.push(fields, count, r + 1)
    if (control.tick()) control.check(r, total)
  }
  const skipped = sink.finish()
  control.done(total)
  return {
    sheets: sheets.map((s) => s.info),
    sheetName: sheet.name,
    headerRow: header.row + 1,
    headers: plan.headers,
    rowCount: sink.rowCount,
    skipped,
    warnings: fills.size === 0 ? plan.warnings : [...plan.warnings, mergeNote(fileName, sheet.name, fills.size)]
  }
}
