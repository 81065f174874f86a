/**
 * Opening a workbook with SheetJS and choosing the sheet. SheetJS only ever sees bytes whose
 * container was already checked (detect-format, zip-directory); anything it throws is turned
 * into one "damaged" sentence.
 */
import type { CellObject, Range, WorkBook } from 'xlsx'
import { withDefaultFormats } from './default-formats'
import { sheetjs } from '../../sheetjs'
import { AppError } from '../../app-error'
import { useNodeZlib } from './sheetjs-zlib'
import type { SheetInfo } from './types'
import { damagedWorkbook, passwordProtected } from './workbook-errors'

export interface SheetData {
  name: string
  rows: (CellObject[] | undefined)[]
  merges: Range[]
  info: SheetInfo
  filled: number
}

function isFilled(cell: CellObject | null | undefined): boolean {
  if (cell === null || cell === undefined || cell.v === undefined || cell.v === null) return false
  return typeof cell.v !== 'string' || cell.v.trim() !== ''
}

export function parseWorkbook(bytes: Uint8Array, fileName: string): WorkBook {
  useNodeZlib()
  try {
    // dense: rows as arrays (far less memory than A1-keyed objects); UTC: dates whose UTC
    // reading is the wall-clock value in the file, so the machine's time zone never shifts them.
    return sheetjs().read(withDefaultFormats(bytes), {
      type: 'array',
      dense: true,
      cellDates: true,
      cellFormula: false,
      cellHTML: false,
      cellNF: false,
      cellStyles: false,
      cellText: false,
      UTC: true
    })
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    if (/password|encrypt/i.test(text)) throw passwordProtected(fileName)
    // SheetJS's own errors say what is wrong ("Unsupported file", a bad size); a TypeError and
    // the like is SheetJS tripping over content it did not expect, and its text ("Cannot read
    // properties of undefined") means nothing to the user.
    const internal = error instanceof TypeError || error instanceof ReferenceError || error instanceof SyntaxError
    const reason = internal
      ? 'its contents are not laid out the way a spreadsheet program writes them'
      : (text.split('\n')[0] ?? '').slice(0, 120)
    throw damagedWorkbook(fileName, reason || 'unknown error')
  }
}

function sheetData(book: WorkBook, name: string): SheetData {
  const sheet = Object.prototype.hasOwnProperty.call(book.Sheets, name) ? book.Sheets[name] : undefined
  const data: unknown = sheet?.['!data']
  const rows = Array.isArray(data) ? (data as (CellObject[] | undefined)[]) : []
  let lastRow = -1
  let lastCol = -1
  let filled = 0
  // forEach visits only the rows and cells that exist: a sparse row array reaching far down
  // (one cell at row 1,000,000) costs its cells, not its length.
  rows.forEach((row, r) => {
    if (row === undefined || row === null) return
    row.forEach((cell, c) => {
      if (!isFilled(cell)) return
      filled++
      lastRow = r
      if (c > lastCol) lastCol = c
    })
  })
  return { name, rows, merges: sheet?.['!merges'] ?? [], info: { name, rows: lastRow + 1, columns: lastCol + 1 }, filled }
}

export function loadSheets(book: WorkBook): SheetData[] {
  return book.SheetNames.map((name) => sheetData(book, name))
}

const quoted = (sheets: readonly SheetData[]): string => sheets.map((s) => `"${s.name}"`).join(', ')

/** The requested sheet, or the one with the most non-empty cells. */
export function chooseSheet(sheets: readonly SheetData[], fileName: string, requested: string | undefined): SheetData {
  if (requested !== undefined) {
    const wanted = requested.trim().toLowerCase()
    const found = sheets.find((s) => s.name === requested) ?? sheets.find((s) => s.name.trim().toLowerCase() === wanted)
    if (found === undefined) {
      throw new AppError('BAD_INPUT', `${fileName} has no sheet named "${requested}"; its sheets are ${quoted(sheets)}.`, {
        file: fileName,
        sheet: requested,
        sheets: sheets.map((s) => s.name)
      })
    }
    if (found.filled === 0) throw emptySheet(fileName, found.name)
    return found
  }
  let best: SheetData | null = null
  for (const s of sheets) if (best === null || s.filled > best.filled) best = s
  if (best === null || best.filled === 0) {
    if (sheets.length === 1 || best === null) throw emptySheet(fileName, sheets[0]?.name ?? 'Sheet1')
    throw new AppError('BAD_INPUT', `${fileName}: every sheet is empty (${quoted(sheets)}).`, { file: fileName })
  }
  return best
}

function emptySheet(fileName: string, sheet: string): AppError {
  return new AppError('BAD_INPUT', `${fileName}: sheet "${sheet}" is empty.`, { file: fileName, sheet })
}
