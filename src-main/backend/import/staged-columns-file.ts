/**
 * How the read columns cross from the reading process to the app: through a file the app names
 * and deletes, not through the IPC channel. Over IPC a 1M-row CSV's columns (about 150 MB) were
 * joined into long strings, serialised, piped in 64 KB chunks, concatenated and deserialised
 * again: 4 of the import's 13 seconds, with the reader idle while the app took the messages apart
 * (measured with --cpu-prof on both processes).
 *
 * A dictionary crosses as the JSON text the workspace stores it as (column-codec.ts), so the app
 * need not build its values at all to save them: cutting a million values back into strings and
 * collecting them cost the app 1.5 s of the same import, and JSON-encoding them again for SQLite
 * another 0.3 s. The values are decoded from that text the first time something asks for them
 * (a re-profile after a change of type, a clean-up at commit).
 *
 * A file read on two threads is written by both, each into its own part (staged-columns-task.ts).
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs'
import { columnEntries, type DictionaryColumn } from '@shared/engine/dictionary-column'
import { decodeDictionary, encodeDictionary, rememberDictionaryText } from '../store/column-codec'
import { ByteSpanEntries } from './read/byte-span-entries'

/** Where one column is in the file, sent to the app with the rest of the staged file. */
export interface ColumnSection {
  /** Which of the file's parts holds it (see partPath): each thread of the reader writes its own. */
  part: number
  rows: number
  unique: boolean
  /** Values in the dictionary. */
  entries: number
  codesAt: number
  /** The dictionary as stored: JSON text, UTF-8 (JSON escapes a lone surrogate, so any value survives). */
  textAt: number
  textBytes: number
}

/** Values encoded per write. */
const TEXT_SLICE = 65_536

/** The file of part `part` of the columns file named `path`: the name itself for part 0. */
export function partPath(path: string, part: number): string {
  return part === 0 ? path : `${path}.${part}`
}

export class StagedColumnsWriter {
  private readonly fd: number
  private position = 0
  private scratch = Buffer.allocUnsafe(65_536)

  /** `slice` is lowered only by tests, to see a column's text written in several pieces. */
  constructor(
    path: string,
    private readonly part = 0,
    private readonly slice = TEXT_SLICE
  ) {
    this.fd = openSync(partPath(path, part), 'w')
  }

  write(column: DictionaryColumn): ColumnSection {
    const codesAt = this.position
    this.writeBytes(new Uint8Array(column.codes.buffer, column.codes.byteOffset, column.codes.byteLength))
    const textAt = this.position
    const entries = columnEntries(column)
    // The stored text is JSON.stringify(dictionary) (column-codec.ts), written a slice of values at
    // a time so the reader never holds a whole column's text beside its values; entries still in
    // the file's bytes are written from them.
    if (entries instanceof ByteSpanEntries) entries.writeJsonText((bytes) => this.writeBytes(bytes))
    else {
      const { dictionary } = column
      this.writeText('[')
      for (let from = 0; from < dictionary.length; from += this.slice) {
        if (from > 0) this.writeText(',')
        const piece = encodeDictionary(dictionary.slice(from, from + this.slice))
        this.writeText(piece, 1, piece.length - 1)
      }
      this.writeText(']')
    }
    return {
      part: this.part,
      rows: column.codes.length,
      entries: entries.length,
      unique: column.unique ?? false,
      codesAt,
      textAt,
      textBytes: this.position - textAt
    }
  }

  close(): void {
    closeSync(this.fd)
  }

  /**
   * Encodes text[from, to) into one buffer kept for the whole file: a new buffer per slice (a
   * megabyte or more, fresh memory each time) and the string joined to a separator cost the
   * 1M-row CSV's hand-over a fifth of its time.
   */
  private writeText(text: string, from = 0, to = text.length): void {
    const piece = from === 0 && to === text.length ? text : text.slice(from, to)
    const length = Buffer.byteLength(piece, 'utf8')
    if (length > this.scratch.length) this.scratch = Buffer.allocUnsafe(Math.max(length, this.scratch.length * 2))
    this.scratch.write(piece, 0, 'utf8')
    this.writeBytes(this.scratch.subarray(0, length))
  }

  private writeBytes(bytes: Uint8Array): void {
    let done = 0
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, this.position + done)
    this.position += bytes.length
  }
}

/** The columns written by StagedColumnsWriter; each dictionary is decoded when first read. */
export function readStagedColumns(path: string, sections: readonly ColumnSection[]): DictionaryColumn[] {
  const fds = new Map<number, number>()
  try {
    return sections.map((section) => {
      let fd = fds.get(section.part)
      if (fd === undefined) fds.set(section.part, (fd = openSync(partPath(path, section.part), 'r')))
      const codes = new Uint32Array(section.rows)
      readExactly(fd, new Uint8Array(codes.buffer), section.codesAt)
      const bytes = Buffer.allocUnsafe(section.textBytes)
      readExactly(fd, bytes, section.textAt)
      return columnFromText(bytes, section.entries, codes, section.unique)
    })
  } finally {
    for (const fd of fds.values()) closeSync(fd)
  }
}

function columnFromText(text: Buffer, entries: number, codes: Uint32Array, unique: boolean): DictionaryColumn {
  let dictionary: string[] | null = null
  const column: DictionaryColumn = {
    get dictionary(): string[] {
      return (dictionary ??= decodeDictionary(text.toString('utf8')))
    },
    codes,
    unique
  }
  rememberDictionaryText(column, text, entries)
  return column
}

function readExactly(fd: number, into: Uint8Array, position: number): void {
  let done = 0
  while (done < into.length) {
    const read = readSync(fd, into, done, into.length - done, position + done)
    if (read === 0) throw new Error(`the staged columns file ended ${into.length - done} bytes early`)
    done += read
  }
}
