/**
 * ODS compresses repetition into attributes: one <table:table-row number-rows-repeated="1000000">
 * holding a cell with number-columns-repeated="16384" is a few bytes of XML but 16 billion cells
 * to SheetJS. The zip checks cannot see that, so the cells are counted from the XML before
 * SheetJS expands anything. Empty repeated cells (LibreOffice pads every sheet with them) are
 * free and not counted, but they move the position: a value after 300 million empty cells lies
 * outside Excel's grid, and building the row that reaches it is what would exhaust memory.
 */
import { MAX_GRID_COLUMNS, MAX_GRID_ROWS } from './sheet-grid'
import { columnLetter } from './where'

export const MAX_ODS_CELLS = 50_000_000

// Any namespace prefix, or none: SheetJS drops prefixes, so `<t:table-cell>` counts as much as
// `<table:table-cell>`.
const TOKEN = /<(?:[\w.-]+:)?(table-row|table-cell|covered-table-cell|table)(?=[\s>/])([^>]*)>|<\/(?:[\w.-]+:)?table-row>/g
const HOLDS_VALUE = /value-type\s*=/
const ROWS_REPEATED = /number-rows-repeated\s*=\s*["'](\d+)["']/
const COLUMNS_REPEATED = /number-columns-repeated\s*=\s*["'](\d+)["']/

function repeat(attributes: string, pattern: RegExp): number {
  const m = pattern.exec(attributes)
  return m?.[1] === undefined ? 1 : Number(m[1])
}

export interface OdsCells {
  /** Cells holding a value once every repetition is expanded (stops counting past the limit). */
  cells: number
  /** The first value outside Excel's grid, as a cell reference ("A1048577", "row 3, column 300000001"). */
  beyondGrid: string | null
}

function reference(row: number, column: number): string {
  return column <= MAX_GRID_COLUMNS ? `${columnLetter(column - 1)}${row}` : `row ${row}, column ${column.toLocaleString('en-US')}`
}

export function odsCells(contentXml: string, limit = MAX_ODS_CELLS): OdsCells {
  let total = 0
  let rowRepeat = 1
  let rowCells = 0
  // 0-based index of the row being read, and 0-based column of the next cell in it.
  let row = 0
  let column = 0
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(contentXml); m !== null; m = TOKEN.exec(contentXml)) {
    const kind = m[1]
    const attributes = m[2] ?? ''
    if (kind === undefined) {
      total += rowRepeat * rowCells
      row += rowRepeat
      rowRepeat = 1
      rowCells = 0
      if (total > limit) return { cells: total, beyondGrid: null }
    } else if (kind === 'table') {
      row = 0
    } else if (kind === 'table-row') {
      column = 0
      rowCells = 0
      // A self-closing row has no cells at all.
      if (attributes.endsWith('/')) row += repeat(attributes, ROWS_REPEATED)
      else rowRepeat = repeat(attributes, ROWS_REPEATED)
    } else {
      const span = repeat(attributes, COLUMNS_REPEATED)
      if (HOLDS_VALUE.test(attributes)) {
        rowCells += span
        if (column + span > MAX_GRID_COLUMNS || row + rowRepeat > MAX_GRID_ROWS)
          return { cells: total, beyondGrid: reference(row + rowRepeat, column + span) }
      }
      column += span
    }
  }
  return { cells: total, beyondGrid: null }
}
