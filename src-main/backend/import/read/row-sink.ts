/**
 * Turns source rows into delivered rows: drops empty rows (counted), holds back rows that look
 * like a report footer until it is clear whether data follows them, refuses a row with values
 * beyond the header, and projects the kept columns into the one reused output array.
 */
import { AppError } from '../../app-error'
import type { RowHandler, SkippedRow } from './types'
import { footerReason, MAX_PENDING } from './footer-rows'
import { columnLetter, quoteValue, where } from './where'

export interface SinkSetup {
  fileName: string
  sheet: string | null
  /** Source columns covered by the header; a value at or beyond this index is an error. */
  width: number
  /** Source column of each delivered column. */
  keep: readonly number[]
  /** Named header columns: the width the footer test compares a row against (see footerReason). */
  named: number
  onRow: RowHandler
}

/**
 * The most columns one import takes: as many as an Excel or LibreOffice sheet holds. Every
 * column costs memory before its first row arrives, so a file with a million header cells
 * (a few MB of CSV) would otherwise take gigabytes.
 */
export const MAX_COLUMNS = 16_384

interface Pending {
  cells: string[] | null
  row: number
  reason: string
}

/** Wraps an error thrown by the caller's onRow so it is passed on untouched. */
export class ConsumerError extends Error {
  constructor(readonly inner: unknown) {
    super('onRow failed')
  }
}

export class RowSink {
  rowCount = 0
  private readonly out: string[]
  private readonly pending: Pending[] = []
  private emptyRows = 0
  private firstEmpty = 0
  private readonly footers: SkippedRow[] = []

  constructor(private readonly setup: SinkSetup) {
    const columns = setup.keep.length
    if (columns > MAX_COLUMNS) {
      throw new AppError(
        'BAD_INPUT',
        `${where(setup.fileName, setup.sheet)} has ${columns.toLocaleString('en-US')} columns; at most ${MAX_COLUMNS.toLocaleString('en-US')} (as many as Excel holds) can be imported. Export only the columns you need.`,
        { file: setup.fileName, sheet: setup.sheet, columns, limit: MAX_COLUMNS }
      )
    }
    this.out = new Array<string>(setup.keep.length).fill('')
  }

  /** Rows held back as a possible footer: the next row decides whether they were data. */
  get holding(): boolean {
    return this.pending.length > 0
  }

  /** Takes fields[0..count) of one source row (the array may be reused by the caller). */
  push(fields: readonly string[], count: number, sourceRow: number): void {
    let filled = 0
    let first = -1
    for (let c = 0; c < count; c++) {
      if (fields[c] !== '') {
        filled++
        if (first < 0) first = c
      }
    }
    if (filled === 0) {
      if (this.pending.length > 0) this.pending.push({ cells: null, row: sourceRow, reason: '' })
      else this.countEmpty(sourceRow)
      return
    }
    // A footer may stick out past the header (a total under an unlabelled column); it is only
    // checked against the header's width if data follows and it is delivered after all.
    const reason = footerReason(fields[first] ?? '', filled, this.setup.named)
    if (reason !== null && this.pending.length < MAX_PENDING) {
      this.pending.push({ cells: fields.slice(0, count), row: sourceRow, reason })
      return
    }
    this.flushPending()
    this.deliver(fields, count, sourceRow)
  }

  /** Skipped rows: trailing footers one by one, empty rows as one summary line. */
  finish(): SkippedRow[] {
    for (const p of this.pending) {
      if (p.cells === null) this.countEmpty(p.row)
      else this.footers.push({ row: p.row, reason: p.reason })
    }
    this.pending.length = 0
    const skipped = [...this.footers]
    if (this.emptyRows > 0) {
      const reason = this.emptyRows === 1 ? 'empty row' : `${this.emptyRows} empty rows (the first is row ${this.firstEmpty})`
      skipped.unshift({ row: this.firstEmpty, reason })
    }
    return skipped
  }

  private countEmpty(row: number): void {
    if (this.emptyRows++ === 0) this.firstEmpty = row
  }

  private flushPending(): void {
    for (const p of this.pending) {
      if (p.cells === null) this.countEmpty(p.row)
      else this.deliver(p.cells, p.cells.length, p.row)
    }
    this.pending.length = 0
  }

  private deliver(fields: readonly string[], count: number, sourceRow: number): void {
    const { keep, onRow, width } = this.setup
    for (let c = width; c < count; c++) if (fields[c] !== '') this.tooWide(fields, count, sourceRow)
    const out = this.out
    for (let k = 0; k < keep.length; k++) {
      const c = keep[k] ?? 0
      out[k] = c < count ? (fields[c] ?? '') : ''
    }
    this.rowCount++
    try {
      onRow(out, sourceRow)
    } catch (error) {
      throw new ConsumerError(error)
    }
  }

  private tooWide(fields: readonly string[], count: number, sourceRow: number): never {
    const { width, fileName, sheet } = this.setup
    let extra = width
    while (extra < count && fields[extra] === '') extra++
    let cells = count
    while (cells > 0 && fields[cells - 1] === '') cells--
    const value = fields[extra] ?? ''
    const column = columnLetter(extra)
    throw new AppError(
      'BAD_INPUT',
      `${where(fileName, sheet, sourceRow)}: the row has ${cells} cells but the header has ${width} columns (column ${column} ${quoteValue(value)} has no header).`,
      { file: fileName, sheet, row: sourceRow, column, columnIndex: extra + 1, cells, headerColumns: width }
    )
  }
}
