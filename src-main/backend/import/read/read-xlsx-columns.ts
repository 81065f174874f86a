/**
 * An .xlsx/.xlsm read from its XML straight into dictionary-encoded columns (issue 18). SheetJS
 * builds an object for every cell of the workbook and a string for every piece of markup before
 * the first row reaches the import: for a 100,000-row export that was most of its time and
 * memory. Here the worksheet's bytes are scanned row by row (xlsx-sheet-scan.ts), each cell's
 * text is what cellText() makes of the cell SheetJS would have built, and rows go through the
 * same RowSink and header logic as readWorkbook(), so headers, rows, skipped rows and warnings
 * cannot differ (test/backend/import-xlsx-stream.test.ts holds the two equal).
 *
 * What this reader does not follow exactly (merged cells, the 1904 date system, odd markup) and
 * every error about the sheet or header (an empty sheet, no header row) is NotForStream: the
 * caller reads the file with SheetJS, which says what it always said.
 */
import type { Buffer } from 'node:buffer'
import type { DictionaryColumn } from '@shared/engine/dictionary-column'
import { ColumnScan, footerReason } from './footer-rows'
import { cleanHeader, planHeaders } from './header-names'
import { FOLLOWING_ROWS, HEADER_SEARCH_ROWS, findHeaderRow, nonEmptyCount } from './header-detect'
import { NotForStream } from './not-for-stream'
import type { ReadControl } from './read-control'
import { RowSink } from './row-sink'
import { SharedStringColumnBuilder } from './shared-string-column-builder'
import type { ReadOptions, SheetInfo } from './types'
import type { WorkbookOutcome } from './read-workbook'
import { where } from './where'
import { readXlsxPackage, type PartLookup, type XlsxPackage } from './xlsx-package'
import { scanSheet, type SheetExtent } from './xlsx-sheet-scan'

export type XlsxColumnsOutcome = WorkbookOutcome & { columns: DictionaryColumn[] }

const info = (name: string, extent: SheetExtent): SheetInfo => ({ name, rows: extent.lastRow + 1, columns: extent.lastCol + 1 })

/** The sheet chooseSheet() would choose, or NotForStream where it would refuse. */
function chosenSheet(pkg: XlsxPackage, requested: string | undefined, extents: Map<number, SheetExtent>, control: ReadControl): number {
  const { sheets } = pkg
  if (requested !== undefined) {
    const wanted = requested.trim().toLowerCase()
    let found = sheets.findIndex((s) => s.name === requested)
    if (found < 0) found = sheets.findIndex((s) => s.name.trim().toLowerCase() === wanted)
    if (found < 0) throw new NotForStream('no such sheet')
    return found
  }
  if (sheets.length === 1) return 0
  let best = -1
  for (let i = 0; i < sheets.length; i++) {
    const extent = scanSheet(sheets[i]!.xml, pkg, null, false)
    extents.set(i, extent)
    if (best < 0 || extent.filled > extents.get(best)!.filled) best = i
    control.throwIfCancelled()
  }
  return best
}

interface HeldRow {
  row: number
  cells: string[]
  shared: number[]
  filled: boolean
}

