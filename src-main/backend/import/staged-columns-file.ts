/**
 * How the read columns cross from the reading process to the app: through a file the app names
 * and deletes, not through the IPC channel. Over IPC a 1M-row CSV's columns (about 150 MB) were
 * joined into long strings, serialised, piped in 64 KB chunks, concatenated and deserialised
 * again: 4 of the import's 13 seconds, with the reader idle while the app took the messages apart
 * (measured with --cpu-prof on both processes). Written to a file, codes are their own bytes and
 * each value is encoded once into a buffer; the app reads each block straight into the array it
 * keeps and decodes a dictionary with one call per part, cut apart with slice().
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs'
import type { DictionaryColumn } from '@shared/engine/dictionary-column'

/** A part of a dictionary's text stays far below V8's longest string (about 2^29 characters). */
const PART_BYTES = 1 << 26
/** Values are encoded into this much memory before it is written out. */
const SCRATCH_BYTES = 1 << 23

/** Where one column is in the file, sent to the app with the rest of the staged file. */
export interface ColumnSection {
  rows: number
  entries: number
  unique: boolean
  codesAt: number
  /** UTF-16 length of each dictionary value, so the decoded text can be cut back into values. */
  lengthsAt: number
  textAt: number
  /**
   * UTF-8, unless a value holds a lone surrogate half (possible from a workbook's XML), which
   * UTF-8 cannot carry: then the column's text is UTF-16.
   */
  encoding: 'utf8' | 'utf16le'
  /** Byte length of each part of the text; a part always ends where a value ends. */
  partBytes: number[]
}

/** A lone surrogate half: in a /u pattern a proper pair is one code point and does not match. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u

export class StagedColumnsWriter {
  private readonly fd: number
  private position = 0
  private scratch = Buffer.allocUnsafe(SCRATCH_BYTES)

  /** `partBytes` is lowered only by tests, to see values spread over several parts. */
  constructor(
    path: string,
    private readonly partLimit = PART_BYTES
  ) {
    this.fd = openSync(path, 'w')
  }

  write(column: DictionaryColumn): ColumnSection {
    const codesAt = this.position
    this.writeBytes(new Uint8Array(column.codes.buffer, column.codes.byteOffset, column.codes.byteLength))
    const textAt = this.position
    const lengths = new Uint32Array(column.dictionary.length)
    let encoding: ColumnSection['encoding'] = 'utf8'
    let partBytes = this.writeText(column.dictionary, lengths, 'utf8')
    if (partBytes === null) {
      this.position = textAt
      encoding = 'utf16le'
      partBytes = this.writeText(column.dictionary, lengths, 'utf16le')!
    }
    const lengthsAt = this.position
    this.writeBytes(new Uint8Array(lengths.buffer))
    return {
      rows: column.codes.length,
      entries: column.dictionary.length,
      unique: column.unique ?? false,
      codesAt,
      lengthsAt,
      textAt,
      encoding,
      partBytes
    }
  }

  close(): void {
    closeSync(this.fd)
  }

  /** The values' text, part by part; null when a value cannot be written as UTF-8 exactly. */
  private writeText(values: readonly string[], lengths: Uint32Array, encoding: ColumnSection['encoding']): number[] | null {
    const perChar = encoding === 'utf8' ? 3 : 2
    const parts: number[] = []
    let part = 0
    let used = 0
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!
      lengths[i] = value.length
      const most = value.length * perChar
      if (part > 0 && part + most > this.partLimit) {
        parts.push(part)
        part = 0
      }
      if (used + most > this.scratch.length) {
        this.writeBytes(this.scratch.subarray(0, used))
        used = 0
        if (most > this.scratch.length) this.scratch = Buffer.allocUnsafe(most)
      }
      const written = this.scratch.write(value, used, encoding)
      // Only text beyond ASCII can hold a surrogate; checking just that keeps the common case one write.
      if (encoding === 'utf8' && written !== value.length && LONE_SURROGATE.test(value)) return null
      used += written
      part += written
    }
    this.writeBytes(this.scratch.subarray(0, used))
    parts.push(part)
    return parts
  }

  private writeBytes(bytes: Uint8Array): void {
    let done = 0
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, this.position + done)
    this.position += bytes.length
  }
}

/** The columns written by StagedColumnsWriter, read back exactly. */
export function readStagedColumns(path: string, sections: readonly ColumnSection[]): DictionaryColumn[] {
  const fd = openSync(path, 'r')
  try {
    return sections.map((section) => {
      const codes = new Uint32Array(section.rows)
      readExactly(fd, new Uint8Array(codes.buffer), section.codesAt)
      const lengths = new Uint32Array(section.entries)
      readExactly(fd, new Uint8Array(lengths.buffer), section.lengthsAt)
      const parts: string[] = []
      let at = section.textAt
      for (const bytes of section.partBytes) {
        const buffer = Buffer.allocUnsafe(bytes)
        readExactly(fd, buffer, at)
        parts.push(buffer.toString(section.encoding))
        at += bytes
      }
      return { dictionary: cutValues(parts, lengths), codes, unique: section.unique }
    })
  } finally {
    closeSync(fd)
  }
}

function readExactly(fd: number, into: Uint8Array, position: number): void {
  let done = 0
  while (done < into.length) {
    const read = readSync(fd, into, done, into.length - done, position + done)
    if (read === 0) throw new Error(`the staged columns file ended ${into.length - done} bytes early`)
    done += read
  }
}

/** The values back from their text, which fills the parts in order. slice() is a pointer per value. */
export function cutValues(parts: readonly string[], lengths: Uint32Array): string[] {
  const values = new Array<string>(lengths.length)
  let part = 0
  let text = parts[0] ?? ''
  let at = 0
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i]!
    // A part ends exactly where its last value ends; empty values never open a new part.
    while (at + length > text.length || (at === text.length && length > 0)) {
      part++
      text = parts[part] ?? ''
      at = 0
    }
    values[i] = text.slice(at, at + length)
    at += length
  }
  return values
}
