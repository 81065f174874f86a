import type { DictionaryColumn } from '@shared/engine/dictionary-column'

/** Codes take 1, 2 or 4 bytes each depending on how many distinct values the column has. */
export function codeWidthFor(dictionarySize: number): 1 | 2 | 4 {
  if (dictionarySize <= 0x100) return 1
  if (dictionarySize <= 0x10000) return 2
  return 4
}

export function encodeCodes(column: DictionaryColumn): { width: 1 | 2 | 4; bytes: Buffer } {
  const width = codeWidthFor(dictionarySize(column))
  const narrowed = width === 4 ? column.codes : width === 2 ? Uint16Array.from(column.codes) : Uint8Array.from(column.codes)
  // Typed arrays are little-endian on every platform Electron supports.
  return { width, bytes: Buffer.from(narrowed.buffer, narrowed.byteOffset, narrowed.byteLength) }
}

export function decodeCodes(bytes: Uint8Array, width: number, rowCount: number): Uint32Array {
  if (bytes.byteLength !== width * rowCount) {
    throw new Error(`stored codes have ${bytes.byteLength} bytes, expected ${width * rowCount}`)
  }
  // Copy into an aligned buffer: a blob from SQLite may start at any byte offset.
  const aligned = new Uint8Array(bytes.byteLength)
  aligned.set(bytes)
  if (width === 4) return new Uint32Array(aligned.buffer)
  if (width === 2) return Uint32Array.from(new Uint16Array(aligned.buffer))
  return Uint32Array.from(aligned)
}

export function encodeDictionary(dictionary: readonly string[]): string {
  return JSON.stringify(dictionary)
}

/**
 * The stored text of columns that arrived as it (a staged import's columns, see
 * staged-columns-file.ts), as UTF-8 bytes, with their number of values: saving one writes those
 * bytes without building its values or even a string of them. Keyed by the column object, which
 * nothing changes in place; a cleaned or merged column is a new object and is encoded from its
 * values.
 */
const storedText = new WeakMap<DictionaryColumn, { text: Uint8Array; entries: number }>()

export function rememberDictionaryText(column: DictionaryColumn, text: Uint8Array, entries: number): void {
  storedText.set(column, { text, entries })
}

/**
 * SQL for the dictionary parameter of an INSERT: the column is TEXT, and a dictionary that arrived
 * as UTF-8 bytes is bound as a blob, which CAST turns into that text byte for byte. Decoding a
 * 1M-row file's dictionaries into strings only to have SQLite encode them back cost the app
 * 0.36 s of a 1M-row CSV import (--cpu-prof).
 */
export const DICTIONARY_PARAMETER = 'CAST(? AS TEXT)'

/** What the workspace stores for this column's dictionary: JSON text, as a string or its UTF-8 bytes. */
export function encodeColumnDictionary(column: DictionaryColumn): string | Uint8Array {
  return storedText.get(column)?.text ?? encodeDictionary(column.dictionary)
}

/** How many values the column's dictionary holds (without decoding a stored text to count them). */
function dictionarySize(column: DictionaryColumn): number {
  return storedText.get(column)?.entries ?? column.dictionary.length
}

export function decodeDictionary(text: string): string[] {
  const parsed: unknown = JSON.parse(text)
  if (!Array.isArray(parsed) || parsed.some((v) => typeof v !== 'string')) {
    throw new Error('stored dictionary is not a list of strings')
  }
  return parsed as string[]
}
