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
 * is then unusable on this side); without, they are copied.
 */
export function packColumn(column: DictionaryColumn, moved?: ArrayBuffer[]): PackedColumn {
  moved?.push(column.codes.buffer as ArrayBuffer)
  if (column.entries instanceof ByteSpanEntries) {
    const spans = column.entries.pack()
    moved?.push(spans.starts.buffer as ArrayBuffer, spans.sizes.buffer as ArrayBuffer, spans.kinds.buffer as ArrayBuffer)
    return { spans, codes: column.codes }
  }
  return { dictionary: column.dictionary, codes: column.codes, unique: column.unique !== false }
}

export function unpackColumn(packed: PackedColumn): DictionaryColumn {
  if ('spans' in packed) return spanEntriesColumn(packed.codes, ByteSpanEntries.unpack(packed.spans))
  return { dictionary: packed.dictionary as string[], codes: packed.codes, unique: packed.unique }
}
