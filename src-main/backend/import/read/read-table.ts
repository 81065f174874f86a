/**
 * The file reader's entry point: refuse what is too big or not a table, read the rest as a
 * header plus a stream of rows. Only AppError (bad input) and ReadCancelled leave it; an error
 * thrown by the caller's own onRow is passed through unchanged.
 */
import { Buffer } from 'node:buffer'
import { AppError } from '../../app-error'
import { detectFormat } from './detect-format'
import { readCsv } from './read-csv'
import { ReadCancelled, ReadControl } from './read-control'
import { readWorkbook } from './read-workbook'
import { NotForStream } from './not-for-stream'
import { readXlsxColumns, type XlsxColumnsOutcome } from './read-xlsx-columns'
import { ConsumerError } from './row-sink'
import { DEFAULT_MAX_BYTES, type ReadOptions, type RowHandler, type TableReadResult } from './types'
import { verifyEntries, ZipDamaged, ZipTooLarge } from './zip-directory'
import { baseName, formatSize } from './where'
import { beyondGrid, damagedWorkbook, decompressionBomb } from './workbook-errors'
import { findOffGrid } from './sheet-grid'
import { sheetDataRange } from './xlsx-sheet-scan'

export function readTable(bytes: Uint8Array, fileName: string, options: ReadOptions, onRow: RowHandler): TableReadResult {
  const name = baseName(fileName)
  try {
    const limit = options.maxBytes ?? DEFAULT_MAX_BYTES
    if (bytes.length > limit) {
      throw new AppError(
        'BAD_INPUT',
        `${name} is ${formatSize(bytes.length)}, more than the ${formatSize(limit)} limit for one import; filter the export to fewer rows or split it.`,
        { file: name, bytes: bytes.length, limit }
      )
    }
    const control = new ReadControl(options)
    const detected = detectFormat(name, bytes)
    if (detected.kind === 'text') {
      const out = readCsv(bytes, name, options, onRow, control)
      return { fileName, format: 'csv', sheets: [], sheetName: null, ...out }
    }
    // The parts of an .xlsx/.xlsm are kept as they are inflated for the checks, for the reader
    // that takes them straight into columns (only stageFile asks for columns).
    const parts = options.columnar === true && (detected.format === 'xlsx' || detected.format === 'xlsm') ? new Map<string, Buffer>() : null
    const deferred: string[] = []
    if (detected.zip !== null)
      verifyZip(name, bytes, detected.zip, detected.format !== 'ods' && detected.format !== 'xlsb', parts, deferred)
    control.throwIfCancelled()
    const columns = parts === null ? null : xlsxColumns(parts, name, options, control)
    if (columns === null && parts !== null) checkDeferredCells(name, parts, deferred)
    parts?.clear()
    const out = columns ?? readWorkbook(bytes, name, options, onRow, control)
    const warnings = detected.warning === null ? out.warnings : [detected.warning, ...out.warnings]
    return { fileName, format: detected.format, encoding: null, delimiter: null, ...out, warnings }
  } catch (error) {
    if (error instanceof AppError || error instanceof ReadCancelled) throw error
    if (error instanceof ConsumerError) throw error.inner
    const reason = error instanceof Error ? error.message : String(error)
    // V8's limits on buffer and string sizes: the file is valid but bigger than memory allows.
    if (error instanceof RangeError) {
      throw new AppError('BAD_INPUT', `${name} is too large to read in memory (${reason}); filter the export to fewer rows or split it.`, {
        file: name,
        reason
      })
    }
    throw new AppError('INTERNAL', `${name} could not be read because of an unexpected error: ${reason}`, { file: name, reason })
  }
}

/**
 * An .xlsx/.xlsm read into columns from its parts (read-xlsx-columns.ts), or null when the
 * workbook is one to leave to SheetJS.
 */
function xlsxColumns(parts: Map<string, Buffer>, name: string, options: ReadOptions, control: ReadControl): XlsxColumnsOutcome | null {
  try {
    return readXlsxColumns((part) => parts.get(part.toLowerCase()), name, options, control)
  } catch (error) {
    if (error instanceof NotForStream) return null
    throw error
  }
}

/**
 * Proves the zip's sizes, and for XML workbooks that no part places anything outside the grid;
 * `keep` receives the inflated XML and relationship parts by lower-case name.
 *
 * With `keep`, the columnar reader comes next, and it checks each cell's reference against the
 * grid as it reads a sheet's rows (scanSheet): so the rows of a kept part are not searched here,
 * only the rest of it (dimension, merges, validations, hyperlinks), and the part's name goes to
 * `deferred`. Searching every cell's r= was an eighth of a 100,000-row import. Should the
 * columnar reader hand the file to SheetJS after all, checkDeferredCells searches those rows
 * first, so SheetJS never reads a part that was not searched whole.
 */
function verifyZip(
  name: string,
  bytes: Uint8Array,
  entries: Parameters<typeof verifyEntries>[1],
  xmlParts: boolean,
  keep: Map<string, Buffer> | null,
  deferred: string[]
): void {
  try {
    verifyEntries(bytes, entries, (entry, data) => {
      const kept = keep !== null && /\.(xml|rels)$/i.test(entry.name) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : null
      if (kept !== null) keep?.set(entry.name.toLowerCase(), kept)
      if (!xmlParts || !/\.xml$/i.test(entry.name)) return
      const cells = kept === null ? null : sheetDataRange(kept)
      if (cells !== null) deferred.push(entry.name)
      const searched = cells === null ? [data] : [data.subarray(0, cells.from), data.subarray(cells.to)]
      for (const xml of searched) {
        const off = findOffGrid(entry.name, xml)
        if (off !== null) throw beyondGrid(name, off.reference, entry.name)
      }
    })
  } catch (error) {
    if (error instanceof ZipTooLarge) throw decompressionBomb(name, error.message)
    if (error instanceof ZipDamaged) throw damagedWorkbook(name, error.message)
    throw error
  }
}

/** The rows verifyZip left to the columnar reader, searched before SheetJS reads the file instead. */
function checkDeferredCells(name: string, parts: Map<string, Buffer>, deferred: readonly string[]): void {
  for (const part of deferred) {
    const off = findOffGrid(part, parts.get(part.toLowerCase())!)
    if (off !== null) throw beyondGrid(name, off.reference, part)
  }
}
