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
 * staged-columns-file.ts), with their number of values: saving one writes that text without
 * building its values. Keyed by the column object, which nothing changes in place; a cleaned or
 * merged column is a new object and is encoded from its values.
 */
const storedText = new WeakMap<DictionaryColumn, { text: string; entries: number }>()

export function rememberDictionaryText(column: DictionaryColumn, text: string, entries: number): void {
  storedText.set(column, { text, entries })
}

/** What the workspace stores for this column's dictionary. */
export function encodeColumnDictionary(column: DictionaryColumn): string {
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
