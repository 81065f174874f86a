import type ExcelJS from 'exceljs'
import { exceljs } from '../exceljs'
import type { Style } from 'exceljs'
import { XML_INVALID_CHARACTERS } from './xml-invalid-characters'

/**
 * SpreadsheetML cells as text, for the rows of the big sheet (Scored accounts), which are
 * written straight into the archive (workbook-zip.ts) rather than through exceljs's cell
 * objects: exceljs spends about 4 µs per cell, and 100,000 accounts × 35 criteria are some
 * 9 million cells. The style ids come from exceljs's own style table, so the workbook stays
 * one exceljs workbook (`workbook.styles.addStyleModel` is an internal of exceljs's streaming
 * writer; the package is pinned to an exact version and the tests read every row back).
 */

interface StreamingStyles {
  styles: { addStyleModel(style: Partial<Style>, cellType: number): number }
}

export type CellKind = 'number' | 'string' | 'boolean' | 'formula'

const KIND_TYPE = { number: 'Number', string: 'String', boolean: 'Boolean', formula: 'Formula' } as const

/** The workbook's style id for `style` (registered once; reuse the id for every cell). */
export function styleId(workbook: ExcelJS.stream.xlsx.WorkbookWriter, style: Partial<Style>, kind: CellKind): number {
  return (workbook as unknown as StreamingStyles).styles.addStyleModel(style, exceljs().ValueType[KIND_TYPE[kind]])
}

// eslint-disable-next-line no-control-regex -- the fast path: most text needs no escaping at all
const NEEDS_ESCAPING = /[&<>\u0000-\u001f\uD800-\uDFFF\uFFFE\uFFFF]/

export function xmlText(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text
  return text.replace(XML_INVALID_CHARACTERS, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;')
}

const styleAttr = (style: number): string => (style > 0 ? ` s="${style}"` : '')

const ascii = (text: string): Buffer => Buffer.from(text, 'latin1')
const NOTHING: Buffer[] = []

/**
 * Rows written as bytes into large buffers. The fixed parts of every cell are encoded once and
 * copied; only row numbers, values and text are written per cell. Building the same XML as
 * JavaScript strings spent more time in concatenating, flattening and encoding them (some 4 s
 * for 100,000 accounts × 35 criteria) than zlib spent compressing the result.
 */
export class RowBytes {
  private buffer: Buffer
  private at = 0
  private readonly done: Buffer[] = []
  private row: Buffer = Buffer.alloc(0)

  constructor(private readonly chunkSize = 4 << 20) {
    this.buffer = Buffer.allocUnsafe(chunkSize)
  }

  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return
    if (this.at > 0) this.done.push(this.buffer.subarray(0, this.at))
    this.buffer = Buffer.allocUnsafe(Math.max(this.chunkSize, bytes))
    this.at = 0
  }

  bytes(part: Buffer): this {
    const length = part.length
    this.room(length)
    // Most parts are a few bytes (a row number, "</v></c>"): a plain loop beats set()'s call.
    if (length < 24) {
      const buffer = this.buffer
      let at = this.at
      for (let i = 0; i < length; i++) buffer[at++] = part[i]!
      this.at = at
    } else {
      this.buffer.set(part, this.at)
      this.at += length
    }
    return this
  }

  /** Text known to be ASCII (numbers, generated markup). */
  ascii(text: string): this {
    this.room(text.length)
    this.at += this.buffer.write(text, this.at, 'latin1')
    return this
  }

  /** Any text, escaped for XML and encoded as UTF-8. */
  text(value: string): this {
    const escaped = xmlText(value)
    this.room(Buffer.byteLength(escaped, 'utf8'))
    this.at += this.buffer.write(escaped, this.at, 'utf8')
    return this
  }

  /** Starts row `r`; its number is kept for the cells that follow. */
  openRow(r: number): this {
    this.row = ascii(String(r))
    return this.bytes(ROW_OPEN).bytes(this.row).bytes(ROW_OPEN_END)
  }

  closeRow(): this {
    return this.bytes(ROW_CLOSE)
  }

  /** The current row's number, as the bytes a cell reference needs. */
  get rowNumber(): Buffer {
    return this.row
  }

  /** The buffers filled so far, each handed out once: the current one too when nearly full, or when `all`. */
  take(all = false): Buffer[] {
    if (this.at > 0 && (all || this.at > this.chunkSize - (64 << 10))) {
      this.done.push(this.buffer.subarray(0, this.at))
      this.buffer = Buffer.allocUnsafe(this.chunkSize)
      this.at = 0
    }
    return this.done.length > 0 ? this.done.splice(0) : NOTHING
  }
}

