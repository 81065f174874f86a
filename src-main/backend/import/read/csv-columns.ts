/**
 * The data rows of a UTF-8 CSV read straight from its bytes into dictionary-encoded columns.
 * The ordinary reader decodes the file to text, cuts one string per cell and hashes it into
 * each column's Map: for a 1M-row, 12-column file that is 12 million strings, nearly all
 * thrown away at once, and decoding, allocating and collecting them cost more than parsing.
 * Here a cell is a byte range hashed while it is scanned; only values not seen before become
 * strings (see ByteDictionaryBuilder).
 *
 * Rows that are not plainly data go through the ordinary RowSink as strings, so empty rows,
 * footer rows ("Total", a trailing note), rows wider than the header and their errors behave
 * exactly as in the ordinary reader: this path only takes rows the sink would deliver at once.
 * Anything the ordinary parser would refuse (a quote that never closes, a record of megabytes)
 * makes this reader give up with NotForColumns, and the caller reads the file the ordinary way,
 * which says what is wrong.
 */
import { Buffer } from 'node:buffer'
import type { DictionaryColumn } from '@shared/engine/dictionary-column'
import { ByteDictionaryBuilder, decodeRange } from './byte-dictionary-builder'
import { takeCells, type CellFeed, type FeedChannel } from './cell-feed'
import { cutFrom, cutSpaces, cutTo, plainEdge, rangeHash } from './cell-bytes'
import { trimCell } from './cell-string'
import { MAX_RECORD_CHARS } from './csv-parser'
import { planColumnSplit } from './csv-column-split'
import { footerReason } from './footer-rows'
import type { ReadControl } from './read-control'
import { RowSink } from './row-sink'

const QUOTE = 34
const LF = 10
const CR = 13

/** This file is not one for the byte path; read it the ordinary way. */
export class NotForColumns extends Error {
  constructor(reason: string) {
    super(reason)
  }
}

export interface ColumnsSetup {
  bytes: Uint8Array
  /** Where the text starts (after a byte-order mark). */
  start: number
  /** One ASCII character. */
  delimiter: string
  fileName: string
  /** 1-based record number of the header: rows up to it are not data. */
  headerRecord: number
  /** Header cells: every column is named and kept (the caller checks). */
  width: number
  control: ReadControl
  /** A second thread to build some of the columns of a large file (see csv-columns-helper.ts). */
  helper?: ColumnsHelper | undefined
}

/** What the second thread is given: the setup, over bytes both threads can see, and its columns (1 each). */
export type HelperJob = Omit<ColumnsSetup, 'control' | 'helper'> & { own: Uint8Array }

/**
 * Another thread that builds some columns while this one builds the rest. This thread scans the
 * rows and feeds it their cells (cell-feed.ts), so whatever it returns is what this thread would
 * have built; when it fails this thread builds its columns after all.
 */
export interface ColumnsHelper {
  /** Files below this size are read by one thread. */
  readonly minBytes: number
  /** Whether it can see `bytes` without a copy (a view on shared memory). */
  canShare(bytes: Uint8Array): boolean
  /** Starts the job and returns the feed for its cells; null when it could not be started (nothing then runs). */
  start(job: HelperJob): CellFeed | null
  /**
   * Waits for the job's columns (at the places `own` marks, null elsewhere); null when it failed
   * or took far longer than `ownMs`, this thread's time for its share.
   */
  finish(ownMs: number): Array<DictionaryColumn | null> | null
  /** Stops a started job whose columns are no longer wanted. */
  cancel(): void
}

/** Files below this are read by one thread: starting the second costs more than it saves. */
export const HELPER_MIN_BYTES = 16 * 1048576

export interface ColumnsRead {
  columns: DictionaryColumn[]
  rowCount: number
  skipped: ReturnType<RowSink['finish']>
}

/** What buildColumns read: null in place of each column it was not asked to build. */
export type SomeColumnsRead = Omit<ColumnsRead, 'columns'> & { columns: Array<DictionaryColumn | null> }

export function readCsvColumns(setup: ColumnsSetup): ColumnsRead {
  const { bytes, width, helper } = setup
  const d = setup.delimiter.charCodeAt(0)
  if (setup.delimiter.length !== 1 || d >= 128 || d === QUOTE || d === LF || d === CR) throw new NotForColumns('delimiter')
  const all = new Uint8Array(width).fill(1)
  const theirs =
    helper !== undefined && bytes.length >= helper.minBytes && helper.canShare(bytes)
      ? planColumnSplit(bytes, setup.start, d, setup.headerRecord, width)
      : null
  const feed = theirs === null ? null : helper!.start({ ...jobOf(setup), own: theirs })
  if (theirs === null || feed === null) return whole(buildColumns(setup, all))
  const mine = theirs.map((t) => 1 - t)
  const began = performance.now()
  let read: SomeColumnsRead
  try {
    read = buildColumns(setup, mine, feed)
  } catch (error) {
    feed.giveUp()
    helper!.cancel()
    throw error
  }
  const fed = feed.end()
  if (!fed) helper!.cancel()
  const built =
    (fed ? helper!.finish(performance.now() - began) : null) ?? buildColumns({ ...setup, control: setup.control.silent() }, theirs).columns
  return whole({ ...read, columns: read.columns.map((column, c) => (theirs[c] === 1 ? built[c]! : column)) })
}

