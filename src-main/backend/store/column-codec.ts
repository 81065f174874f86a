import type { DictionaryColumn } from '@shared/engine/dictionary-column'

/** Codes take 1, 2 or 4 bytes each depending on how many distinct values the column has. */
export function codeWidthFor(dictionarySize: number): 1 | 2 | 4 {
  if (dictionarySize <= 0x100) return 1
  if (dictionarySize <= 0x10000) return 2
  return 4
}

export function encodeCodes(column: DictionaryColumn): { width: 1 | 2 | 4; bytes: Buffer } {
  const width = codeWidthFor(column.dictionary.length)
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

export function decodeDictionary(text: string): string[] {
  const parsed: unknown = JSON.parse(text)
  if (!Array.isArray(parsed) || parsed.some((v) => typeof v !== 'string')) {
    throw new Error('stored dictionary is not a list of strings')
  }
  return parsed as string[]
}
