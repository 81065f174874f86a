/**
 * Reads a delimited text export: encoding, dialect, header, then the rows streamed from the
 * decoded chunks straight into the row sink. The file is parsed up to three times, and only
 * the last pass delivers rows: a short first pass finds the header, and a full middle pass
 * runs only when the header has blank cells (whether such a column is empty, and so dropped,
 * can only be known after reading every row).
 */
import { AppError } from '../../app-error'
import { BrokenRecord, CsvParser, type RecordHandler } from './csv-parser'
import { NotForColumns, readCsvColumns, type ColumnsHelper, type ColumnsRead } from './csv-columns'
import { sniffDialect } from './csv-dialect'
import { FOLLOWING_ROWS, HEADER_SEARCH_ROWS, findHeaderRow, nonEmptyCount } from './header-detect'
import { cleanHeader, planHeaders } from './header-names'
import type { ReadControl } from './read-control'
import { ColumnScan } from './footer-rows'
import { RowSink } from './row-sink'
import {
  bomLength,
  decodeChunks,
  decodeSample,
  detectEncoding,
  DEFAULT_CHUNK_BYTES,
  type DetectedEncoding,
  type TextEncodingName
} from './text-encoding'
import type { ReadOptions, RowHandler, TableReadResult } from './types'
import { where } from './where'

export type CsvOutcome = Pick<
  TableReadResult,
  'encoding' | 'delimiter' | 'headerRow' | 'headers' | 'rowCount' | 'skipped' | 'warnings' | 'columns'
>

interface Source {
  bytes: Uint8Array
  fileName: string
  encoding: TextEncodingName
  delimiter: string
  skipChars: number
  chunkBytes: number
  control: ReadControl
}

interface Progress {
  /** Bytes already accounted for by earlier passes. */
  offset: number
  total: number
}

/** One pass over the text; with `progress`, reports bytes done, otherwise only checks for cancel. */
function parsePass(src: Source, handler: RecordHandler, progress: Progress | null): void {
  let skip = src.skipChars
  let at = 0
  const report = (): void => {
    if (progress === null) src.control.throwIfCancelled()
    else src.control.check(progress.offset + at, progress.total)
  }
  const parser = new CsvParser(src.delimiter, (fields, count, row, line) => {
    if (src.control.tick()) report()
    return handler(fields, count, row, line)
  })
  // The "sep=" line is not a row (Excel hides it too) but it is line 1 of the file.
  if (skip > 0) parser.line = 2
  try {
    for (const chunk of decodeChunks(src.bytes, src.encoding, src.chunkBytes)) {
      let text = chunk.text
      if (skip > 0) {
        const cut = Math.min(skip, text.length)
        text = text.slice(cut)
        skip -= cut
      }
      if (!parser.feed(text, chunk.final)) return
      at = chunk.end
      report()
    }
  } catch (error) {
    if (!(error instanceof BrokenRecord)) throw error
    const lineNote = error.line === error.row ? '' : ` (line ${error.line})`
    const at = `${where(src.fileName, null, error.row)}${lineNote}`
    const message =
      error.kind === 'unclosed-quote'
        ? `${at}: a quoted value starts in this row but its closing quote is missing, so the rest of the file would run into one cell; check for a stray " character.`
        : error.kind === 'cell-too-large'
          ? `${at}, column ${error.column}: this cell holds more than 8 million characters, more than one cell can be imported; export the table without that column (long notes or attached files) or shorten the text.`
          : `${at}: the row is longer than 8 million characters, so the file is probably not a CSV export.`
    const column = error.kind === 'cell-too-large' ? { column: error.column } : {}
    throw new AppError('BAD_INPUT', message, { file: src.fileName, row: error.row, line: error.line, ...column, reason: error.kind })
  }
}

/** The first rows (copied), enough to find the header and judge the width of what follows. */
function sampleRows(src: Source, headerRow: number | undefined): string[][] {
  const wanted = (headerRow ?? HEADER_SEARCH_ROWS) + FOLLOWING_ROWS + 5
  const rows: string[][] = []
  parsePass(src, (fields, count) => rows.push(fields.slice(0, count)) < wanted, null)
  return rows
}

function chooseHeader(src: Source, rows: string[][], headerRow: number | undefined): number {
  const { fileName } = src
  if (headerRow !== undefined) {
    if (!Number.isInteger(headerRow) || headerRow < 1 || headerRow > rows.length) {
      throw new AppError('BAD_INPUT', `${fileName}: the header row ${headerRow} is outside the file (it has ${rows.length} rows).`, {
        file: fileName,
        row: headerRow
      })
    }
    if (nonEmptyCount(rows[headerRow - 1] ?? []) === 0) {
      throw new AppError('BAD_INPUT', `${where(fileName, null, headerRow)}: the row is empty, so it cannot be the header.`, {
        file: fileName,
        row: headerRow
      })
    }
    return headerRow - 1
  }
  const found = findHeaderRow(rows)
  if (found === null) {
    throw new AppError(
      'BAD_INPUT',
      `${fileName}: no header row found in the first ${HEADER_SEARCH_ROWS} rows; the header should be the row with the column names.`,
      { file: fileName, reason: 'no-header' }
    )
  }
  return found
}

