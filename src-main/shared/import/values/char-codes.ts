/**
 * Character-code helpers shared by the value parsers. The parsers run once per distinct value of
 * every column (a million times for an id column), so they scan char codes in place instead of
 * trimming, slicing or lower-casing strings.
 */

export const CODE_0 = 48
export const CODE_9 = 57

export function isDigitCode(code: number): boolean {
  return code >= CODE_0 && code <= CODE_9
}

/** ASCII whitespace plus the no-break and thin spaces spreadsheets put in formatted numbers. */
export function isSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x202f || code === 0x2009 || code === 0x2007
}

export function isLetterCode(code: number): boolean {
  const lower = code | 0x20
  return lower >= 97 && lower <= 122
}

/** Index of the first non-space character at or after `from` (or `end`). */
export function skipSpaces(text: string, from: number, end: number): number {
  let i = from
  while (i < end && isSpaceCode(text.charCodeAt(i))) i++
  return i
}

/** Index just past the last non-space character before `end` (or `from`). */
export function skipSpacesBack(text: string, from: number, end: number): number {
  let i = end
  while (i > from && isSpaceCode(text.charCodeAt(i - 1))) i--
  return i
}

/** Whether `word` (lower-case ASCII) occurs at `at`, compared case-insensitively. */
export function wordAt(text: string, at: number, word: string): boolean {
  if (at < 0 || at + word.length > text.length) return false
  for (let k = 0; k < word.length; k++) {
    const code = text.charCodeAt(at + k)
    const expected = word.charCodeAt(k)
    if (code !== expected && !(isLetterCode(code) && (code | 0x20) === expected)) return false
  }
  return true
}
