/**
 * A streaming CSV state machine over decoded text chunks. Records are handed out one at a time
 * in a reused array, so a million-row file never exists as an array of arrays. Field text is
 * taken with slice() over ranges and quotes are found with indexOf(); characters are never
 * concatenated one by one (that is what makes naive parsers slow).
 */
import { trimCell } from './cell-string'

const QUOTE = 34
const LF = 10
const CR = 13
/** A record still open after this many characters is not a real row: its quote never closes. */
export const MAX_RECORD_CHARS = 8 * 1024 * 1024

/** Receives a record; `fields` is reused, only the first `count` entries belong to this record. */
export type RecordHandler = (fields: string[], count: number, row: number, line: number) => boolean | void

/**
 * A record that cannot be read: a quote that never closes, a "line" of tens of megabytes, or a
 * properly quoted cell larger than the limit (`column` is its 1-based position in the record).
 */
export class BrokenRecord extends Error {
  constructor(
    readonly kind: 'unclosed-quote' | 'too-long' | 'cell-too-large',
    readonly row: number,
    readonly line: number,
    readonly column = 0
  ) {
    super(`${kind} in row ${row}`)
  }
}

/**
 * A quoted value that outgrew the limit: the rest of it is skipped, not kept, until its closing
 * quote shows whether it was one huge cell (it closes) or a stray quote (it never does).
 */
interface OversizedValue {
  row: number
  line: number
  column: number
  /** The previous chunk ended on a quote that may be the first of a doubled pair. */
  pendingQuote: boolean
}

/** indexOf's -1 as the end of the text, keeping every position a small integer for the JIT. */
function orEnd(at: number, n: number): number {
  return at < 0 ? n : at
}

/** Line breaks inside a quoted value, so error messages can also name the physical line. */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k)
    if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) count++
  }
  return count
}

export class CsvParser {
  /** 1-based number of records emitted so far. */
  row = 0
  /** 1-based physical line on which the next record starts. */
  line = 1
  private readonly fields: string[] = []
  private carry = ''
  private stopped = false
  private oversized: OversizedValue | null = null

  constructor(
    private readonly delimiter: string,
    private readonly onRecord: RecordHandler
  ) {}

  /**
   * Parses a chunk (after any partial record carried from the previous one). Returns false once
   * the handler has asked to stop. `final` marks the last chunk: an open quote is then an error.
   */
  feed(chunk: string, final: boolean): boolean {
    if (this.stopped) return false
    if (this.oversized !== null) return this.skipOversized(chunk, final)
    const text = this.carry.length > 0 ? this.carry + chunk : chunk
    this.carry = ''
    const n = text.length
    const d = this.delimiter
    const fields = this.fields
    // Next delimiter, LF and CR at or after the scan position, each searched again only once
    // passed: indexOf scans with SIMD, several times faster than a charCodeAt loop. The
    // searches are written out inline twice because a closure over these locals is slow.
    let nextD = -1
    let nextLf = -1
    let nextCr = -1
    let i = 0
    while (i < n) {
      const recordStart = i
      let count = 0
      let breaks = 0
      let inQuote = false
      let quoteAtEnd = false
      let complete = false
      record: for (;;) {
        let value: string
        if (text.charCodeAt(i) === QUOTE) {
          inQuote = true
          const open = i + 1
          let seg = open
          let j = seg
          value = ''
          for (;;) {
            const q = text.indexOf('"', j)
            if (q < 0 || (q === n - 1 && !final)) {
              quoteAtEnd = q >= 0
              break record
            }
            if (text.charCodeAt(q + 1) === QUOTE) {
              value += text.slice(seg, q + 1)
              j = q + 2
              seg = j
              continue
            }
            value += text.slice(seg, q)
            i = q + 1
            break
          }
          inQuote = false
          if (nextLf < open) nextLf = orEnd(text.indexOf('\n', open), n)
          if (nextCr < open) nextCr = orEnd(text.indexOf('\r', open), n)
          if (nextLf < i || nextCr < i) breaks += countLineBreaks(text, open, i)
          // Excel keeps text after a closing quote ("a"b -> ab), so do we.
          if (nextD < i) nextD = orEnd(text.indexOf(d, i), n)
          if (nextLf < i) nextLf = orEnd(text.indexOf('\n', i), n)
          if (nextCr < i) nextCr = orEnd(text.indexOf('\r', i), n)
          let k = nextD < nextLf ? nextD : nextLf
          if (nextCr < k) k = nextCr
          if (k > i) value += text.slice(i, k)
          i = k
        } else {
          if (nextD < i) nextD = orEnd(text.indexOf(d, i), n)
          if (nextLf < i) nextLf = orEnd(text.indexOf('\n', i), n)
          if (nextCr < i) nextCr = orEnd(text.indexOf('\r', i), n)
          let k = nextD < nextLf ? nextD : nextLf
          if (nextCr < k) k = nextCr
          value = text.slice(i, k)
          i = k
        }
        if (i >= n && !final) break
        fields[count++] = trimCell(value)
        if (i >= n) {
          complete = true
          break
        }
        const c = text.charCodeAt(i)
        if (c !== LF && c !== CR) {
          i++
          continue
        }
        if (c === CR) {
          // A CR at the very end of a chunk may be the first half of a CRLF.
          if (i + 1 >= n && !final) break
          i += text.charCodeAt(i + 1) === LF ? 2 : 1
        } else {
          i++
        }
        complete = true
        break
      }
      if (!complete) {
        if (final) throw new BrokenRecord('unclosed-quote', this.row + 1, this.line)
        this.carry = text.slice(recordStart)
        if (this.carry.length > MAX_RECORD_CHARS) {
          if (!inQuote) throw new BrokenRecord('too-long', this.row + 1, this.line)
          this.carry = ''
          this.oversized = { row: this.row + 1, line: this.line, column: count + 1, pendingQuote: quoteAtEnd }
        }
        return true
      }
      this.row++
      const keepGoing = this.onRecord(fields, count, this.row, this.line)
      this.line += 1 + breaks
      if (keepGoing === false) {
        this.stopped = true
        return false
      }
    }
    return true
  }

  /** Scans for the oversized value's closing quote (doubled quotes are text), keeping nothing. */
  private skipOversized(chunk: string, final: boolean): boolean {
    const big = this.oversized!
    const tooLarge = (): BrokenRecord => new BrokenRecord('cell-too-large', big.row, big.line, big.column)
    let j = 0
    if (big.pendingQuote) {
      if (chunk.charCodeAt(0) !== QUOTE) throw tooLarge()
      big.pendingQuote = false
      j = 1
    }
    for (;;) {
      const q = chunk.indexOf('"', j)
      if (q < 0) {
        if (final) throw new BrokenRecord('unclosed-quote', big.row, big.line, big.column)
        return true
      }
      if (q === chunk.length - 1) {
        if (final) throw tooLarge()
        big.pendingQuote = true
        return true
      }
      if (chunk.charCodeAt(q + 1) !== QUOTE) throw tooLarge()
      j = q + 2
    }
  }
}
