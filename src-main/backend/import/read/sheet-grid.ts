/**
 * Excel's grid: XFD columns by 1,048,576 rows. No spreadsheet program writes a cell outside it,
 * but a few bytes of XML can name one (column ZZZZZZ, row 1,000,000,000), and SheetJS would size
 * its arrays to reach it: V8 aborts the process ("invalid table size") or loops for minutes. So
 * every coordinate in an XLSX part is checked against the grid before SheetJS sees the file.
 */
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
// attribute SheetJS turns into a position. Either quote is legal XML, and SheetJS drops
// namespace prefixes (x:r= is r=); xmlns:r= declares a namespace and is no position.
const ATTRIBUTE = /\s(?!xmlns:)(?:[\w.-]+:)?(?:r|ref|sqref)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
const CHUNK = 8 * 1024 * 1024
const OVERLAP = 1024 * 1024

/** A reference as a reader says it: "ZZZZZZ1", "row 1,000,000,000", "column ZZZZ". */
function shown(token: string): string {
  const short = token.length > 24 ? `${token.slice(0, 21)}...` : token
  if (/^\d+$/.test(token)) return `row ${token.length > 16 ? short : Number(token).toLocaleString('en-US')}`
  return /^[A-Za-z$]+$/.test(token) ? `column ${short}` : short
}

/** The first coordinate outside the grid in an XML part, or null. Reads the bytes in chunks. */
export function findOffGrid(part: string, xml: Uint8Array): OffGrid | null {
  const buffer = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength)
  for (let at = 0; at < buffer.length; at += CHUNK) {
    // latin1 keeps every byte one character, so offsets never drift and no decoding can fail.
    const text = buffer.toString('latin1', at, Math.min(buffer.length, at + CHUNK + OVERLAP))
    ATTRIBUTE.lastIndex = 0
    for (let m = ATTRIBUTE.exec(text); m !== null; m = ATTRIBUTE.exec(text)) {
      const value = m[1] ?? m[2] ?? ''
      for (const token of value.split(/[\s:]+/)) {
        if (token !== '' && offGrid(token)) return { reference: shown(token), part }
      }
    }
  }
  return null
}

/** The grid's far corner, for messages: XFD1048576. */
export const GRID_END = `${columnLetter(MAX_GRID_COLUMNS - 1)}${MAX_GRID_ROWS.toLocaleString('en-US')}`
