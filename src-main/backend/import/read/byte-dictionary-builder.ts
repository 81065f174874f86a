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

/** Cells are trimmed and never contain these at their edges, so clean ranges need no trim. */
export function decodeRange(buffer: Buffer, start: number, end: number, ascii: boolean): string {
  return buffer.toString(ascii ? 'latin1' : 'utf8', start, end)
}

export class ByteDictionaryBuilder {
  private index: Map<string, number> | null = new Map<string, number>()
  private readonly dictionary: string[] = []
  private readonly codes: CodeList
  /**
   * Open addressing: code + 1 per slot (0 is free), and the hash that put it there. Tables start
   * small and grow: a file of 16,384 columns must not reserve much per column before its rows.
   */
  private slots = new Int32Array(16)
  private slotHashes = new Int32Array(16)
  private used = 0
  /** Where each code's bytes are in the file, for codes first met as bytes (-1 otherwise). */
  private starts = new Int32Array(16)
  private ends = new Int32Array(16)

  constructor(
    private readonly buffer: Buffer,
    expectedRows = 1024
  ) {
    this.codes = new CodeList(expectedRows)
  }

  /** A cell whose bytes, exactly, are its value (`hash` from cellHash over them, `ascii` if all below 0x80). */
  pushBytes(start: number, end: number, hash: number, ascii: boolean): void {
    if (this.index === null) {
      this.append(decodeRange(this.buffer, start, end, ascii))
      return
    }
    const mask = this.slots.length - 1
    const bytes = this.buffer
    const length = end - start
    let slot = hash & mask
    for (;;) {
      const entry = this.slots[slot]!
      if (entry === 0) break
      if (this.slotHashes[slot] === hash) {
        const at = this.starts[entry - 1]!
        if (at >= 0 && this.ends[entry - 1]! - at === length) {
          let k = 0
          while (k < length && bytes[at + k] === bytes[start + k]) k++
          if (k === length) {
            this.pushCode(entry - 1)
            return
          }
        }
      }
      slot = (slot + 1) & mask
    }
    const value = decodeRange(bytes, start, end, ascii)
    let code = this.index.get(value)
    if (code === undefined) {
      code = this.addValue(value)
      this.starts[code] = start
      this.ends[code] = end
    }
    this.slots[slot] = code + 1
    this.slotHashes[slot] = hash
    if (++this.used * 2 > this.slots.length) this.growTable()
    this.pushCode(code)
  }

  /** A cell already decoded (quoted, or with spaces to trim). */
  pushString(value: string): void {
    if (this.index === null) {
      this.append(value)
      return
    }
    this.pushCode(this.index.get(value) ?? this.addValue(value))
  }

  finish(): DictionaryColumn {
    return { dictionary: this.dictionary, codes: this.codes.finish(), unique: this.index !== null }
  }

  private addValue(value: string): number {
    const code = this.dictionary.length
    this.dictionary.push(value)
    this.index!.set(value, code)
    if (code >= this.starts.length) {
      const starts = new Int32Array(this.starts.length * 2)
      starts.set(this.starts)
      this.starts = starts
      const ends = new Int32Array(this.ends.length * 2)
      ends.set(this.ends)
      this.ends = ends
    }
    this.starts[code] = -1
    return code
  }

  private pushCode(code: number): void {
    // DictionaryColumnBuilder's probe, at the same row and on the same count.
    if (stopsDeduplicating(this.codes.length, this.dictionary.length)) {
      this.index = null
      this.slots = new Int32Array(0)
      this.slotHashes = new Int32Array(0)
      this.starts = new Int32Array(0)
      this.ends = new Int32Array(0)
    }
    this.codes.push(code)
  }

  private append(value: string): void {
    const code = this.dictionary.length
    this.dictionary.push(value)
    this.codes.push(code)
  }

  private growTable(): void {
    const slots = new Int32Array(this.slots.length * 2)
    const hashes = new Int32Array(this.slots.length * 2)
    const mask = slots.length - 1
    for (let s = 0; s < this.slots.length; s++) {
      const entry = this.slots[s]!
      if (entry === 0) continue
      const hash = this.slotHashes[s]!
      let slot = hash & mask
      while (slots[slot] !== 0) slot = (slot + 1) & mask
      slots[slot] = entry
      hashes[slot] = hash
    }
    this.slots = slots
    this.slotHashes = hashes
  }
}
