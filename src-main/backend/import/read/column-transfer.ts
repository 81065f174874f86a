/**
 * A dictionary-encoded column as plain data for the reading process's other thread
 * (helper-thread.ts), and back. A column kept as the file's bytes (ByteSpanEntries) crosses as
 * its places in the file, which both threads see in shared memory; its dictionary is never made.
 */
import type { DictionaryColumn } from '@shared/engine/dictionary-column'
import { spanEntriesColumn } from './byte-dictionary-builder'
import { ByteSpanEntries, type PackedSpanEntries } from './byte-span-entries'

export type PackedColumn =
  { dictionary: readonly string[]; codes: Uint32Array; unique: boolean } | { spans: PackedSpanEntries; codes: Uint32Array }

/**
 * With `moved`, the column's typed arrays are listed there to be moved, not copied (the column
 * is then unusable on this side); without, they are copied. Arrays in shared memory are neither.
 */
export function packColumn(column: DictionaryColumn, moved?: ArrayBuffer[]): PackedColumn {
  // Shared memory is seen by both threads as it is: neither moved nor copied.
  const move = (array: Uint8Array | Uint32Array): void => {
    if (!(array.buffer instanceof SharedArrayBuffer)) moved?.push(array.buffer as ArrayBuffer)
  }
  move(column.codes)
  if (column.entries instanceof ByteSpanEntries) {
    const spans = column.entries.pack()
    move(spans.starts)
    move(spans.sizes)
    move(spans.kinds)
    return { spans, codes: column.codes }
  }
  return { dictionary: column.dictionary, codes: column.codes, unique: column.unique !== false }
}

export function unpackColumn(packed: PackedColumn): DictionaryColumn {
  if ('spans' in packed) return spanEntriesColumn(packed.codes, ByteSpanEntries.unpack(packed.spans))
  return { dictionary: packed.dictionary as string[], codes: packed.codes, unique: packed.unique }
}
