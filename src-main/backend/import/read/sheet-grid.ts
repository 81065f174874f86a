/**
 * Excel's grid: XFD columns by 1,048,576 rows. No spreadsheet program writes a cell outside it,
 * but a few bytes of XML can name one (column ZZZZZZ, row 1,000,000,000), and SheetJS would size
 * its arrays to reach it: V8 aborts the process ("invalid table size") or loops for minutes. So
 * every coordinate in an XLSX part is checked against the grid before SheetJS sees the file.
 */
import { forEachPositionValue } from './position-attributes'
import { columnLetter } from './where'

export const MAX_GRID_ROWS = 1_048_576
export const MAX_GRID_COLUMNS = 16_384

/** A coordinate outside the grid, as written in the file (shortened) and where. */
export interface OffGrid {
  reference: string
  part: string
}

/** Thrown by the guards; the caller names the file. */
export class BeyondGrid extends Error {
  constructor(readonly found: OffGrid) {
    super(`${found.part} refers to cell ${found.reference}`)
  }
}

/** 1-based column number of letters, or Infinity when longer than any column could be. */
function columnNumber(letters: string): number {
  if (letters.length > 3) return Number.POSITIVE_INFINITY
  let n = 0
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n
}

function rowNumber(digits: string): number {
  return digits.length > 8 ? Number.POSITIVE_INFINITY : Number(digits)
}

/** One token of a reference ("$B$7", "C", "12"): whether it lies outside the grid. */
function offGrid(token: string): boolean {
  const m = /^\$?([A-Za-z]*)\$?(\d*)$/.exec(token)
  if (m === null) return false
  const [, letters = '', digits = ''] = m
  return (letters !== '' && columnNumber(letters) > MAX_GRID_COLUMNS) || (digits !== '' && rowNumber(digits) > MAX_GRID_ROWS)
}

// r= (cells, rows), ref= (dimension, merges, tables, hyperlinks), sqref= (validations): every
// attribute SheetJS turns into a position (position-attributes.ts finds them). Either quote is
// legal XML, and SheetJS drops namespace prefixes (x:r= is r=); xmlns:r= declares a namespace
// and is no position.
const CHUNK = 8 * 1024 * 1024
const OVERLAP = 1024 * 1024

/**
 * Whether a plain cell reference ("A5", "XFD1048576": the r= of every cell) or row number (the
 * r= of every row), most of a sheet's matches, lies outside the grid, read from the bytes; null
 * for any other value, which offGrid() judges.
 */
function plainCellOffGrid(b: Uint8Array, from: number, to: number): boolean | null {
  let i = from
  let column = 0
  for (; i < to && i < from + 4; i++) {
    const c = b[i]!
    if (c < 65 || c > 90) break
    column = column * 26 + (c - 64)
  }
  const letters = i - from
  // Letters and digits ("A5"), or digits alone (a row's r="5"), as offGrid() reads them.
  if (letters > 3 || i === to || to - i > (letters === 0 ? 8 : 7)) return null
  let row = 0
  for (let k = i; k < to; k++) {
    const d = b[k]! - 48
    if (d < 0 || d > 9) return null
    row = row * 10 + d
  }
  return column > MAX_GRID_COLUMNS || row > MAX_GRID_ROWS
}

/** A reference as a reader says it: "ZZZZZZ1", "row 1,000,000,000", "column ZZZZ". */
function shown(token: string): string {
  const short = token.length > 24 ? `${token.slice(0, 21)}...` : token
  if (/^\d+$/.test(token)) return `row ${token.length > 16 ? short : Number(token).toLocaleString('en-US')}`
  return /^[A-Za-z$]+$/.test(token) ? `column ${short}` : short
}

/** The first coordinate outside the grid in an XML part, or null. Reads the bytes in chunks. */
export function findOffGrid(part: string, xml: Uint8Array): OffGrid | null {
  let found: OffGrid | null = null
  const judge = (from: number, to: number): boolean => {
    const plain = plainCellOffGrid(xml, from, to)
    if (plain === false) return false
    // latin1 keeps every byte one character, as the pattern this replaced read the part.
    const value = Buffer.from(xml.buffer, xml.byteOffset + from, to - from).toString('latin1')
    for (const token of value.split(/[\s:]+/)) {
      if (token !== '' && offGrid(token)) {
        found = { reference: shown(token), part }
        return true
      }
    }
    return false
  }
  // In chunks that overlap, as the pattern ran over chunks of text: a value is judged within
  // its chunk, so a quote that opens near a chunk's end is judged the same way as before.
  for (let at = 0; at < xml.length && found === null; at += CHUNK)
    forEachPositionValue(xml, at, Math.min(xml.length, at + CHUNK + OVERLAP), judge)
  return found
}

/** The grid's far corner, for messages: XFD1048576. */
export const GRID_END = `${columnLetter(MAX_GRID_COLUMNS - 1)}${MAX_GRID_ROWS.toLocaleString('en-US')}`
