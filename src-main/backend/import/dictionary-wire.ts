/**
 * How a column's dictionary crosses from the reading process to the app. A million separate
 * strings cost seconds to serialise and to rebuild on the other side (as JSON they did: 1.3 s to
 * stringify, 2 s to deserialise and parse for a 1M-row file); the same values joined into a few
 * long strings plus their lengths are copied as a handful of flat blocks, and cut apart again
 * with slice(), which is a pointer per value.
 */

/** A part stays far below V8's longest string (about 2^29 characters). */
const PART_CHARS = 1 << 26

export interface WireDictionary {
  /** The values, in order, concatenated into parts of at most PART_CHARS characters (a longer value is a part of its own). */
  parts: string[]
  /** Length in UTF-16 code units of each value; the values fill the parts in order. */
  lengths: Uint32Array
}

/** `partChars` is lowered only by tests, to see values spread over several parts. */
export function packDictionary(dictionary: readonly string[], partChars = PART_CHARS): WireDictionary {
  const lengths = new Uint32Array(dictionary.length)
  const parts: string[] = []
  let from = 0
  let chars = 0
  for (let i = 0; i < dictionary.length; i++) {
    const length = dictionary[i]!.length
    if (chars + length > partChars && i > from) {
      parts.push(dictionary.slice(from, i).join(''))
      from = i
      chars = 0
    }
    lengths[i] = length
    chars += length
  }
  if (from < dictionary.length || parts.length === 0) parts.push(dictionary.slice(from).join(''))
  return { parts, lengths }
}

export function unpackDictionary(wire: WireDictionary): string[] {
  const { parts, lengths } = wire
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
