/**
 * Workbook writers (XLSX, XLS/BIFF8, ODS, XLSB) via SheetJS, shaped like report exports:
 * title lines above the header, optionally merged across the table, and optionally a merged
 * category row ("Firmographic", "Triggers", ...) above the header, which header detection must
 * step over.
 */
import { utils, write, type Range, type WorkBook } from 'xlsx'
import type { Cell } from './mess.js'
import type { TableLike } from './writers.js'

export type BookType = 'xlsx' | 'xls' | 'ods' | 'xlsb'

export interface HeaderGroup {
  label: string
  from: number
  to: number
}

export interface WorkbookSheet {
  name: string
  table: TableLike & { groups?: readonly HeaderGroup[] }
}

export interface WorkbookOptions {
  bookType?: BookType
  /** Write the table's title lines and a blank row above the header (default true). */
  title?: boolean
  /** Merge the first title line across the table width. */
  mergeTitle?: boolean
  /** Add a merged category row above the header from the table's groups. */
  groupHeader?: boolean
  /** Number format for real date cells. */
  dateFormat?: string
}

/** BIFF8 cannot hold more rows than this; SheetJS would silently drop the rest. */
const XLS_MAX_ROWS = 65_536

export function writeWorkbook(sheets: readonly WorkbookSheet[], options: WorkbookOptions = {}): Uint8Array {
  const bookType = options.bookType ?? 'xlsx'
  const book: WorkBook = utils.book_new()
  for (const { name, table } of sheets) {
    const aoa: Cell[][] = []
    const merges: Range[] = []
    const width = table.headers.length
    if (options.title !== false && table.title) {
      for (const line of table.title) aoa.push([line])
      if (options.mergeTitle && width > 1) merges.push({ s: { r: 0, c: 0 }, e: { r: 0, c: width - 1 } })
      aoa.push([])
    }
    if (options.groupHeader && table.groups && table.groups.length > 0) {
      const row: Cell[] = new Array<Cell>(width).fill(null)
      const r = aoa.length
      for (const g of table.groups) {
        row[g.from] = g.label
        if (g.to > g.from) merges.push({ s: { r, c: g.from }, e: { r, c: g.to } })
      }
      aoa.push(row)
    }
    aoa.push([...table.headers])
    for (const row of table.rows) aoa.push([...row])
    if (bookType === 'xls' && aoa.length > XLS_MAX_ROWS) {
      throw new Error(`sheet "${name}" has ${aoa.length} rows; XLS holds at most ${XLS_MAX_ROWS}`)
    }
    // UTC: the model's dates are UTC midnights, and the file must not depend on the machine's zone.
    const sheet = utils.aoa_to_sheet(aoa, { UTC: true, dateNF: options.dateFormat ?? 'm/d/yyyy' })
    if (merges.length > 0) sheet['!merges'] = merges
    utils.book_append_sheet(book, sheet, name)
  }
  // Shared strings, as Excel itself writes them; readers must also cope with inline strings.
  const out: unknown = write(book, { type: 'array', bookType, compression: true, bookSST: true })
  if (!(out instanceof ArrayBuffer)) throw new Error('SheetJS did not return an ArrayBuffer')
  return new Uint8Array(out)
}
