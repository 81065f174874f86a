/**
 * Which columns of a large CSV the reading process's second thread builds (see
 * csv-columns-helper.ts). The reading thread scans every byte and feeds the other its cells
 * (cell-feed.ts), so each column is built by one thread from every one of its cells in order,
 * exactly as one thread alone builds it; what is split is the work per cell, which differs
 * tenfold between columns, with the scan on the reading thread's side. It is estimated from the first
 * 20,000 data rows, the rows after which a builder decides whether a column stops
 * de-duplicating (stopsDeduplicating), and the columns are dealt out largest first to the thread
 * with less work so far.
 */

import { cutFrom, cutSpaces, cutTo, plainEdge, rangeHash } from './cell-bytes'

const QUOTE = 34
const LF = 10
const CR = 13

/** The rows a builder probes before it decides (CARDINALITY_PROBE_ROWS in dictionary-column.ts). */
const SAMPLE_ROWS = 20_000
const HALF = SAMPLE_ROWS / 2

/**
 * Estimated nanoseconds, calibrated on the 1M-row bench export, one column at a time (column's
 * time over a scan alone, best of 4): a lookup per cell, a new value (decoded, copied, the
 * table grown, the cache missed more often as it grows), a cell that needs decoding and
 * trimming, and a cell of a column that stopped de-duplicating (an entry kept as its bytes).
 */
const PER_CELL = 40
const PER_NEW_VALUE = 1000
const PER_DECODED_CELL = 300
const PER_SPAN_CELL = 50
/**
 * The reading thread's own work besides its columns: it scans every byte (0.47 s of the bench
 * export's 134 MB, with no column built) and feeds each of the other thread's cells to it.
 */
const PER_SCANNED_BYTE = 3.5
const PER_FED_CELL = 8

/** Below this share of the work, the second thread is not worth starting. */
const LEAST_SHARE = 0.15

/** Bits per column for counting its distinct values (linear counting: exact enough well past 20,000). */
const BITS = 65_536
/** Wider samples are not taken: a file of hundreds of columns is read on one thread. */
const MAX_SAMPLE_CELLS = 4_000_000

interface ColumnSample {
  /** Its bits still clear. */
  clear: number
  /** Distinct values in the first half of the sample. */
  firstHalf: number
  decoded: number
}

/** Distinct values among those that set bits, from the share of bits still clear. */
function distinctOf(clear: number): number {
  return clear === 0 ? BITS * Math.log(BITS) : -BITS * Math.log(clear / BITS)
}

/**
 * The columns the second thread should build (1 each), or null when splitting is not worth it
 * (one column does nearly all the work, or the file is too short to tell).
 */
export function planColumnSplit(
  bytes: Uint8Array,
  start: number,
  delimiter: number,
  headerRecord: number,
  width: number
): Uint8Array | null {
  if (width < 2 || width * SAMPLE_ROWS > MAX_SAMPLE_CELLS) return null
  const samples: ColumnSample[] = Array.from({ length: width }, () => ({ clear: BITS, firstHalf: 0, decoded: 0 }))
  // A bit per hash value and column: 8 KB a column, where a set of the values was 20,000 numbers.
  const bits = new Uint8Array((width * BITS) / 8)
  const n = bytes.length
  let p = start
  let record = 0
  let rows = 0
  while (p < n && rows < SAMPLE_ROWS) {
    record++
    const data = record > headerRecord
    let c = 0
    for (;;) {
      let from = p
      let to: number
      let decoded = false
      if (bytes[p] === QUOTE) {
        let q = p + 1
        for (;;) {
          while (q < n && bytes[q] !== QUOTE) q++
          if (q + 1 < n && bytes[q + 1] === QUOTE) {
            decoded = true
            q += 2
            continue
          }
          break
        }
        from = p + 1
        to = Math.min(q, n)
        p = Math.min(q + 1, n)
        while (p < n && bytes[p] !== delimiter && bytes[p] !== LF && bytes[p] !== CR) {
          decoded = true
          p++
        }
      } else {
        while (p < n && bytes[p] !== delimiter && bytes[p] !== LF && bytes[p] !== CR) p++
        to = p
      }
      if (data && c < width) {
        const column = samples[c]!
        // As buildColumns reads it: spaces cut from the range where that leaves the value.
        if (to > from && !(plainEdge(bytes[from]!) && plainEdge(bytes[to - 1]!))) {
          if (cutSpaces(bytes, from, to)) {
            from = cutFrom
            to = cutTo
          } else decoded = true
        }
        const hash = rangeHash(bytes, from, to)
        if (decoded) column.decoded++
        const bit = c * BITS + ((hash ^ (hash >>> 16)) & (BITS - 1))
        const mask = 1 << (bit & 7)
        if ((bits[bit >> 3]! & mask) === 0) {
          bits[bit >> 3] = bits[bit >> 3]! | mask
          column.clear--
        }
      }
      c++
      if (p >= n) break
      if (bytes[p] === delimiter) {
        p++
        continue
      }
      p += bytes[p] === CR && p + 1 < n && bytes[p + 1] === LF ? 2 : 1
      break
    }
    if (!data) continue
    rows++
    if (rows === HALF) for (const column of samples) column.firstHalf = distinctOf(column.clear)
  }
  if (rows < SAMPLE_ROWS) return null
  // Rows in the whole file, from the sample's bytes per row.
  const total = Math.max(rows, ((n - start) / (p - start)) * rows)
  const costs = samples.map((column) => columnCost(column, total))
  const order = costs.map((_, c) => c).sort((a, b) => costs[b]! - costs[a]! || a - b)
  const theirs = new Uint8Array(width)
  let mine = (n - start) * PER_SCANNED_BYTE
  let helper = 0
  for (const c of order) {
    if (helper < mine) {
      theirs[c] = 1
      helper += costs[c]!
      mine += total * PER_FED_CELL
    } else mine += costs[c]!
  }
  return helper < LEAST_SHARE * (mine + helper) ? null : theirs
}

function columnCost(column: ColumnSample, rows: number): number {
  const distinct = distinctOf(column.clear)
  if (distinct > HALF) return rows * PER_SPAN_CELL
  const newValues = expectedDistinct(column.firstHalf, distinct, rows)
  return rows * PER_CELL + newValues * PER_NEW_VALUE + (column.decoded / SAMPLE_ROWS) * rows * PER_DECODED_CELL
}

/**
 * The distinct values of a column over `rows` rows, from those in the first half of the
 * sample and in all of it. They grow as a power of the rows (Heaps' law), its exponent read
 * off the two: 1 for a column whose every value is new, near 0 for one that has shown them
 * all. A straight line through the second half's rate took the bench export's 12,343 amounts
 * for 85,000 and sent the second thread less than its share.
 */
export function expectedDistinct(firstHalf: number, sample: number, rows: number): number {
  if (sample <= 0) return 0
  const exponent = firstHalf > 0 ? Math.min(1, Math.max(0, Math.log2(sample / firstHalf))) : 1
  return Math.min(rows, sample * Math.max(1, rows / SAMPLE_ROWS) ** exponent)
}