function encodingNotes(fileName: string, detected: DetectedEncoding): string[] {
  if (detected.markOverruled) {
    return [
      `${fileName} starts with a UTF-8 mark but its text is not UTF-8; it was read as Windows-1252 (Western European). Check accented letters in the preview.`
    ]
  }
  const broken = detected.brokenBytes
  if (broken === 0) return []
  const [what, verb] = broken === 1 ? ['a byte that is', 'it was'] : [`${broken} bytes that are`, 'they were']
  return [`${fileName} is UTF-8 text with ${what} not valid UTF-8 (a damaged or cut-off file?); ${verb} read as "\uFFFD".`]
}

export function readCsv(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions,
  onRow: RowHandler,
  control: ReadControl,
  chunkBytes = DEFAULT_CHUNK_BYTES
): CsvOutcome {
  const detected = detectEncoding(bytes)
  const encoding = detected.name
  const sample = decodeSample(bytes, encoding)
  if (sample.whole && sample.text.trim() === '') {
    throw new AppError('BAD_INPUT', `${fileName} has no data (it holds only blank lines or spaces).`, { file: fileName })
  }
  const dialect = sniffDialect(sample.text, sample.whole, fileName.toLowerCase().endsWith('.tsv') ? 'tsv' : '')
  const src: Source = { bytes, fileName, encoding, delimiter: dialect.delimiter, skipChars: dialect.skipChars, chunkBytes, control }
  const rows = sampleRows(src, options.headerRow)
  if (rows.every((r) => nonEmptyCount(r) === 0)) {
    throw new AppError('BAD_INPUT', `${fileName} has no data (it holds only blank lines or spaces).`, { file: fileName })
  }
  const h = chooseHeader(src, rows, options.headerRow)
  const raw = rows[h] ?? []
  const headerRecord = h + 1

  const blanks = new Set<number>()
  raw.forEach((cell, c) => {
    if (cleanHeader(cell) === '') blanks.add(c)
  })
  const named = raw.length - blanks.size
  const scan = new ColumnScan(blanks, named)
  const passes = blanks.size > 0 ? 2 : 1
  if (blanks.size > 0) {
    const scanRow: RecordHandler = (fields, count, row) => {
      if (row > headerRecord) scan.push(fields, count)
      return !scan.done
    }
    parsePass(src, scanRow, { offset: 0, total: bytes.length * passes })
  }
  const plan = planHeaders({ raw, groups: null, hasData: (c) => scan.found.has(c), at: where(fileName, null, headerRecord) })
  const facts = {
    encoding,
    delimiter: dialect.delimiter,
    headerRow: headerRecord,
    headers: plan.headers,
    warnings: [...encodingNotes(fileName, detected), ...plan.warnings]
  }
  const byColumns =
    options.columnar === true && passes === 1 && detected.brokenBytes === 0
      ? columnsOf(src, headerRecord, raw.length, options.columnsHelper)
      : null
  if (byColumns !== null) {
    control.done(bytes.length)
    return { ...facts, rowCount: byColumns.rowCount, skipped: byColumns.skipped, columns: byColumns.columns }
  }
  const sink = new RowSink({ fileName, sheet: null, width: raw.length, keep: plan.keep, named, onRow })
  parsePass(
    src,
    (fields, count, row) => {
      if (row > headerRecord) sink.push(fields, count, row)
    },
    { offset: bytes.length * (passes - 1), total: bytes.length * passes }
  )
  const skipped = sink.finish()
  control.done(bytes.length * passes)
  return { ...facts, rowCount: sink.rowCount, skipped }
}

/**
 * The data rows read from the bytes into columns (csv-columns.ts), for UTF-8 text without a
 * "sep=" line; null when the file is not for that path, and the rows are read the ordinary way.
 */
function columnsOf(src: Source, headerRecord: number, width: number, helper: ColumnsHelper | undefined): ColumnsRead | null {
  if ((src.encoding !== 'utf-8' && src.encoding !== 'utf-8-bom') || src.skipChars > 0) return null
  try {
    return readCsvColumns({
      bytes: src.bytes,
      start: bomLength(src.encoding, src.bytes),
      delimiter: src.delimiter,
      fileName: src.fileName,
      headerRecord,
      width,
      control: src.control,
      helper
    })
  } catch (error) {
    if (error instanceof NotForColumns) return null
    throw error
  }
}
