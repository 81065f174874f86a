/**
 * What a CSV cell's bytes say about its value before any string is made: whether they can stand
 * for it as they are, and where it starts and ends once the spaces around it are cut.
 */

/** Whether a byte can stand at either end of a cell that needs no trimming: printable ASCII. */
export function plainEdge(b: number): boolean {
  return b > 32 && b < 127
}

/** What String.prototype.trim removes below 0x80: tab, line feed, vertical tab, form feed, carriage return, space. */
function isSpaceByte(b: number): boolean {
  return b === 32 || (b >= 9 && b <= 13)
}

/** Where cutSpaces left the value (module-level out-parameters keep the scan free of objects). */
export let cutFrom = 0
export let cutTo = 0

/**
 * Cuts the ASCII spaces off both ends of the cell `bytes[from, to)` (cutFrom, cutTo). True when
 * what is left is the trimmed value as its bytes: empty, or with printable ASCII at both ends.
 * False when decoding and trimming must decide (a no-break space, a letter beyond ASCII or a
 * control character at an end). Only bytes below 0x80 are cut, never part of a longer UTF-8
 * sequence, so the range stays valid UTF-8.
 */
export function cutSpaces(bytes: Uint8Array, from: number, to: number): boolean {
  let a = from
  let z = to
  while (a < z && isSpaceByte(bytes[a]!)) a++
  while (z > a && isSpaceByte(bytes[z - 1]!)) z--
  cutFrom = a
  cutTo = z
  return a === z || (plainEdge(bytes[a]!) && plainEdge(bytes[z - 1]!))
}

/** The scan's hash of `bytes[from, to)` (FNV-1a), for a range cut after it was scanned. */
export function rangeHash(bytes: Uint8Array, from: number, to: number): number {
  let hash = 0x811c9dc5 | 0
  for (let k = from; k < to; k++) hash = Math.imul(hash ^ bytes[k]!, 16777619)
  return hash
}
