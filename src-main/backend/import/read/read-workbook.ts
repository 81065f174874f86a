/**
 * Reads one worksheet of an XLSX/XLSM/XLSB/XLS/ODS workbook: SheetJS parses the file (dense
 * rows, cached formula values), then the rows are walked cell by cell into the row sink. No
 * second copy of the sheet is built (sheet_to_json would hold every row twice).
 */
import type { CellObject } from 'xlsx'
import { cellText } from './cell-text'
import { cleanHeader, planHeaders } from './header-names'
import type { ReadControl } from './read-control'
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

/** For each column in `columns`, whether any row below the header holds a value there. */
function columnsWithData(sheet: SheetData, fromRow: number, columns: readonly number[]): Set<number> {
  const found = new Set<number>()
  const open = new Set(columns)
  for (let r = fromRow; r < sheet.info.rows && open.size > 0; r++) {
    const row: (CellObject | undefined)[] | undefined = sheet.rows[r]
    if (row === undefined) continue
    for (const c of open) {
      if (c < row.length && cellText(row[c]) !== '') {
        found.add(c)
        open.delete(c)
      }
    }
  }
  return found
}

export function readWorkbook(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions,
  onRow: RowHandler,
  control: ReadControl
): WorkbookOutcome {
  control.check(0, 1)
  const book = parseWorkbook(bytes, fileName)
  control.check(0, 1)
  const sheets = loadSheets(book)
  const sheet = chooseSheet(sheets, fileName, options.sheet)
  const header = findWorkbookHeader(sheet, fileName, options.headerRow)
  const groups = header.groups
  const rawEnd = lastFilled(header.raw) + 1
  const groupEnd = groups === null ? 0 : lastFilled(groups) + 1
  const span = Math.max(rawEnd, groupEnd)
  const blank: number[] = []
  for (let c = 0; c < span; c++) if (cleanHeader(header.raw[c] ?? '') === '') blank.push(c)
  const withData = columnsWithData(sheet, header.row + 1, blank)
  // Columns past the header's own last cell belong to the table only through a group title
  // over data; otherwise a value there is a cell without a header, which the sink refuses.
  let width = rawEnd
  for (const c of withData) if (c >= width && (groups?.[c] ?? '') !== '') width = c + 1
  const raw = header.raw.slice(0, width)
  while (raw.length < width) raw.push('')

  const at = where(fileName, sheet.name, header.row + 1)
  const plan = planHeaders({ raw, groups, hasData: (c) => withData.has(c), at })
  const sink = new RowSink({ fileName, sheet: sheet.name, width, keep: plan.keep, onRow })
  const fields: string[] = []
  const total = sheet.info.rows
  for (let r = header.row + 1; r < total; r++) {
    const row: (CellObject | undefined)[] | undefined = sheet.rows[r]
    const count = row === undefined ? 0 : row.length
    for (let c = 0; c < count; c++) fields[c] = cellText(row?.[c])
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
    warnings: plan.warnings
  }
}
