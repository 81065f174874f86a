/**
 * A dictionary column built from cells given as byte ranges of a UTF-8 file, so a value seen
 * before costs a hash lookup over its bytes and no string at all. Building one string per cell
 * and hashing it into a Map was most of a CSV import: decoding, allocation and the garbage
 * collector that followed took more time than the parsing itself.
 *
 * It must produce exactly what DictionaryColumnBuilder produces from the same cells as strings
 * (dictionary order, codes, the switch to no de-duplication for mostly-unique columns, and
 * `unique`): profiling and storage cannot tell which reader built a column. The strings map
 * stays the one authority on what is already in the dictionary; the byte table only caches
 * which code a run of bytes has.
 */
import type { Buffer } from 'node:buffer'
import { CodeList, stopsDeduplicating, type DictionaryColumn } from '@shared/engine/dictionary-column'
import { ByteSpanEntries } from './byte-span-entries'

/** Cells are trimmed and never contain these at their edges, so clean ranges need no trim. */
export function decodeRange(buffer: Buffer, start: number, end: number, ascii: boolean): string {
  return buffer.toString(ascii ? 'latin1' : 'utf8', start, end)
}

/** A column that stopped de-duplicating, its entries kept as the file's bytes. */
export function spanEntriesColumn(codes: Uint32Array, entries: ByteSpanEntries): DictionaryColumn {
  return {
    // Built only for a caller that asks for the whole dictionary (see columnEntries).
    get dictionary(): string[] {
      return entries.toArray()
    },
    codes,
    unique: false,
    entries
  }
}

export class ByteDictionaryBuilder {
  /**
   * Once the column stopped de-duplicating (see stopsDeduplicating), its entries from then on:
   * byte ranges where they can be, not strings (see ByteSpanEntries).
   */
  private rest: ByteSpanEntries | null = null
  /**
   * Value -> code, the authority on what the dictionary holds. Built only once a cell arrives
   * that the byte table cannot settle alone (a decoded string, or bytes beyond ASCII, which
   * may decode to a value other bytes decode to): distinct ASCII byte runs are distinct
   * strings, so until then a value missing from the byte table is new. Hashing every new value
   * into it was an eighth of reading the 1M-row CSV.
   */
  private index: Map<string, number> | null = null
  private readonly dictionary: string[] = []
  private readonly codes: CodeList
  /**
   * Open addressing, two numbers a slot side by side: code + 1 (0 is free) and the hash that put
   * it there. Tables start small and grow: a file of 16,384 columns must not reserve much per
   * column before its rows.
   */
  private table = new Int32Array(32)
  private used = 0
  /**
   * Each code's bytes, for codes met as bytes: its offset in `arena` and its length (offset -1
   * otherwise). The bytes are copied, not pointed at in the file: a lookup then reads a few
   * compact MB instead of a place anywhere in a file of hundreds of MB, which missed the cache
   * and the TLB on nearly every cell of a column of 100,000 account names.
   */
  private spans = new Int32Array(32)
  private arena = new Uint8Array(256)
  private arenaUsed = 0

  constructor(
    private readonly buffer: Buffer,
    private readonly expectedRows = 1024
  ) {
    // Shared exactly when the file is: the reading process's two threads then see each other's
    // columns without a copy (see csv-columns-helper.ts, staged-columns-task.ts).
    this.codes = new CodeList(expectedRows, buffer.buffer instanceof SharedArrayBuffer)
  }

