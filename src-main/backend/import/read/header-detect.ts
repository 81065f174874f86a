/**
 * Finds the header row below report titles ("Acme Corp — Accounts export", "Generated ...",
 * blank rows): the first row with several non-empty, mostly non-numeric, mostly distinct cells
 * that is about as wide as the rows that follow it.
 */

export const HEADER_SEARCH_ROWS = 30
/** Rows after a candidate that are looked at to judge the table's width. */
export const FOLLOWING_ROWS = 10

const NUMBER_LIKE = /^[-+(]?[$€£¥]?\s?\d[\d,.\s]*(%|[kmb])?\)?$/i
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T]\S+)?$/
const BOOLEAN_LIKE = /^(true|false)$/i

export function isValueLike(text: string): boolean {
  return NUMBER_LIKE.test(text) || DATE_LIKE.test(text) || BOOLEAN_LIKE.test(text)
}

export function nonEmptyCount(cells: readonly string[]): number {
  let n = 0
  for (const c of cells) if (c !== '') n++
  return n
}

/** Several cells, at least three quarters of them text, and nearly all different. */
export function isHeaderLike(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c !== '')
  if (filled.length < 2) return false
  const text = filled.filter((c) => !isValueLike(c)).length
  const distinct = new Set(filled.map((c) => c.toLowerCase())).size
  return text >= filled.length * 0.75 && distinct >= filled.length * 0.75
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

/**
 * `rows` are the first rows of the sheet or file (0-based, as many as are available: at least
 * HEADER_SEARCH_ROWS + FOLLOWING_ROWS when the source has them). Returns the 0-based header
 * index, or null when no row qualifies.
 */
export function findHeaderRow(rows: readonly (readonly string[])[]): number | null {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS)
  for (let i = 0; i < limit; i++) {
    const cells = rows[i] ?? []
    if (!isHeaderLike(cells)) continue
    const following: number[] = []
    for (let j = i + 1; j < rows.length && following.length < FOLLOWING_ROWS; j++) {
      const n = nonEmptyCount(rows[j] ?? [])
      if (n > 0) following.push(n)
    }
    // A title or a "key, value" line is much narrower than the table under it.
    if (following.length === 0 || nonEmptyCount(cells) >= median(following) * 0.5) return i
  }
  return null
}