const ROW_OPEN = ascii('<row r="')
const ROW_OPEN_END = ascii('">')
const ROW_CLOSE = ascii('</row>')
const CELL_END = ascii('</v></c>')

/** One column's cell markup around the row number and the value, encoded once. */
export class CellColumn {
  private readonly head: Buffer
  private readonly textBody: Buffer
  private readonly spacedBody: Buffer
  private readonly numberBody: Buffer
  private readonly booleanBody: Buffer

  constructor(column: string, style = 0) {
    this.head = ascii(`<c r="${column}`)
    this.textBody = ascii(`"${styleAttr(style)} t="inlineStr"><is><t>`)
    this.spacedBody = ascii(`"${styleAttr(style)} t="inlineStr"><is><t xml:space="preserve">`)
    this.numberBody = ascii(`"${styleAttr(style)}><v>`)
    this.booleanBody = ascii(`"${styleAttr(style)} t="b"><v>`)
  }

  /** Always a string cell (inline): never read as a formula, whatever the text. */
  text(out: RowBytes, value: string): void {
    // xml:space="preserve" only where a reader would otherwise trim or collapse the text's spaces.
    const body = SPACES_TO_KEEP.test(value) ? this.spacedBody : this.textBody
    out.bytes(this.head).bytes(out.rowNumber).bytes(body).text(value).bytes(TEXT_END)
  }

  number(out: RowBytes, value: number): void {
    out.bytes(this.head).bytes(out.rowNumber).bytes(this.numberBody).ascii(String(value)).bytes(CELL_END)
  }

  boolean(out: RowBytes, value: boolean): void {
    out
      .bytes(this.head)
      .bytes(out.rowNumber)
      .bytes(this.booleanBody)
      .bytes(value ? ONE : ZERO)
      .bytes(CELL_END)
  }

  /** A 0/1 number cell, its bytes after the row number encoded once. */
  flag(out: RowBytes, value: number): void {
    out
      .bytes(this.head)
      .bytes(out.rowNumber)
      .bytes(value ? this.flagOne : this.flagZero)
  }

  private readonly flagOne = Buffer.concat([ascii('"><v>1'), CELL_END])
  private readonly flagZero = Buffer.concat([ascii('"><v>0'), CELL_END])
}

const TEXT_END = ascii('</t></is></c>')
const SPACES_TO_KEEP = /^\s|\s$|\s\s|[\t\n\r]/
const ONE = ascii('1')
const ZERO = ascii('0')

/**
 * One column of the same formula on every row, as a shared formula: the first row carries the
 * text and the range, the others only the group's id. Excel, LibreOffice and exceljs read it as
 * the formula moved down row by row; the file carries each formula once instead of 100,000
 * times. Every cell keeps its cached result, for viewers that do not recalculate.
 */
export class SharedFormulaColumn {
  private readonly head: Buffer
  private readonly firstBody: Buffer
  private readonly body: Buffer
  private readonly text: boolean
  /** Per cached value already seen: the cell's bytes after the row number (criteria have few values). */
  private readonly tails = new Map<number | string, Buffer>()

  constructor(
    column: string,
    firstRow: number,
    lastRow: number,
    group: number,
    firstFormula: string,
    style: number,
    result: 'number' | 'text'
  ) {
    this.text = result === 'text'
    const type = this.text ? ' t="str"' : ''
    this.head = ascii(`<c r="${column}`)
    this.firstBody = Buffer.from(
      `"${styleAttr(style)}${type}><f t="shared" ref="${column}${firstRow}:${column}${lastRow}" si="${group}">${xmlText(firstFormula)}</f><v>`,
      'utf8'
    )
    this.body = ascii(`"${styleAttr(style)}${type}><f t="shared" si="${group}"/><v>`)
  }

  /** The cell of the current row with its cached result; the formula written out when `first`. */
  write(out: RowBytes, first: boolean, result: number | string): void {
    out.bytes(this.head).bytes(out.rowNumber)
    if (first) {
      out.bytes(this.firstBody)
      if (this.text) out.text(String(result))
      else out.ascii(String(result))
      out.bytes(CELL_END)
      return
    }
    let tail = this.tails.get(result)
    if (!tail) {
      tail = Buffer.concat([this.body, Buffer.from(this.text ? xmlText(String(result)) : String(result), 'utf8'), CELL_END])
      if (this.tails.size < 256) this.tails.set(result, tail)
    }
    out.bytes(tail)
  }
}