export function readXlsxColumns(part: PartLookup, fileName: string, options: ReadOptions, control: ReadControl): XlsxColumnsOutcome {
  const pkg = readXlsxPackage(part)
  const extents = new Map<number, SheetExtent>()
  const chosen = chosenSheet(pkg, options.sheet, extents, control)
  const sheet = pkg.sheets[chosen]!
  const xml: Buffer = sheet.xml
  const headerRow = options.headerRow
  if (headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow < 1)) throw new NotForStream('header row')
  const sampleSize = (headerRow ?? HEADER_SEARCH_ROWS) + FOLLOWING_ROWS + 5
  const sharedCount = pkg.strings?.length ?? 0

  // Until the header is known, rows are held (copied); SheetJS's reader looked at the first
  // rows of the sheet, but only those above its last filled row, so the sample is cut when
  // either a filled row at or past the sample's end is seen, or the sheet ends.
  let held: HeldRow[] | null = []
  let flow: RowFlow | null = null

  const decide = (sheetRows: number): RowFlow => {
    const rows = held ?? []
    held = null
    const size = Math.min(sampleSize, sheetRows)
    const sample: string[][] = Array.from({ length: size }, () => [])
    for (const r of rows) if (r.row < size) sample[r.row] = r.cells
    let h: number
    if (headerRow !== undefined) {
      if (headerRow > sheetRows) throw new NotForStream('header row outside the data')
      h = headerRow - 1
      if (nonEmptyCount(sample[h] ?? []) === 0) throw new NotForStream('empty header row')
    } else {
      const found = findHeaderRow(sample)
      if (found === null) throw new NotForStream('no header row')
      h = found
    }
    const next = new RowFlow({
      fileName,
      sheetName: sheet.name,
      header: h,
      headerCells: sample[h] ?? [],
      control,
      total: xml.length,
      sharedCount
    })
    for (const r of rows) if (r.row > h) next.push(r.row, r.cells, r.shared, r.cells.length, r.filled)
    return next
  }

  const extent = scanSheet(
    xml,
    pkg,
    (row, fields, shared, count, filled, at) => {
      if (flow !== null) {
        flow.push(row, fields, shared, count, filled, at)
        return
      }
      held!.push({ row, cells: fields.slice(0, count), shared: shared.slice(0, count), filled })
      if (filled && row >= sampleSize - 1) flow = decide(Number.POSITIVE_INFINITY)
      else if (control.tick()) control.check(at, xml.length, 0)
    },
    true
  )
  if (extent.filled === 0) throw new NotForStream('empty sheet')
  flow ??= decide(extent.lastRow + 1)
  const sheets = pkg.sheets.map((s, i) => {
    if (i === chosen) return info(s.name, extent)
    const known = extents.get(i) ?? scanSheet(s.xml, pkg, null, false)
    return info(s.name, known)
  })
  control.done(xml.length)
  return { sheets, sheetName: sheet.name, ...flow.finish() }
}

interface FlowSetup {
  fileName: string
  sheetName: string
  /** 0-based sheet row of the header. */
  header: number
  headerCells: readonly string[]
  control: ReadControl
  /** Bytes of the sheet, for progress. */
  total: number
  /** Shared strings in the workbook. */
  sharedCount: number
}

/** Shared-string caches take 4 bytes per shared string per column; beyond this many entries, none. */
const SHARED_CACHE_ENTRIES = 64 * 1024 * 1024

/**
 * The rows below the header, from the header's width on: what readWorkbook() does with them,
 * row for row. Rows past the sheet's last filled row are never delivered (SheetJS's sheet ends
 * there), so a row without a filled cell is held until a filled one follows it. A plain data
 * row (filled, no wider than the header, not like a footer, nothing held back) goes straight
 * into the columns, as the CSV byte path does; every other row goes through the RowSink.
 */
class RowFlow {
  private readonly sink: RowSink
  private readonly builders: SharedStringColumnBuilder[]
  private readonly scan: ColumnScan | null
  private readonly raw: string[]
  private readonly width: number
  private readonly named: number
  private readonly footerFill: number
  private readonly header: number
  private readonly at: string
  /** The next sheet row (0-based) not yet delivered or counted empty. */
  private next: number
  /** Rows since the last filled one that hold text although nothing in them is filled. */
  private pending: HeldRow[] = []
  private readonly empty: string[] = []
  /** Rows that went straight into the columns. */
  private direct = 0