  /** A cell whose bytes, exactly, are its value (`hash` from cellHash over them, `ascii` if all below 0x80). */
  pushBytes(start: number, end: number, hash: number, ascii: boolean): void {
    if (this.rest !== null) {
      this.rest.pushBytes(start, end, ascii)
      this.codes.push(this.rest.length - 1)
      return
    }
    const table = this.table
    const mask = (table.length >> 1) - 1
    const bytes = this.buffer
    const length = end - start
    let slot = hash & mask
    for (;;) {
      const entry = table[slot << 1]!
      if (entry === 0) break
      if (table[(slot << 1) + 1] === hash) {
        const code = entry - 1
        const at = this.spans[code << 1]!
        if (at >= 0 && this.spans[(code << 1) + 1] === length) {
          const arena = this.arena
          let k = 0
          while (k < length && arena[at + k] === bytes[start + k]) k++
          if (k === length) {
            this.pushCode(code)
            return
          }
        }
      }
      slot = (slot + 1) & mask
    }
    const value = decodeRange(bytes, start, end, ascii)
    const code = ascii && this.index === null ? this.addValue(value) : (this.valueIndex().get(value) ?? this.addValue(value))
    if (this.spans[code << 1]! >= 0) {
      // Other bytes already stand for this value (bytes that are not UTF-8 decode alike): no
      // slot for these, which could never match and would pile up, one per cell.
      this.pushCode(code)
      return
    }
    // A new value, or one first met as a decoded string: its bytes from now on.
    this.keepBytes(code, start, end)
    table[slot << 1] = code + 1
    table[(slot << 1) + 1] = hash
    if (++this.used * 2 > table.length >> 1) this.growTable()
    this.pushCode(code)
  }

  /** A cell already decoded (quoted, or with spaces to trim). */
  pushString(value: string): void {
    if (this.rest !== null) {
      this.rest.pushString(value)
      this.codes.push(this.rest.length - 1)
      return
    }
    this.pushCode(this.valueIndex().get(value) ?? this.addValue(value))
  }

  finish(): DictionaryColumn {
    const codes = this.codes.finishView()
    const entries = this.rest
    if (entries === null) return { dictionary: this.dictionary, codes, unique: true }
    return spanEntriesColumn(codes, entries)
  }

  private valueIndex(): Map<string, number> {
    if (this.index === null) {
      this.index = new Map<string, number>()
      this.dictionary.forEach((value, code) => this.index!.set(value, code))
    }
    return this.index
  }

  private addValue(value: string): number {
    const code = this.dictionary.length
    this.dictionary.push(value)
    this.index?.set(value, code)
    if (code << 1 >= this.spans.length) {
      const spans = new Int32Array(this.spans.length * 2)
      spans.set(this.spans)
      this.spans = spans
    }
    this.spans[code << 1] = -1
    return code
  }

  private keepBytes(code: number, start: number, end: number): void {
    const length = end - start
    if (this.arenaUsed + length > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length))
      arena.set(this.arena.subarray(0, this.arenaUsed))
      this.arena = arena
    }
    // Byte by byte: a value is a few dozen bytes, and Buffer.copy's checks before it copies
    // were 46 ms of reading the 1M-row CSV's 300,000 new values (set(subarray()) makes a view
    // object per value).
    const arena = this.arena
    const bytes = this.buffer
    for (let k = 0, at = this.arenaUsed; k < length; k++) arena[at + k] = bytes[start + k]!
    this.spans[code << 1] = this.arenaUsed
    this.spans[(code << 1) + 1] = length
    this.arenaUsed += length
  }

  private pushCode(code: number): void {
    // DictionaryColumnBuilder's probe, at the same row and on the same count.
    if (stopsDeduplicating(this.codes.length, this.dictionary.length)) {
      this.rest = new ByteSpanEntries(this.buffer, this.dictionary, this.expectedRows - this.codes.length)
      this.index = null
      this.table = new Int32Array(0)
      this.spans = new Int32Array(0)
      this.arena = new Uint8Array(0)
    }
    this.codes.push(code)
  }

  private growTable(): void {
    const old = this.table
    const table = new Int32Array(old.length * 2)
    const mask = (table.length >> 1) - 1
    for (let s = 0; s < old.length; s += 2) {
      const entry = old[s]!
      if (entry === 0) continue
      const hash = old[s + 1]!
      let slot = hash & mask
      while (table[slot << 1] !== 0) slot = (slot + 1) & mask
      table[slot << 1] = entry
      table[(slot << 1) + 1] = hash
    }
    this.table = table
  }
}
