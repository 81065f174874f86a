/** The public shapes of the file reader: what a caller passes in and gets back. */

import type { FileFacts } from '@shared/domain/import'
import type { DictionaryColumn } from '@shared/engine/dictionary-column'
import type { ColumnsHelper } from './csv-columns'

export type { FileFormat, SheetInfo } from '@shared/domain/import'

export interface ReadOptions {
  /** Default: the sheet with the most non-empty cells. */
  sheet?: string
  /** 1-based row in the sheet or file; default: detected. */
  headerRow?: number
  /** Default 1 GiB; larger files are refused before parsing. */
  maxBytes?: number
  /**
   * Bytes (CSV) or rows (workbooks); called at most about 20 times a second. `rows` is given by
   * a reader that delivers no rows to onRow (the columnar CSV path): the data rows read so far.
   */
  onProgress?: (done: number, total: number, rows?: number) => void
  /** Checked periodically; when it returns true, readTable throws ReadCancelled. */
  isCancelled?: () => boolean
  /**
   * The caller also takes whole dictionary-encoded columns: a UTF-8 CSV is then read from its
   * bytes into `columns` of the result (see csv-columns.ts) and onRow is not called.
   */
  columnar?: boolean
  /** With `columnar`: a second thread that builds some columns of a large CSV (see csv-columns.ts). */
  columnsHelper?: ColumnsHelper
}

export interface SkippedRow {
  row: number
  reason: string
}

export interface TableReadResult extends FileFacts {
  headers: string[]
  /** The rows as columns, when the caller asked for them and the file could be read so. */
  columns?: DictionaryColumn[]
}

/**
 * Receives each data row. `cells` has exactly headers.length trimmed strings and is the SAME
 * array on every call (overwritten in place): copy the array (or the values) you keep. The
 * strings themselves are independent copies, so keeping some never pins the file's text.
 */
export type RowHandler = (cells: string[], sourceRow: number) => void

export const DEFAULT_MAX_BYTES = 1024 * 1024 * 1024
