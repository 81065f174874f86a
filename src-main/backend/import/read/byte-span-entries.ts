/**
 * The entries of a column that stopped de-duplicating (ids, timestamps, free text), kept as
 * ranges of the file's bytes instead of strings. Made into strings as they were read, the three
 * such columns of a 1M-row CSV were 3 million strings that all lived until the hand-over: making
 * them, and the garbage collector copying them out of its young generation, were a quarter of
 * the import. Profiling reads most such columns on a sample, and the hand-over writes their
 * stored text straight from the bytes (writeJsonText), so most entries never become strings.
 */
import { Buffer } from 'node:buffer'
import type { EntryList } from '@shared/engine/dictionary-column'
import { isTrimmed } from '@shared/import/values'

const ASCII = 0
const UTF8 = 1
/** A cell that arrived as a string (quoted with doubled quotes, trimmed, or through the row sink). */
const STRING = 2

const QUOTE = 0x22
const BACKSLASH = 0x5c

/** Whether the bytes at `start`, with A-Z read as a-z, are `token`'s (ASCII, lower-case). */
function sameLowerCase(buffer: Buffer, start: number, token: Uint8Array): boolean {
  for (let k = 0; k < token.length; k++) {
    const b = buffer[start + k]!
    if ((b >= 65 && b <= 90 ? b + 32 : b) !== token[k]) return false
  }
  return true
}

/** Entries this short that at() makes are remembered, one at a time (see at). */
const SHORT = 16

/** Whether the `length` bytes at `start` are those at `other`. */
function sameBytes(buffer: Buffer, start: number, other: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (buffer[start + k] !== buffer[other + k]) return false
  return true
}

export interface PackedSpanEntries {
  bytes: Uint8Array
  head: readonly string[]
  starts: Uint32Array
  sizes: Uint32Array
  kinds: Uint8Array
  strings: ReadonlyMap<number, string>
  count: number
  untrimmed: boolean
}

export class ByteSpanEntries implements EntryList {
  private starts: Uint32Array
  private sizes: Uint32Array
  private kinds: Uint8Array
  private readonly strings = new Map<number, string>()
  private count = 0
  /** A filled entry with a space at one end: knownMissing cannot answer. */
  private untrimmed = false
  private made: string[] | null = null
  /** The last short ASCII entry at() made, and where its bytes are. */
  private lastShort: { value: string; start: number; length: number } | null = null
  /** knownMissing's answers for the last two token sets (a column's hints, and blanks alone). */
  private answered: Array<{ tokens: ReadonlySet<string>; missing: readonly number[] | null }> = []

  /** `head`: the entries made as strings before the column stopped de-duplicating; `expected` the entries still to come. */
  constructor(
    private readonly buffer: Buffer,
    private readonly head: readonly string[],
    expected: number
  ) {
    const size = Math.max(16, expected)
    this.starts = this.places(size)
    this.sizes = this.places(size)
    this.kinds = this.kindsOf(size)
  }

  /** Shared exactly when the file is (see ByteDictionaryBuilder). */
  private get shared(): boolean {
    return this.buffer.buffer instanceof SharedArrayBuffer
  }

  private places(size: number): Uint32Array {
    return this.shared ? new Uint32Array(new SharedArrayBuffer(size * Uint32Array.BYTES_PER_ELEMENT)) : new Uint32Array(size)
  }

  private kindsOf(size: number): Uint8Array {
    return this.shared ? new Uint8Array(new SharedArrayBuffer(size)) : new Uint8Array(size)
  }

  get length(): number {
    return this.head.length + this.count
  }

  /**
   * The entries as plain data for another thread (csv-columns-helper.ts, staged-columns-task.ts):
   * the file's bytes are seen there without a copy when they are in shared memory.
   */
  pack(): PackedSpanEntries {
    const { buffer, head, starts, sizes, kinds, strings, count, untrimmed } = this
    return { bytes: buffer, head, starts, sizes, kinds, strings, count, untrimmed }
  }

