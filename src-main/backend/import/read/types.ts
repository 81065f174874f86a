/** The public shapes of the file reader: what a caller passes in and gets back. */

export type FileFormat = 'csv' | 'xlsx' | 'xlsm' | 'xlsb' | 'xls' | 'ods'

export interface SheetInfo {
  name: string
  /** Rows up to the last one holding a value. */
  rows: number
  /** Columns up to the last one holding a value. */
  columns: number
}

export interface ReadOptions {
  /** Default: the sheet with the most non-empty cells. */
  sheet?: string
  /** 1-based row in the sheet or file; default: detected. */
  headerRow?: number
  /** Default 512 MiB; larger files are refused before parsing. */
  maxBytes?: number
  /** Bytes (CSV) or rows (workbooks); called at most about 20 times a second. */
  onProgress?: (done: number, total: number) => void
  /** Checked periodically; when it returns true, readTable throws ReadCancelled. */
  isCancelled?: () => boolean
}

export interface SkippedRow {
  row: number
  reason: string
}

export interface TableReadResult {
  fileName: string
  format: FileFormat
  sheets: SheetInfo[]
  sheetName: string | null
  encoding: string | null
  delimiter: string | null
  /** 1-based source row of the header (the lower row of a two-row header). */
  headerRow: number
  headers: string[]
  /** Data rows delivered to onRow. */
  rowCount: number
  skipped: SkippedRow[]
  warnings: string[]
}

/**
 * Receives each data row. `cells` has exactly headers.length trimmed strings and is the SAME
 * array on every call (overwritten in place): copy the array (or the values) you keep. The
 * strings themselves are independent copies, so keeping some never pins the file's text.
 */
export type RowHandler = (cells: string[], sourceRow: number) => void

export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024
