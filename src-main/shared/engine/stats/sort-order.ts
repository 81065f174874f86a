/**
 * Rows ordered by a numeric value, without a comparator sort over a million indexes (slow in
 * JavaScript): the values are sorted natively, each row finds its value's rank by binary
 * search, and a counting sort places the rows. Ties keep the rows' original order.
 */

/** `rows` sorted ascending by values[row]; rows whose value is NaN are left out. */
export function orderByValue(values: Float64Array, rows: ArrayLike<number>): Int32Array {
  const keys = new Float64Array(rows.length)
  let count = 0
  for (let j = 0; j < rows.length; j++) {
    const value = values[rows[j]!]!
    if (!Number.isNaN(value)) keys[count++] = value
  }
  const sorted = keys.slice(0, count).sort()
  let distinctCount = 0
  const distinct = new Float64Array(count)
  for (let j = 0; j < count; j++) {
    const value = sorted[j]!
    if (distinctCount === 0 || distinct[distinctCount - 1] !== value) distinct[distinctCount++] = value
  }
  const rank = new Int32Array(count)
  const kept = new Int32Array(count)
  const starts = new Int32Array(distinctCount + 1)
  for (let j = 0, k = 0; j < rows.length; j++) {
    const row = rows[j]!
    const value = values[row]!
    if (Number.isNaN(value)) continue
    let lo = 0
    let hi = distinctCount - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (distinct[mid]! < value) lo = mid + 1
      else hi = mid
    }
    rank[k] = lo
    kept[k++] = row
    starts[lo + 1]!++
  }
  for (let r = 0; r < distinctCount; r++) starts[r + 1] = starts[r + 1]! + starts[r]!
  const order = new Int32Array(count)
  for (let k = 0; k < count; k++) order[starts[rank[k]!]!++] = kept[k]!
  return order
}
