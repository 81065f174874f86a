/** The public shapes of the file reader: what a caller passes in and gets back. */

import type { FileFacts } from '@shared/domain/import'

export type { FileFormat, SheetInfo } from '@shared/domain/import'

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

export interface TableReadResult extends FileFacts {
  headers: string[]
}

/**
 * Receives each data row. `cells` has exactly headers.length trimmed strings and is the SAME
 * array on every call (overwritten in place): copy the array (or the values) you keep. The
 * strings themselves are independent copies, so keeping some never pins the file's text.
 */
export type RowHandler = (cells: string[], sourceRow: number) => void

export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024
