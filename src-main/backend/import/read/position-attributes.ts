/**
 * Finds the attributes that place something on the grid (r=, ref=, sqref=, with or without a
 * namespace prefix) in XML bytes, matching exactly what the pattern
 *
 *   /\s(?!xmlns:)(?:[\w.-]+:)?(?:r|ref|sqref)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
 *
 * matches in the text read as latin1 (one character per byte), match for match. The pattern
 * was the guard's whole cost on a large sheet (a latin1 copy of the part and a match object
 * per cell); walking the bytes costs neither. test/backend/sheet-grid-scan.test.ts holds the
 * two equal on random XML.
 */

const XMLNS = [120, 109, 108, 110, 115, 58] // "xmlns:"
const NAMES: ReadonlyArray<readonly number[]> = [[114], [114, 101, 102], [115, 113, 114, 101, 102]] // r, ref, sqref

/** JavaScript's \s among latin1 characters: TAB, LF, VT, FF, CR, space, no-break space. */
const SPACE = new Uint8Array(256)
for (const c of [9, 10, 11, 12, 13, 32, 160]) SPACE[c] = 1

/** \w, '.' or '-'. */
function isNameChar(b: number): boolean {
  return (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b === 95 || b === 46 || b === 45
}

/**
 * Calls `visit(valueFrom, valueTo)` for each match in b[from, stop), in order, as the pattern's
 * global search over that text would find them; stops early when `visit` returns true.
 */
export function forEachPositionValue(
  b: Uint8Array,
  from: number,
  stop: number,
  visit: (valueFrom: number, valueTo: number) => boolean
): void {
  let i = from
  while (i < stop) {
    if (SPACE[b[i]!] === 0) {
      i++
      continue
    }
    const end = matchAt(b, i + 1, stop)
    if (end < 0) {
      i++
      continue
    }
    if (visit(matchedFrom, end - 1)) return
    i = end
  }
}

/** Where the last match's value starts (a module-level out-parameter keeps the loop free of objects). */
let matchedFrom = 0

/** The end of a match whose leading space is just before `j`, or -1. */
function matchAt(b: Uint8Array, j: number, stop: number): number {
  let k = 0
  while (k < XMLNS.length && j + k < stop && b[j + k] === XMLNS[k]) k++
  if (k === XMLNS.length) return -1
  // A prefix can only be the whole run of name characters before a colon.
  let run = j
  while (run < stop && isNameChar(b[run]!)) run++
  // Most attributes (t="s", s="3") are a bare name and '=': only r, ref and sqref can match,
  // and no prefix can (it would need the colon), so anything else is no match.
  if (run < stop && b[run] === 61 && !isPositionName(b, j, run - j)) return -1
  if (run > j && run < stop && b[run] === 58) {
    const end = nameAndValue(b, run + 1, stop)
    if (end >= 0) return end
  }
  return nameAndValue(b, j, stop)
}

/** Whether b[at, at + length) is r, ref or sqref. */
function isPositionName(b: Uint8Array, at: number, length: number): boolean {
  if (length === 1) return b[at] === 114
  if (length === 3) return b[at] === 114 && b[at + 1] === 101 && b[at + 2] === 102
  return length === 5 && b[at] === 115 && b[at + 1] === 113 && b[at + 2] === 114 && b[at + 3] === 101 && b[at + 4] === 102
}

function nameAndValue(b: Uint8Array, q: number, stop: number): number {
  for (const name of NAMES) {
    let k = 0
    while (k < name.length && q + k < stop && b[q + k] === name[k]) k++
    if (k < name.length) continue
    let p = q + k
    while (p < stop && SPACE[b[p]!] === 1) p++
    if (p >= stop || b[p] !== 61) continue
    p++
    while (p < stop && SPACE[b[p]!] === 1) p++
    const quote = b[p]
    if (p >= stop || (quote !== 34 && quote !== 39)) continue
    let close = p + 1
    while (close < stop && b[close] !== quote) close++
    if (close >= stop) continue
    matchedFrom = p + 1
    return close + 1
  }
  return -1
}