function whole(read: SomeColumnsRead): ColumnsRead {
  const columns = read.columns.map((column, c) => {
    if (column === null) throw new Error(`column ${c + 1} was not built`)
    return column
  })
  return { ...read, columns }
}

function jobOf(setup: ColumnsSetup): Omit<HelperJob, 'own'> {
  const { bytes, start, delimiter, fileName, headerRecord, width } = setup
  return { bytes, start, delimiter, fileName, headerRecord, width }
}

/**
 * Reads every row and builds the columns `own` marks (1 each); the others are scanned, and
 * their place in the result is null. With a `feed`, the cells of the others go to it, each as
 * it would have been pushed to its column's builder here (see cell-feed.ts).
 */
export function buildColumns(setup: Omit<ColumnsSetup, 'helper'>, own: Uint8Array, feed: CellFeed | null = null): SomeColumnsRead {
  const { bytes, width, headerRecord, control } = setup
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
  const n = bytes.length
  const d = setup.delimiter.charCodeAt(0)
  const rows = expectedRows(bytes, setup.start, width)
  const builders = Array.from({ length: width }, (_, c) => (own[c] === 1 ? new ByteDictionaryBuilder(buffer, rows) : null))
  // Rows the sink delivers arrive as strings, in order with the rows delivered here.
  const sink = new RowSink({
    fileName: setup.fileName,
    sheet: null,
    width,
    keep: builders.map((_, c) => c),
    named: width,
    onRow: (cells) => {
      for (let c = 0; c < width; c++) {
        const builder = builders[c]
        if (builder !== null && builder !== undefined) builder.pushString(cells[c] ?? '')
        else if (feed !== null) feed.pushString(cells[c] ?? '')
      }
    }
  })
  /** Above this many filled cells a row cannot be a footer (see footerReason). */
  const footerFill = Math.max(2, width / 2)

  // The current record's cells: a byte range (text === null) or a decoded, trimmed string.
  let capacity = Math.max(16, width + 1)
  let starts = new Int32Array(capacity)
  let ends = new Int32Array(capacity)
  let hashes = new Int32Array(capacity)
  let asciis = new Uint8Array(capacity)
  let texts: Array<string | null> = new Array<string | null>(capacity).fill(null)
  const cellText = (c: number): string => texts[c] ?? decodeRange(buffer, starts[c]!, ends[c]!, asciis[c] === 1)
  const isEmpty = (c: number): boolean => {
    const text = texts[c]
    return text === null ? ends[c] === starts[c] : text === ''
  }
  const rowCells = (count: number): string[] => {
    const cells = new Array<string>(count)
    for (let c = 0; c < count; c++) cells[c] = cellText(c)
    return cells
  }

  let delivered = 0
  let row = 0
  let p = setup.start
  while (p < n) {
    const recordStart = p
    let count = 0
    for (;;) {
      if (count === capacity) {
        capacity *= 2
        const grow = <T extends Int32Array | Uint8Array>(a: T, make: (size: number) => T): T => {
          const b = make(capacity)
          b.set(a)
          return b
        }
        starts = grow(starts, (s) => new Int32Array(s))
        ends = grow(ends, (s) => new Int32Array(s))
        hashes = grow(hashes, (s) => new Int32Array(s))
        asciis = grow(asciis, (s) => new Uint8Array(s))
        texts = texts.concat(new Array<string | null>(capacity - texts.length).fill(null))
      }
      let from = p
      let to: number
      let hash = 0x811c9dc5 | 0
      let high = 0
      let text: string | null = null
      if (p < n && bytes[p] === QUOTE) {
        // A quoted value without doubled quotes or text after its closing quote is a byte
        // range like any other; anything else is built as the ordinary parser builds it.
        let q = p + 1
        while (q < n) {
          const b = bytes[q]!
          if (b === QUOTE) break
          hash = Math.imul(hash ^ b, 16777619)
          high |= b
          q++
        }
        if (q >= n) throw new NotForColumns('unclosed quote')
        const after = q + 1
        const next = after < n ? bytes[after]! : -1
        if (next === -1 || next === d || next === LF || next === CR) {
          from = p + 1
          to = q
          p = after
        } else {
          text = quotedValue(buffer, bytes, p, d)
          p = quotedEnd
          to = p
        }
      } else {
        while (p < n) {
          const b = bytes[p]!
          if (b === d || b === LF || b === CR) break
          hash = Math.imul(hash ^ b, 16777619)
          high |= b
          p++
        }
        to = p
      }
      if (text === null && to > from && !(plainEdge(bytes[from]!) && plainEdge(bytes[to - 1]!))) {
        // Spaces around a value are cut from its range where that leaves the value's bytes: a
        // fifth of an export's account names ending in a space made two strings each (decoded,
        // trimmed).
        if (cutSpaces(bytes, from, to)) {
          from = cutFrom
          to = cutTo
          hash = rangeHash(bytes, from, to)
        } else text = trimCell(decodeRange(buffer, from, to, high < 128))
      }
      starts[count] = from
      ends[count] = to
      hashes[count] = hash ^ (hash >>> 15)
      asciis[count] = high < 128 ? 1 : 0
      texts[count] = text
      count++
      if (p >= n) break
      const b = bytes[p]!
      if (b === d) {
        p++
        continue
      }
      p += b === CR && p + 1 < n && bytes[p + 1] === LF ? 2 : 1
      break
    }
    if (p - recordStart > MAX_RECORD_CHARS) throw new NotForColumns('record too long')
    row++
    if (control.tick()) control.check(p, n, delivered + sink.rowCount)
    if (row <= headerRecord) continue

    let filled = 0
    let first = -1
    for (let c = 0; c < count; c++) {
      if (isEmpty(c)) continue
      if (filled++ === 0) first = c
    }
    const plain =
      filled > 0 && count <= width && !sink.holding && (filled > footerFill || footerReason(cellText(first), filled, width) === null)
    if (!plain) {
      sink.push(rowCells(count), count, row)
      continue
    }
    for (let c = 0; c < count; c++) {
      const builder = builders[c] ?? feed
      if (builder === null) continue
      const text = texts[c]
      if (typeof text !== 'string') builder.pushBytes(starts[c]!, ends[c]!, hashes[c]!, asciis[c] === 1)
      else builder.pushString(text)
    }
    for (let c = count; c < width; c++) (builders[c] ?? feed)?.pushString('')
    delivered++
  }
  const skipped = sink.finish()
  return { columns: builders.map((b) => b?.finish() ?? null), rowCount: delivered + sink.rowCount, skipped }
}

