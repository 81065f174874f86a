/** Median and mean that skip missing values (NaN), for typed arrays as for plain ones. */

/** The middle value (the mean of the two middle ones for an even count); NaN when nothing is there. */
export function median(values: ArrayLike<number>): number {
  const present = new Float64Array(values.length)
  let count = 0
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!
    if (!Number.isNaN(value)) present[count++] = value
  }
  if (count === 0) return NaN
  const sorted = present.subarray(0, count).sort()
  const middle = count >> 1
  return count % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export function mean(values: ArrayLike<number>): number {
  let sum = 0
  let count = 0
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!
    if (Number.isNaN(value)) continue
    sum += value
    count++
  }
  return count === 0 ? NaN : sum / count
}
