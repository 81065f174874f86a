/**
 * How well scores rank positives (won deals) above negatives, from per-score counts: the
 * histograms are indexed low to high (for the simulation: Disqualified, then scores 0-100), so
 * every figure costs one pass over ~100 buckets however many deals there are.
 */

export interface GainsPoint {
  /** Deals in this bucket and above count as selected. */
  bucket: number
  /** Share of all deals selected. */
  population: number
  /** Share of positives selected. */
  captured: number
}

function total(counts: ArrayLike<number>): number {
  let sum = 0
  for (let i = 0; i < counts.length; i++) sum += counts[i]!
  return sum
}

/**
 * Area under the ROC curve: the chance that a random positive is ranked above a random
 * negative, a tie counting half. NaN without both positives and negatives.
 */
export function aucFromHistograms(positives: ArrayLike<number>, negatives: ArrayLike<number>): number {
  const p = total(positives)
  const n = total(negatives)
  if (p === 0 || n === 0) return NaN
  let negativesBelow = 0
  let pairs = 0
  for (let b = 0; b < positives.length; b++) {
    const neg = negatives[b] ?? 0
    pairs += positives[b]! * (negativesBelow + neg / 2)
    negativesBelow += neg
  }
  return pairs / (p * n)
}

/** Gini (accuracy ratio) = 2 * AUC - 1: 0 for a random ranking, 1 for a perfect one. */
export function giniFromAuc(auc: number): number {
  return 2 * auc - 1
}

/**
 * Kolmogorov-Smirnov: the largest gap between the share of positives and the share of
 * negatives at or above a bucket, and the bucket where it occurs (NaN / -1 without both).
 */
export function ksFromHistograms(positives: ArrayLike<number>, negatives: ArrayLike<number>): { ks: number; bucket: number } {
  const p = total(positives)
  const n = total(negatives)
  if (p === 0 || n === 0) return { ks: NaN, bucket: -1 }
  let best = 0
  let bucket = positives.length - 1
  let posAbove = 0
  let negAbove = 0
  for (let b = positives.length - 1; b >= 0; b--) {
    posAbove += positives[b]!
    negAbove += negatives[b] ?? 0
    const gap = Math.abs(posAbove / p - negAbove / n)
    if (gap > best) {
      best = gap
      bucket = b
    }
  }
  return { ks: best, bucket }
}

/** Cumulative gains from the top bucket down: select the best-scored deals first, what share of positives is caught? */
export function cumulativeGains(positives: ArrayLike<number>, counts: ArrayLike<number>): GainsPoint[] {
  const p = total(positives)
  const all = total(counts)
  const points: GainsPoint[] = []
  let posAbove = 0
  let above = 0
  for (let b = counts.length - 1; b >= 0; b--) {
    posAbove += positives[b]!
    above += counts[b]!
    points.push({ bucket: b, population: all === 0 ? NaN : above / all, captured: p === 0 ? NaN : posAbove / p })
  }
  return points
}