  /** Entries packed by pack() on another thread. */
  static unpack(packed: PackedSpanEntries): ByteSpanEntries {
    const { bytes } = packed
    const entries = new ByteSpanEntries(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), packed.head, 0)
    entries.starts = packed.starts
    entries.sizes = packed.sizes
    entries.kinds = packed.kinds
    for (const [at, value] of packed.strings) entries.strings.set(at, value)
    entries.count = packed.count
    entries.untrimmed = packed.untrimmed
    return entries
  }

  /**
   * Bytes of the file that are, exactly, the value: empty, or with printable ASCII at both ends
   * (readCsvColumns decodes and trims any other cell), so never in need of trimming.
   */
  pushBytes(start: number, end: number, ascii: boolean): void {
    const at = this.slot()
    const size = end - start
    this.starts[at] = start
    this.sizes[at] = size
    this.kinds[at] = ascii ? ASCII : UTF8
  }

  pushString(value: string): void {
    const at = this.slot()
    this.kinds[at] = STRING
    this.strings.set(at, value)
    if (!isTrimmed(value)) this.untrimmed = true
  }

  /**
   * EntryList.knownMissing, read from the bytes: only an entry no longer than the longest token
   * is compared with the tokens, byte by byte when it is ASCII (worked out once per token set).
   */
  knownMissing(tokens: ReadonlySet<string>): readonly number[] | null {
    const known = this.answered.find((answer) => answer.tokens === tokens)
    if (known !== undefined) return known.missing
    // A blank entry is missing whatever the tokens, so the blanks alone are read off an answer
    // already worked out instead of another pass over a million entries.
    const wider = [...tokens].every((token) => token === '') ? this.answered[0] : undefined
    const missing = wider === undefined ? this.findMissing(tokens) : (wider.missing?.filter((i) => this.isBlank(i)) ?? null)
    this.answered = [{ tokens, missing }, ...this.answered.slice(0, 1)]
    return missing
  }

  private isBlank(index: number): boolean {
    const { head } = this
    if (index < head.length) return head[index] === ''
    const at = index - head.length
    return this.kinds[at] === STRING ? this.strings.get(at) === '' : this.sizes[at] === 0
  }

  private findMissing(tokens: ReadonlySet<string>): readonly number[] | null {
    if (this.untrimmed) return null
    let longest = 0
    const ascii: Uint8Array[] = []
    for (const token of tokens) {
      longest = Math.max(longest, token.length)
      // A token beyond ASCII never equals an ASCII value in lower case.
      if (token !== '' && [...token].every((c) => c.charCodeAt(0) < 0x80)) ascii.push(Buffer.from(token, 'latin1'))
    }
    const isMissing = (value: string): boolean => value === '' || (value.length <= longest && tokens.has(value.toLowerCase()))
    const missing: number[] = []
    const { head, buffer } = this
    for (let i = 0; i < head.length; i++) {
      const value = head[i]!
      if (!isTrimmed(value)) return null
      if (isMissing(value)) missing.push(i)
    }
    // Read through locals: a million entries, most of them (ids, timestamps) longer than any token.
    const { kinds, sizes, starts, count } = this
    for (let at = 0; at < count; at++) {
      const kind = kinds[at]!
      const size = sizes[at]!
      if (kind === ASCII && size > longest) continue
      let found = false
      if (kind === STRING) found = isMissing(this.strings.get(at)!)
      // UTF-8 takes at most 3 bytes per UTF-16 unit: longer ranges are longer than any token.
      else if (kind === UTF8) found = size <= 3 * longest && isMissing(this.at(head.length + at)!)
      else if (size === 0) found = true
      else {
        const start = starts[at]!
        for (const token of ascii) if (token.length === size && sameLowerCase(buffer, start, token)) found = true
      }
      if (found) missing.push(head.length + at)
    }
    return missing
  }

  at(index: number): string | undefined {
    if (this.made !== null) return this.made[index]
    const { head } = this
    if (index < head.length) return head[index]
    const at = index - head.length
    if (at < 0 || at >= this.count) return undefined
    const kind = this.kinds[at]!
    if (kind === STRING) return this.strings.get(at)
    const start = this.starts[at]!
    const size = this.sizes[at]!
    if (kind !== ASCII || size > SHORT) return this.buffer.toString(kind === ASCII ? 'latin1' : 'utf8', start, start + size)
    // A short value read again is the one last made (a date column's 180,000 "Unknown"s are
    // asked for one after another when its placeholders are counted): one string, not one each.
    const last = this.lastShort
    if (last !== null && last.length === size && sameBytes(this.buffer, start, last.start, size)) return last.value
    const value = this.buffer.toString('latin1', start, start + size)
    this.lastShort = { value, start, length: size }
    return value
  }

  /** EntryList.asciiSpan: an ASCII range is read where it is in the file. */
  asciiSpan(index: number, span: Float64Array): Uint8Array | null {
    const at = index - this.head.length
    if (this.made !== null || at < 0 || at >= this.count || this.kinds[at] !== ASCII) return null
    const start = this.starts[at]!
    span[0] = start
    span[1] = start + this.sizes[at]!
    return this.buffer
  }

  /** Every entry as a string, made once, for a caller that wants the whole dictionary. */
  toArray(): string[] {
    if (this.made === null) {
      const made = new Array<string>(this.length)
      for (let i = 0; i < made.length; i++) made[i] = this.at(i)!
      this.made = made
    }
    return this.made
  }

  /**
   * The entries as JSON.stringify(toArray()) would write them, in UTF-8, given to `write` in
   * pieces of about `chunk` bytes (each piece is reused once `write` returns). A plain ASCII
   * range is copied as it is; anything JSON escapes, and every UTF-8 range (whose decoding
   * replaces bytes that are not UTF-8), goes through JSON.stringify.
   */
  writeJsonText(write: (bytes: Uint8Array) => void, chunk = 1 << 20): void {
    let out = new Uint8Array(chunk)
    let used = 0
    const room = (bytes: number): void => {
      if (used + bytes <= out.length) return
      if (used > 0) write(out.subarray(0, used))
      used = 0
      if (bytes > out.length) out = new Uint8Array(bytes)
    }
    const text = (value: string): void => {
      const json = Buffer.from(JSON.stringify(value), 'utf8')
      room(json.length + 1)
      out.set(json, used)
      used += json.length
    }
    const { buffer, head } = this
    room(1)
    out[used++] = 0x5b
    for (let i = 0; i < this.length; i++) {
      if (i > 0) {
        room(1)
        out[used++] = 0x2c
      }
      if (this.made !== null || i < head.length) {
        text(this.at(i)!)
        continue
      }
      const at = i - head.length
      if (this.kinds[at] !== ASCII) {
        text(this.at(i)!)
        continue
      }
      const start = this.starts[at]!
      const end = start + this.sizes[at]!
      room(end - start + 2)
      // Copied byte by byte while checking (a copy() call per value cost more than the values).
      let to = used
      out[to++] = QUOTE
      let p = start
      for (; p < end; p++) {
        const b = buffer[p]!
        if (b < 0x20 || b === QUOTE || b === BACKSLASH) break
        out[to++] = b
      }
      if (p < end) {
        text(this.at(i)!)
        continue
      }
      out[to++] = QUOTE
      used = to
    }
    room(1)
    out[used++] = 0x5d
    write(out.subarray(0, used))
  }

  private slot(): number {
    if (this.answered.length > 0) this.answered = []
    if (this.count === this.starts.length) {
      const size = this.starts.length * 2
      const grow = <T extends Uint32Array | Uint8Array>(from: T, to: T): T => {
        to.set(from)
        return to
      }
      this.starts = grow(this.starts, this.places(size))
      this.sizes = grow(this.sizes, this.places(size))
      this.kinds = grow(this.kinds, this.kindsOf(size))
    }
    return this.count++
  }
}