/**
 * The other thread's side of buildColumns with a feed: the columns `job.own` marks, built from
 * the cells the reading thread feeds, in the order it scanned them.
 */
export function buildFedColumns(job: HelperJob, channel: FeedChannel): Array<DictionaryColumn | null> {
  const buffer = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.length)
  const rows = expectedRows(job.bytes, job.start, job.width)
  const builders = Array.from(job.own, (own) => (own === 1 ? new ByteDictionaryBuilder(buffer, rows) : null))
  takeCells(
    channel,
    builders.filter((b): b is ByteDictionaryBuilder => b !== null)
  )
  return builders.map((b) => b?.finish() ?? null)
}

/** Bytes the row count is estimated from. */
const ESTIMATE_SAMPLE_BYTES = 262_144

/**
 * The rows the file will give each column, so that its codes are reserved at once: from the
 * bytes per line of the first 256 KB, plus a twentieth (too few only means the codes grow later).
 * Grown by doubling as rows arrived, the twelve columns of a 5M-row file doubled together, and
 * each burst of hundreds of MB of new arrays made V8 collect its whole heap three times running
 * ("external memory pressure"): about 2.5 s of a 5M-row import, and the reason it took 7 times as
 * long as 1M rows. A wrong guess is bounded: never more codes (4 bytes each) than the file has
 * bytes, so a file of blank lines, whose rows never reach the codes, reserves no more than itself.
 */
function expectedRows(bytes: Uint8Array, start: number, width: number): number {
  const small = Math.max(16, Math.min(4096, Math.floor(4_194_304 / Math.max(1, width))))
  const end = Math.min(bytes.length, start + ESTIMATE_SAMPLE_BYTES)
  if (end === bytes.length) return small
  let lines = 0
  for (let p = start; p < end; p++) if (bytes[p] === LF) lines++
  if (lines === 0) for (let p = start; p < end; p++) if (bytes[p] === CR) lines++
  if (lines < 16) return small
  const estimate = Math.ceil(((bytes.length - start) * lines * 1.05) / (end - start))
  return Math.max(small, Math.min(estimate, Math.floor(bytes.length / (4 * Math.max(1, width)))))
}

/** Where quotedValue stopped (a module-level out-parameter keeps the hot loop free of objects). */
let quotedEnd = 0

/**
 * A quoted value as CsvParser builds it: doubled quotes are one quote, and text after the
 * closing quote is kept ("a"b -> ab, as Excel does). The value is trimmed like every cell.
 */
function quotedValue(buffer: Buffer, bytes: Uint8Array, open: number, d: number): string {
  const n = bytes.length
  let value = ''
  let seg = open + 1
  let j = seg
  for (;;) {
    const q = buffer.indexOf(QUOTE, j)
    if (q < 0) throw new NotForColumns('unclosed quote')
    if (q + 1 < n && bytes[q + 1] === QUOTE) {
      value += buffer.toString('utf8', seg, q + 1)
      j = q + 2
      seg = j
      continue
    }
    value += buffer.toString('utf8', seg, q)
    j = q + 1
    break
  }
  let k = j
  while (k < n) {
    const b = bytes[k]!
    if (b === d || b === LF || b === CR) break
    k++
  }
  if (k > j) value += buffer.toString('utf8', j, k)
  quotedEnd = k
  return trimCell(value)
}