  constructor(private readonly setup: FlowSetup) {
    const { headerCells } = setup
    let rawEnd = headerCells.length
    while (rawEnd > 0 && headerCells[rawEnd - 1] === '') rawEnd--
    const blank: number[] = []
    for (let c = 0; c < rawEnd; c++) if (cleanHeader(headerCells[c] ?? '') === '') blank.push(c)
    this.named = rawEnd - blank.length
    // Above this many filled cells a row cannot be a footer (see footerReason).
    this.footerFill = Math.max(2, this.named / 2)
    this.width = rawEnd
    this.header = setup.header
    this.raw = headerCells.slice(0, rawEnd)
    this.at = where(setup.fileName, setup.sheetName, setup.header + 1)
    this.scan = blank.length > 0 ? new ColumnScan(new Set(blank), this.named) : null
    const expected = Math.max(16, Math.min(4096, Math.floor(4_194_304 / Math.max(1, rawEnd))))
    const cached = setup.sharedCount * rawEnd <= SHARED_CACHE_ENTRIES ? setup.sharedCount : 0
    const builders = Array.from({ length: rawEnd }, () => new SharedStringColumnBuilder(cached, expected))
    this.builders = builders
    this.sink = new RowSink({
      fileName: setup.fileName,
      sheet: setup.sheetName,
      width: rawEnd,
      keep: builders.map((_, c) => c),
      named: this.named,
      onRow: (cells) => {
        for (let c = 0; c < builders.length; c++) builders[c]!.push(cells[c] ?? '')
      }
    })
    this.next = setup.header + 1
  }

  /** `filled`: the row holds a cell SheetJS counts as filled. */
  push(row: number, fields: string[], shared: number[], count: number, filled: boolean, at = 0): void {
    if (row <= this.header) return
    if (!filled) {
      for (let c = 0; c < count; c++) {
        if (fields[c] !== '') {
          this.pending.push({ row, cells: fields.slice(0, count), shared: shared.slice(0, count), filled })
          break
        }
      }
      return
    }
    for (const held of this.pending) {
      this.emptyUpTo(held.row)
      this.deliver(held.row, held.cells, held.shared, held.cells.length)
    }
    this.pending = []
    this.emptyUpTo(row)
    this.deliver(row, fields, shared, count)
    if (this.setup.control.tick()) this.setup.control.check(at, this.setup.total, this.sink.rowCount + this.direct)
  }

  finish(): Omit<XlsxColumnsOutcome, 'sheets' | 'sheetName'> {
    const skipped = this.sink.finish()
    const scan = this.scan
    const plan = planHeaders({ raw: this.raw, groups: null, hasData: (c) => scan?.found.has(c) ?? false, at: this.at })
    const columns = plan.keep.map((c) => this.builders[c]!.finish())
    return {
      headerRow: this.header + 1,
      headers: plan.headers,
      rowCount: this.sink.rowCount + this.direct,
      skipped,
      warnings: plan.warnings,
      columns
    }
  }

  /** Rows between the last one delivered and `row` are absent from the XML: empty rows. */
  private emptyUpTo(row: number): void {
    for (let r = this.next; r < row; r++) this.sink.push(this.empty, 0, r + 1)
    this.next = Math.max(this.next, row)
  }

  private deliver(row: number, fields: string[], shared: number[], count: number): void {
    this.scan?.push(fields, count)
    this.next = row + 1
    let filled = 0
    let first = -1
    for (let c = 0; c < count; c++) {
      if (fields[c] === '') continue
      if (filled++ === 0) first = c
    }
    const plain =
      filled > 0 &&
      count <= this.width &&
      !this.sink.holding &&
      (filled > this.footerFill || footerReason(fields[first] ?? '', filled, this.named) === null)
    if (!plain) {
      this.sink.push(fields, count, row + 1)
      return
    }
    const builders = this.builders
    for (let c = 0; c < count; c++) {
      const source = shared[c]!
      if (source >= 0) builders[c]!.pushShared(source, fields[c]!)
      else builders[c]!.push(fields[c]!)
    }
    for (let c = count; c < builders.length; c++) builders[c]!.push('')
    this.direct++
  }
}
