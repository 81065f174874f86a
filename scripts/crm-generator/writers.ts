/**
 * Delimited-text writers: CSV, TSV, pipe and semicolon files in the encodings and line endings
 * real exports use. Output is bytes, never files; csvChunks streams so a million-row export
 * needs only one chunk of memory at a time.
 */
import type { Cell } from './mess.js'
import { byteOrderMark, concatBytes, encodeText, type TextEncoding } from './encoding.js'

export type Delimiter = ',' | '\t' | ';' | '|'
export type LineEnding = '\r\n' | '\n'

export interface CsvOptions {
  delimiter?: Delimiter
  encoding?: TextEncoding
  eol?: LineEnding
  /** Write the report title lines (and a blank line) above the header, as some report exports do. */
  title?: boolean
  /** Quote every field, as some CRMs do, instead of only those that need it. */
  quoteAll?: boolean
}

export interface TableLike {
  headers: readonly string[]
  rows: Iterable<readonly Cell[]>
  title?: readonly string[] | null
}

function isoOf(date: Date): string {
  const iso = date.toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ')
}

/** How a typed cell reads as text (clean tables hold numbers, booleans and dates). */
export function cellText(cell: Cell): string {
  if (cell === null) return ''
  if (typeof cell === 'string') return cell
  if (typeof cell === 'number') return String(cell)
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE'
  return isoOf(cell)
}

/** Yields encoded chunks of roughly chunkChars characters each; the first carries the BOM. */
export function* csvChunks(table: TableLike, options: CsvOptions = {}, chunkChars = 1 << 20): Generator<Uint8Array> {
  const delimiter = options.delimiter ?? ','
  const encoding = options.encoding ?? 'utf-8'
  const eol = options.eol ?? '\r\n'
  // Measured faster than a charCodeAt scan, which pays for every rope string the mess builds.
  const needsQuotes = new RegExp(`["\\r\\n${delimiter === '|' ? '\\|' : delimiter}]`)
  const quoteAll = options.quoteAll === true
  const field = (cell: Cell): string => {
    const text = cellText(cell)
    return quoteAll || needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  // join() yields one flat string per line; += would leave ropes that cost memory until encoded.
  const line = (cells: readonly Cell[]): string => {
    const fields = new Array<string>(cells.length)
    for (let i = 0; i < cells.length; i++) fields[i] = field(cells[i] ?? null)
    return fields.join(delimiter) + eol
  }
  // Lines are gathered and joined per chunk: one flat string encodes far faster than a long
  // concatenation rope, and it keeps the garbage collector out of the million-row profile.
  let lines: string[] = []
  let size = 0
  const bom = byteOrderMark(encoding)
  let first = true
  const flush = (): Uint8Array => {
    const bytes = encodeText(lines.join(''), encoding)
    lines = []
    size = 0
    if (!first) return bytes
    first = false
    return bom.length === 0 ? bytes : concatBytes([bom, bytes])
  }
  if (options.title && table.title) {
    for (const text of table.title) lines.push(line([text]))
    lines.push(eol)
  }
  lines.push(line(table.headers))
  for (const row of table.rows) {
    const text = line(row)
    lines.push(text)
    size += text.length
    if (size >= chunkChars) yield flush()
  }
  if (lines.length > 0 || first) yield flush()
}

export function writeCsv(table: TableLike, options: CsvOptions = {}): Uint8Array {
  return concatBytes([...csvChunks(table, options)])
}
